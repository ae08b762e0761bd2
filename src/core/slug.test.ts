import { describe, expect, it } from 'vitest';
import { ZOrgSlug } from '../modules/common.schema.js';
import { suggestSlug, transliterate } from './slug.js';

describe('transliteration of Cyrillic', () => {
  it.each([
    ['РемонтПро', 'remontpro'],
    ['Жёлтый', 'zheltyy'],
    ['Хлеб', 'khleb'],
    ['Цех', 'tsekh'],
    ['Часы', 'chasy'],
    ['Школа', 'shkola'],
    ['Щука', 'shchuka'],
    ['Юла', 'yula'],
    ['Ясли', 'yasli'],
    ['Подъезд', 'podezd'],
    ['Мебель', 'mebel'],
    ['Эхо', 'ekho'],
    ['Київ', 'kiyiv'],
    ['Café Noël', 'cafe noel'],
  ])('%s → %s', (text, latin) => {
    expect(transliterate(text)).toBe(latin);
  });
});

describe('the short name suggested from an organization name', () => {
  it.each([
    ['РемонтПро', 'remontpro'],
    ['Строй Дом', 'stroy-dom'],
    ['  ООО «СтройДом» — ремонт квартир ', 'ooo-stroydom-remont-kvartir'],
    ['Центр «Мой район» №2', 'tsentr-moy-rayon-no2'],
    ['Home Care & Co.', 'home-care-co'],
    ['Я', 'ya'],
    ['Ь', ''],
    ['«»', ''],
  ])('%s → %s', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });

  it('is at most 40 characters, cut between words, and always passes ZOrgSlug', () => {
    const long = 'Муниципальное бюджетное учреждение культуры централизованная библиотечная система';
    const slug = suggestSlug(long);
    expect(slug).toBe('munitsipalnoe-byudzhetnoe-uchrezhdenie');
    for (const name of [long, 'РемонтПро', 'Строй Дом', 'a--b', 'Щ'.repeat(30), 'x'.repeat(50)]) {
      expect(ZOrgSlug.safeParse(suggestSlug(name)).success, name).toBe(true);
    }
  });
});
