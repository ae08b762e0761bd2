/**
 * The canvas SVG: factor labels wrap between words, never inside a word — ECharts' own
 * breaking cut Cyrillic words anywhere («Согласова» / «ние сметы»).
 */
import { describe, expect, it } from 'vitest';
import { renderCanvasSvg } from '../src/modules/discovery/canvas.svg.js';

const FACTORS = [
  'Согласование сметы до начала работ',
  'Прозрачность стоимости материалов',
  'Скорость выезда мастера',
  'Гарантийное обслуживание',
  'Чистота после ремонта',
  'Соблюдение сроков',
];

/** The text of every <text> element, entities decoded. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'"),
  );
}

describe('canvas SVG labels', () => {
  it('wrap long Russian factor names between words: every line is whole words, in order', async () => {
    const svg = await renderCanvasSvg(
      {
        name: 'Ремонт квартир',
        currentLabel: '',
        targetLabel: '',
        competitors: [{ name: 'Частный мастер' }],
        factors: FACTORS.map((name, i) => ({ name, current: i + 2, target: 8, competitorLevels: [5] })),
      },
      { current: 'Сейчас', target: 'Цель', level: 'Уровень' },
      900,
      500,
    );
    const lines = texts(svg);
    const words = new Set(FACTORS.flatMap((f) => f.split(' ')));
    for (const factor of FACTORS) {
      const first = factor.split(' ')[0] as string;
      const start = lines.findIndex((line) => line.split(' ')[0] === first);
      expect(start, `${factor} in ${lines.join(' | ')}`).toBeGreaterThanOrEqual(0);
      // The label's lines follow one another and, joined, give the label back.
      let joined = '';
      for (let i = start; i < lines.length && joined.length < factor.length; i++) joined += (joined ? ' ' : '') + lines[i];
      expect(joined).toBe(factor);
    }
    // At 900 px for six factors the longest name needs more than one line.
    expect(lines).not.toContain(FACTORS[0]);
    // No line holds a piece of a word.
    const labelLines = lines.filter((line) => line.split(' ').some((w) => words.has(w)));
    for (const line of labelLines) for (const w of line.split(' ')) expect(words.has(w), `${w} in «${line}»`).toBe(true);
  });
});
