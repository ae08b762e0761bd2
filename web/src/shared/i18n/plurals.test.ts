import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../../../src/i18n/index';
import { en } from './en';
import { i18n } from './index';
import { ru } from './ru';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`),
  );

const DICTIONARIES = {
  'web en': en,
  'web ru': ru,
  'server en': RESOURCES.en,
  'server ru': RESOURCES.ru,
} as unknown as Record<string, Tree>;
const FORMS = ['one', 'few', 'many', 'other'];
const PLURAL = /_(one|few|many|other)$/;

/**
 * Placeholders that hold a count. A noun right after one must agree with it («5 обещаний», "1
 * promoter"), so such a string must be a plural form chosen by `count` (or the fallback of such a
 * family). Allowed after a count: words that do not change with the number ("of"/«из», "and"/«и»,
 * "more", "this", "together", "unread", "answered") and unit abbreviations; «Версия {{n}}» is an ordinal.
 */
const COUNTS = 'n|count|total|eligible|needs|pains|promoters|passives|detractors|members';
const UNCHANGED = 'of|из|and|и|more|this|за|together|unread|answered|d|h|min|s|дн|ч|мин|с';
const NOUN_AFTER_COUNT = new RegExp(
  `(?<!(?:Version|version|Версия|версия|Round|Раунд) )\\{\\{(${COUNTS})\\}\\} (?!(?:${UNCHANGED})(?![\\p{L}]))\\p{L}`,
  'u',
);

describe('plural forms', () => {
  it('every plural key has its four forms (one, few, many, other) in both languages, web and server', () => {
    for (const [name, tree] of Object.entries(DICTIONARIES)) {
      const keys = flatten(tree).map(([k]) => k);
      const families = new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
      expect(families.size, name).toBeGreaterThan(3);
      const incomplete = [...families].flatMap((f) => FORMS.filter((form) => !keys.includes(`${f}_${form}`)).map((form) => `${f}_${form}`));
      expect(incomplete, name).toEqual([]);
    }
  });

  it('a noun after a count is always a plural form chosen by {{count}}', () => {
    for (const [name, tree] of Object.entries(DICTIONARIES)) {
      const entries = flatten(tree);
      const families = new Set(
        entries
          .map(([key]) => key)
          .filter((key) => PLURAL.test(key))
          .map((key) => key.replace(PLURAL, '')),
      );
      const wrong = entries
        .filter(([key, text]) => NOUN_AFTER_COUNT.test(text) && !families.has(key.replace(PLURAL, '')))
        .map(([key, text]) => `${key}: ${text}`);
      expect(wrong, name).toEqual([]);
    }
  });

  it('Russian: 1 подтверждение, 2 подтверждения, 5 подтверждений, 21 подтверждение; 11 — подтверждений', () => {
    const t = i18n.getFixedT('ru');
    expect([1, 2, 5, 21, 11].map((count) => t('evidence.count', { count }))).toEqual([
      '1 подтверждение',
      '2 подтверждения',
      '5 подтверждений',
      '21 подтверждение',
      '11 подтверждений',
    ]);
    expect([1, 2, 5, 21].map((count) => t('feedback.promoters', { count }))).toEqual([
      '1 промоутер',
      '2 промоутера',
      '5 промоутеров',
      '21 промоутер',
    ]);
    expect([1, 2, 5, 21].map((count) => t('proposals.mergeForm.done', { count }))).toEqual([
      'Объединено: у оставшегося предложения 1 голос поддержки',
      'Объединено: у оставшегося предложения 2 голоса поддержки',
      'Объединено: у оставшегося предложения 5 голосов поддержки',
      'Объединено: у оставшегося предложения 21 голос поддержки',
    ]);
    // «из» takes the genitive: из 1 клиента, из 5 клиентов, из 21 клиента.
    expect([1, 5, 21].map((count) => t('polls.turnout', { n: 1, eligible: count, count }))).toEqual([
      'Проголосовали 1 из 1 клиента',
      'Проголосовали 1 из 5 клиентов',
      'Проголосовали 1 из 21 клиента',
    ]);
  });

  it('English: "1 promoter", "2 promoters"; each count of a sentence agrees with its own noun', () => {
    const t = i18n.getFixedT('en');
    expect([1, 2].map((count) => t('feedback.promoters', { count }))).toEqual(['1 promoter', '2 promoters']);
    expect(t('proposals.supportsCount', { count: 1 })).toBe('1 support');
    expect(t('economics.import.done', { count: 21 })).toBe('21 lines imported');
    const needs = t('importCsv.needs', { count: 1 });
    const pains = t('importCsv.pains', { count: 5 });
    expect(t('importCsv.checked', { needs, pains })).toBe('Ready to import: 1 need and 5 pains.');
    expect(
      i18n.getFixedT('ru')('importCsv.checked', {
        needs: i18n.getFixedT('ru')('importCsv.needs', { count: 2 }),
        pains: i18n.getFixedT('ru')('importCsv.pains', { count: 21 }),
      }),
    ).toBe('Готово к импорту: 2 потребности и 21 боль.');
  });
});
