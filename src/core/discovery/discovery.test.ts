import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { buildErrcGrid, classifyFactor, measuredLevel } from './errc.js';
import { computeFit, type FitPain } from './fit.js';
import { comparePains, painPriority } from './priority.js';

const pain = (id: string, severity: number, frequency = 1, status: FitPain['status'] = 'open', createdAt = 0): FitPain => ({
  id,
  severity,
  frequency,
  status,
  createdAt,
});

describe('fit of a segment', () => {
  it('is 0.7 for open pains of severity 5, 3 and 2 where the 5 and the 2 are answered', () => {
    const result = computeFit([pain('a', 5), pain('b', 3), pain('c', 2)], new Set(['a', 'c']));
    expect(result.fit).toBeCloseTo(0.7, 10);
    expect(result.answeredSeverity).toBe(7);
    expect(result.totalSeverity).toBe(10);
    expect(result.unanswered).toEqual(['b']);
    expect(result.hasPains).toBe(true);
  });

  it('is 0 with hasPains false when the segment has no open pains, not 100%', () => {
    expect(computeFit([], new Set())).toMatchObject({ fit: 0, hasPains: false, unanswered: [] });
    expect(computeFit([pain('r', 4, 1, 'retired'), pain('d', 5, 1, 'answered')], new Set())).toMatchObject({ fit: 0, hasPains: false });
  });

  it('ignores answered and retired pains and links to them', () => {
    const result = computeFit([pain('a', 4), pain('r', 5, 1, 'retired')], new Set(['r']));
    expect(result).toMatchObject({ fit: 0, totalSeverity: 4, unanswered: ['a'] });
  });

  it('lists unanswered pains highest priority first', () => {
    const pains = [pain('low', 2, 2), pain('high', 3, 5), pain('mid', 4, 2), pain('mid-sev', 2, 4)];
    expect(computeFit(pains, new Set()).unanswered).toEqual(['high', 'mid', 'mid-sev', 'low']);
  });
});

describe('pain priority', () => {
  it('is severity × frequency', () => {
    expect(painPriority({ severity: 5, frequency: 4 })).toBe(20);
    expect(painPriority({ severity: 1, frequency: 1 })).toBe(1);
  });

  it('orders by priority, then severity, then age, then id', () => {
    const rows = [
      { id: 'b', severity: 2, frequency: 3, createdAt: 1 },
      { id: 'a', severity: 3, frequency: 2, createdAt: 2 },
      { id: 'c', severity: 5, frequency: 5, createdAt: 3 },
      { id: 'd', severity: 3, frequency: 2, createdAt: 1 },
    ];
    expect(rows.sort(comparePains).map((r) => r.id)).toEqual(['c', 'd', 'a', 'b']);
  });
});

describe('ERRC derived from the curves', () => {
  it.each([
    ['eliminate: target 0, current > 0', 6, 0, [3], 'eliminate'],
    ['reduce: 0 < target < current', 8, 4, [9], 'reduce'],
    ['raise: target > current, offered by a competitor', 0, 7, [5, 0], 'raise'],
    ['raise: target > current, offered by us now', 3, 9, [0], 'raise'],
    ['create: target > 0, nobody offers it', 0, 8, [0, 0], 'create'],
    ['create: no competitors at all', 0, 2, [], 'create'],
    ['unchanged: target = current', 5, 5, [7], 'unchanged'],
    ['unchanged: both 0', 0, 0, [4], 'unchanged'],
  ] as const)('%s', (_name, current, target, competitors, expected) => {
    expect(classifyFactor(current, target, competitors)).toBe(expected);
  });

  it('groups a canvas into the grid in canvas order', () => {
    const grid = buildErrcGrid([
      { id: '1', name: 'price', current: 6, target: 0, competitors: [5] },
      { id: '2', name: 'passport', current: 0, target: 9, competitors: [0] },
      { id: '3', name: 'speed', current: 4, target: 8, competitors: [6] },
      { id: '4', name: 'paperwork', current: 7, target: 3, competitors: [7] },
      { id: '5', name: 'warranty', current: 5, target: 9, competitors: [3] },
    ]);
    expect(grid.eliminate.map((f) => f.name)).toEqual(['price']);
    expect(grid.reduce.map((f) => f.name)).toEqual(['paperwork']);
    expect(grid.raise.map((f) => f.name)).toEqual(['speed', 'warranty']);
    expect(grid.create.map((f) => f.name)).toEqual(['passport']);
    expect(grid.unchanged).toEqual([]);
  });
});

describe('level of a factor measured by a promise', () => {
  it.each([
    ['17 good of 20 → 8.5', 0.85, 8.5],
    ['one decimal: 0.853 → 8.5', 0.853, 8.5],
    ['rounds half up: 0.995 → 10', 0.995, 10],
    ['all kept → 10', 1, 10],
    ['all broken → 0', 0, 0],
  ] as const)('%s', (_name, attainment, level) => {
    expect(measuredLevel(attainment)).toBe(level);
  });

  it('is null with no data yet, not 0 or 10', () => {
    expect(measuredLevel(null)).toBeNull();
  });
});

describe('CSV reader', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('type,text\r\npain,"долго ждать, очень"\r\nneed,"say ""hi""\nplease"\n')).toEqual([
      ['type', 'text'],
      ['pain', 'долго ждать, очень'],
      ['need', 'say "hi"\nplease'],
    ]);
  });

  it('takes semicolons as the delimiter when the header uses them, and drops a BOM and blank lines', () => {
    expect(parseCsv('\ufefftype;text;severity\n\npain;a, b;5\n')).toEqual([
      ['type', 'text', 'severity'],
      ['pain', 'a, b', '5'],
    ]);
  });

  it('names the row of a syntax error', () => {
    expect(() => parseCsv('a,b\n"x"y,z\n')).toThrow(/row 2/);
    expect(() => parseCsv('a,b\n"open,z\n')).toThrow(/not closed/);
  });
});
