import { describe, expect, it } from 'vitest';
import { browserLocale } from '../i18n/browser-locale';
import { lastUsedOrganization, startOrganization } from './start-org';

const org = (slug: string, name: string, locale: 'ru' | 'en') => ({ slug, name, locale });
const organizations = [
  org('homecare', 'Home Care', 'en'),
  org('stroydom', 'СтройДом', 'ru'),
  org('centre', 'Центр', 'ru'),
  org('acme', 'Acme', 'en'),
];

describe('the organization a person lands in after sign-in', () => {
  it('is the one used last while the person still belongs to it', () => {
    expect(startOrganization(organizations, 'centre', 'en')?.slug).toBe('centre');
  });

  it('is the one used last on any browser, by the account’s record, before this browser’s memory', () => {
    const used = organizations.map((o) => ({
      ...o,
      lastUsedAt: {
        homecare: '2026-11-01T10:00:00.000Z',
        stroydom: '2026-11-03T08:00:00.000Z',
        centre: null,
        acme: '2026-11-02T23:59:59.999Z',
      }[o.slug],
    }));
    expect(startOrganization(used, 'centre', 'en')?.slug).toBe('stroydom');
    expect(lastUsedOrganization(organizations)).toBeNull();
  });

  it('else the first by name in the person’s language, never the first row the server sent', () => {
    expect(startOrganization(organizations, null, 'ru')?.slug).toBe('stroydom');
    expect(startOrganization(organizations, 'gone', 'en')?.slug).toBe('acme');
  });

  it('else the first by name; none when the person belongs to none', () => {
    expect(startOrganization([org('b', 'Beta', 'ru'), org('a', 'Alpha', 'ru')], null, 'en')?.slug).toBe('a');
    expect(startOrganization([], 'x', 'ru')).toBeNull();
  });
});

describe('the sign-in page follows the browser’s language', () => {
  it('Russian for ru, English for anything else', () => {
    expect(browserLocale('ru')).toBe('ru');
    expect(browserLocale('ru-RU')).toBe('ru');
    expect(browserLocale('RU-ru')).toBe('ru');
    expect(browserLocale('en-US')).toBe('en');
    expect(browserLocale('de-DE')).toBe('en');
    expect(browserLocale('uk-UA')).toBe('en');
    expect(browserLocale('')).toBe('en');
  });
});
