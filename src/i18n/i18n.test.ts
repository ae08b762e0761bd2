import { describe, expect, it } from 'vitest';
import { pickLocale, RESOURCES, translate } from './index.js';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));
}

describe('server-side dictionaries', () => {
  it('have the same keys in Russian and English', () => {
    expect(keysOf(RESOURCES.ru as unknown as Tree).sort()).toEqual(keysOf(RESOURCES.en as unknown as Tree).sort());
  });

  it('fill placeholders and fall back to the key for unknown keys', () => {
    expect(translate('en', 'portal.welcome', { name: 'Anna' })).toBe('Welcome, Anna');
    expect(translate('ru', 'portal.welcome', { name: 'Анна' })).toBe('Здравствуйте, Анна');
    expect(translate('en', 'portal.nope')).toBe('portal.nope');
  });

  it('pick the first supported language of Accept-Language', () => {
    expect(pickLocale('de-DE,en;q=0.8,ru;q=0.5', 'ru')).toBe('en');
    expect(pickLocale('ru-RU,ru;q=0.9', 'en')).toBe('ru');
    expect(pickLocale('fr', 'en')).toBe('en');
    expect(pickLocale(undefined, 'ru')).toBe('ru');
  });
});
