import { describe, expect, it } from 'vitest';
import { FIELD_ERROR_CODES } from '../core/errors.js';
import { fieldErrorVars } from './field-error-vars.js';
import { pickLocale, pluralCategory, RESOURCES, translate } from './index.js';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));
}

describe('server-side dictionaries', () => {
  it('have the same keys in Russian and English', () => {
    expect(keysOf(RESOURCES.ru as unknown as Tree).sort()).toEqual(keysOf(RESOURCES.en as unknown as Tree).sort());
  });

  it('say every field-error code in Russian and English, counting by its params', () => {
    for (const locale of ['ru', 'en'] as const) {
      const sentences = RESOURCES[locale].fieldErrors as Record<string, string>;
      const missing = FIELD_ERROR_CODES.filter((code) => sentences[code] === undefined && sentences[`${code}_other`] === undefined);
      expect(missing, `field-error codes without ${locale} text`).toEqual([]);
    }
    const tooLong = (locale: 'ru' | 'en', maximum: number) =>
      translate(locale, 'fieldErrors.too_long', fieldErrorVars('too_long', { maximum }));
    expect([1, 2, 200].map((n) => tooLong('ru', n))).toEqual(['Не длиннее 1 символа', 'Не длиннее 2 символов', 'Не длиннее 200 символов']);
    expect(tooLong('en', 200)).toBe('At most 200 characters');
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

  it('pick Russian plural forms by CLDR rules: 1 one, 2 few, 5 many, 21 one, 11 many, 1,5 other', () => {
    expect([1, 2, 5, 21, 11, 22, 1.5].map((n) => pluralCategory('ru', n))).toEqual(['one', 'few', 'many', 'one', 'many', 'few', 'other']);
    expect([1, 2, 5, 21].map((n) => pluralCategory('en', n))).toEqual(['one', 'other', 'other', 'other']);
  });

  it('agree the noun with a count: «из 1 случая, из 2 случаев, из 21 случая», "of 1 case"', () => {
    const cases = (locale: 'ru' | 'en', total: number) => translate(locale, 'board.cases', { good: 1, total, count: total });
    expect([1, 2, 5, 21].map((n) => cases('ru', n))).toEqual(['1 из 1 случая', '1 из 2 случаев', '1 из 5 случаев', '1 из 21 случая']);
    expect([1, 2, 21].map((n) => cases('en', n))).toEqual(['1 of 1 case', '1 of 2 cases', '1 of 21 cases']);
    const ballot = (count: number) => translate('ru', 'participation.ballotSaved', { count, total: '10 ₽' }).split('.')[0];
    expect([1, 2, 5, 21].map(ballot)).toEqual([
      'Ваш бюллетень учтён: 1 проект на 10 ₽',
      'Ваш бюллетень учтён: 2 проекта, вместе 10 ₽',
      'Ваш бюллетень учтён: 5 проектов, вместе 10 ₽',
      'Ваш бюллетень учтён: 21 проект на 10 ₽',
    ]);
    const supports = (threshold: number) => translate('ru', 'voiceProposals.supports', { n: 1, threshold, count: threshold });
    expect([1, 2, 5, 21].map(supports)).toEqual([
      '1 из 1 голоса поддержки',
      '1 из 2 голосов поддержки',
      '1 из 5 голосов поддержки',
      '1 из 21 голоса поддержки',
    ]);
    // The count is shown in the language's number format.
    expect(translate('ru', 'board.cases', { good: '1 000', total: '2 500', count: 2500 })).toBe('1 000 из 2 500 случаев');
  });

  it('every plural key has all four forms in both languages', () => {
    for (const locale of ['ru', 'en'] as const) {
      const keys = keysOf(RESOURCES[locale] as unknown as Tree);
      const families = new Set(keys.filter((k) => /_(one|few|many|other)$/.test(k)).map((k) => k.replace(/_(one|few|many|other)$/, '')));
      expect(families.size).toBeGreaterThan(2);
      for (const family of families) {
        expect(
          ['one', 'few', 'many', 'other'].filter((form) => !keys.includes(`${family}_${form}`)),
          `${locale} ${family}`,
        ).toEqual([]);
      }
    }
  });
});
