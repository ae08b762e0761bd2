import { describe, expect, it } from 'vitest';
import { bucketLabel, formatFigure } from './feedback-format';

describe('feedback figures as shown', () => {
  it.each([
    ['nps', 14.29, 'en', '+14.29'],
    ['nps', -33.33, 'en', '-33.33'],
    ['nps', 0, 'en', '0'],
    ['csat', 57.14, 'en', '57.14 %'],
    ['ces', 3.6, 'ru', '3,6'],
    ['nps', null, 'en', '—'],
  ] as const)('%s %s in %s is %s', (kind, score, locale, text) => {
    expect(formatFigure(kind, score, locale)).toBe(text);
  });

  it('labels months and weeks', () => {
    expect(bucketLabel('2026-11', 'en')).toBe('Nov 2026');
    expect(bucketLabel('2026-11-30', 'en')).toBe('30 Nov');
  });
});
