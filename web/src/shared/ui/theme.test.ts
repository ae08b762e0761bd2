import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { accessibleShades, contrast, theme } from './theme';

describe('the accessible palette', () => {
  it('has every colour’s shade 6 at 4.5:1 or better on white and on the page grey', () => {
    for (const [name, tuple] of Object.entries(theme.colors ?? {})) {
      if (name === 'dark' || !tuple) continue;
      expect(contrast(tuple[6], '#ffffff'), name).toBeGreaterThanOrEqual(4.5);
      expect(contrast(tuple[6], '#f8f9fa'), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('darkens Mantine’s blue (3.56:1) and keeps a colour that already passes', () => {
    expect(contrast(DEFAULT_THEME.colors.blue[6], '#ffffff')).toBeCloseTo(3.56, 2);
    expect(contrast(accessibleShades(DEFAULT_THEME.colors.blue)[6], '#ffffff')).toBeGreaterThanOrEqual(4.7);
    expect(accessibleShades(DEFAULT_THEME.colors.dark)[6]).toBe(DEFAULT_THEME.colors.dark[6]);
    expect(accessibleShades(DEFAULT_THEME.colors.blue)[2]).toBe(DEFAULT_THEME.colors.blue[2]);
  });
});
