import { describe, expect, it } from 'vitest';
import { fingerprint, mostSimilar, normalizeText, SIMILAR_FROM, similarity, stem, stemsOf } from './similarity.js';

const score = (a: string, b: string) => similarity(fingerprint(a), fingerprint(b));

describe('normalising and stemming', () => {
  it('lowers case, turns ё into е and keeps letters and digits only', () => {
    expect(normalizeText('  Ещё РАЗ: ёлки-палки, 24/7!  ')).toBe('еще раз елки палки 24 7');
  });

  it('takes one common ending off, keeping three letters', () => {
    expect(stem('лавочки')).toBe('лавочк');
    expect(stem('дворе')).toBe('двор');
    expect(stem('установить')).toBe('установ');
    expect(stem('поставьте')).toBe('постав');
    expect(stem('лифт')).toBe('лифт');
    expect(stem('дом')).toBe('дом');
    expect(stem('benches')).toBe('bench');
    expect(stem('saturdays')).toBe('saturday');
    expect(stem('opening')).toBe('open');
  });

  it('drops short words and stop words, each stem once', () => {
    expect(stemsOf('Установить лавочки во дворе, во дворе!')).toEqual(['установ', 'лавочк', 'двор']);
    expect(stemsOf('Please open the office')).toEqual(['open', 'offic']);
  });
});

describe('similarity', () => {
  it('the same text scores 1; texts with no word in common score 0', () => {
    expect(score('Установить лавочки во дворе', 'установить ЛАВОЧКИ во дворе')).toBe(1);
    expect(score('Установить лавочки во дворе', 'Открыть офис по субботам')).toBe(0);
  });

  it('«Установить лавочки во дворе» ~ «Поставьте лавки во дворе дома»: 0.33', () => {
    // Stems: {установ, лавочк, двор} and {постав, лавк, двор, дом}; лавочк ~ лавк and двор match:
    // 2 ÷ (3 + 4 − 2) = 0.4. Trigrams: 17 and 17, 7 shared, 27 in all: 7 ÷ 27. Mean (0.4 + 7/27) ÷ 2 = 0.3296….
    const s = score('Установить лавочки во дворе', 'Поставьте лавки во дворе дома');
    expect(s).toBeCloseTo((0.4 + 7 / 27) / 2, 10);
    expect(s).toBeGreaterThanOrEqual(SIMILAR_FROM);
  });

  it('sharing one word of several is below the bar', () => {
    expect(score('Поставьте лавки во дворе дома', 'Уберите мусор во дворе')).toBeLessThan(SIMILAR_FROM);
  });

  it('English: "Open on Saturdays" ~ "Please open the office on Saturday mornings"', () => {
    expect(score('Open on Saturdays', 'Please open the office on Saturday mornings')).toBeGreaterThanOrEqual(0.5);
    expect(score('Open on Saturdays', 'Benches in the courtyard')).toBe(0);
  });

  it('mostSimilar keeps those above the bar, best first, at most the limit', () => {
    const candidates = [
      { id: 'a', texts: ['Уберите мусор во дворе'] },
      { id: 'b', texts: ['Поставьте лавки во дворе дома'] },
      { id: 'c', texts: ['Лавочки во дворе'] },
      { id: 'd', texts: ['Открыть офис по субботам'] },
    ];
    const found = mostSimilar(['Установить лавочки во дворе'], candidates, 5);
    expect(found.map((f) => f.item.id)).toEqual(['c', 'b']);
    expect(found[1]?.score).toBe(0.33);
    expect(mostSimilar(['Установить лавочки во дворе'], candidates, 1).map((f) => f.item.id)).toEqual(['c']);
    expect(mostSimilar(['во в на'], candidates, 5)).toEqual([]);
  });

  it('the best pair of texts counts: a long body does not hide a matching title', () => {
    const long = 'Поставьте лавки во дворе дома. Пожилым негде присесть, мамы с колясками стоят, скамейки давно сломаны';
    expect(score('Установить лавочки во дворе', long)).toBeLessThan(SIMILAR_FROM);
    const candidate = { id: 'b', texts: ['Поставьте лавки во дворе дома', long] };
    const found = mostSimilar(['Установить лавочки во дворе', 'Установить лавочки во дворе. Чтобы было где посидеть'], [candidate], 5);
    // The titles alone score 0.33: the best pair scores at least that.
    expect(found.map((f) => f.item.id)).toEqual(['b']);
    expect(found[0]?.score).toBeGreaterThanOrEqual(0.33);
  });
});
