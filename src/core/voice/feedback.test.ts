import { describe, expect, it } from 'vitest';
import { bucketOf, feedbackTrend, isScoreInRange, round2, SCORE_RANGE, summarizeFeedback, summarizeScoreCounts } from './feedback.js';

describe('feedback figures', () => {
  it.each([
    {
      name: 'NPS 10,9,9,8,7,6,0 and two skips: (3 − 2) ÷ 7 = 14.29',
      kind: 'nps' as const,
      scores: [10, 9, 9, 8, 7, 6, 0, null, null],
      expected: { kind: 'nps', n: 7, score: 14.29, promoters: 3, passives: 2, detractors: 2 },
    },
    {
      name: 'NPS all detractors is −100',
      kind: 'nps' as const,
      scores: [0, 3, 6],
      expected: { kind: 'nps', n: 3, score: -100, promoters: 0, passives: 0, detractors: 3 },
    },
    {
      name: 'NPS 9,5,6: (1 − 2) ÷ 3 = −33.33',
      kind: 'nps' as const,
      scores: [9, 5, 6],
      expected: { kind: 'nps', n: 3, score: -33.33, promoters: 1, passives: 0, detractors: 2 },
    },
    {
      name: 'NPS with no answers is null, not 0',
      kind: 'nps' as const,
      scores: [null, null],
      expected: { kind: 'nps', n: 0, score: null, promoters: 0, passives: 0, detractors: 0 },
    },
    {
      name: 'CSAT 5,4,4,3,2,1,5 and a skip: 4 of 7 are 4–5 = 57.14',
      kind: 'csat' as const,
      scores: [5, 4, 4, 3, 2, 1, 5, null],
      expected: { kind: 'csat', n: 7, score: 57.14 },
    },
    { name: 'CSAT 3,3 is 0', kind: 'csat' as const, scores: [3, 3], expected: { kind: 'csat', n: 2, score: 0 } },
    { name: 'CSAT with no answers is null', kind: 'csat' as const, scores: [], expected: { kind: 'csat', n: 0, score: null } },
    {
      name: 'CES 2,3,5,7,1 and a skip: 18 ÷ 5 = 3.6',
      kind: 'ces' as const,
      scores: [2, 3, 5, 7, 1, null],
      expected: { kind: 'ces', n: 5, score: 3.6 },
    },
    { name: 'CES 1,2,2: 5 ÷ 3 = 1.67', kind: 'ces' as const, scores: [1, 2, 2], expected: { kind: 'ces', n: 3, score: 1.67 } },
    { name: 'CES with no answers is null', kind: 'ces' as const, scores: [null], expected: { kind: 'ces', n: 0, score: null } },
  ])('$name', ({ kind, scores, expected }) => {
    expect(summarizeFeedback(kind, scores)).toEqual(expected);
  });

  it.each([
    { kind: 'nps' as const, ok: [0, 5, 10], bad: [-1, 11, 9.5] },
    { kind: 'csat' as const, ok: [1, 5], bad: [0, 6, 4.5] },
    { kind: 'ces' as const, ok: [1, 7], bad: [0, 8] },
  ])('$kind accepts whole scores on its scale only', ({ kind, ok, bad }) => {
    for (const s of ok) expect(isScoreInRange(kind, s)).toBe(true);
    for (const s of bad) expect(isScoreInRange(kind, s)).toBe(false);
    expect(SCORE_RANGE[kind].min).toBeLessThan(SCORE_RANGE[kind].max);
  });

  it.each([
    [14.285714, 14.29],
    [-33.333333, -33.33],
    [1.005, 1.01],
    [57.142857, 57.14],
  ])('rounds %d to %d', (value, expected) => {
    expect(round2(value)).toBe(expected);
  });
});

describe('trend buckets on the organization calendar', () => {
  it.each([
    {
      name: 'late Sunday UTC is already Monday in Moscow: the new week',
      t: Date.parse('2026-11-29T22:30:00Z'),
      bucket: 'week' as const,
      zone: 'Europe/Moscow',
      expected: { key: '2026-11-30', from: Date.parse('2026-11-29T21:00:00Z'), to: Date.parse('2026-12-06T21:00:00Z') },
    },
    {
      name: 'the same instant in UTC is still the week of 23 November',
      t: Date.parse('2026-11-29T22:30:00Z'),
      bucket: 'week' as const,
      zone: 'UTC',
      expected: { key: '2026-11-23', from: Date.parse('2026-11-23T00:00:00Z'), to: Date.parse('2026-11-30T00:00:00Z') },
    },
    {
      name: 'a week across the end of summer time in Berlin is 7 days and an hour',
      t: Date.parse('2026-10-22T12:00:00Z'),
      bucket: 'week' as const,
      zone: 'Europe/Berlin',
      expected: { key: '2026-10-19', from: Date.parse('2026-10-18T22:00:00Z'), to: Date.parse('2026-10-25T23:00:00Z') },
    },
    {
      name: '1 December 01:00 in Moscow is December',
      t: Date.parse('2026-11-30T22:00:00Z'),
      bucket: 'month' as const,
      zone: 'Europe/Moscow',
      expected: { key: '2026-12', from: Date.parse('2026-11-30T21:00:00Z'), to: Date.parse('2026-12-31T21:00:00Z') },
    },
  ])('$name', ({ t, bucket, zone, expected }) => {
    expect(bucketOf(t, bucket, zone)).toEqual(expected);
  });

  it('groups responses by month and fills empty months of the range', () => {
    const at = (iso: string) => Date.parse(iso);
    const responses = [
      { score: 10, answeredAt: at('2026-09-03T10:00:00Z') },
      { score: 6, answeredAt: at('2026-09-20T10:00:00Z') },
      { score: null, answeredAt: at('2026-09-21T10:00:00Z') },
      { score: 9, answeredAt: at('2026-11-05T10:00:00Z') },
    ];
    const trend = feedbackTrend('nps', responses, 'month', 'UTC', { from: at('2026-09-01T00:00:00Z'), to: at('2026-12-01T00:00:00Z') });
    expect(trend.map((p) => [p.bucket, p.n, p.score])).toEqual([
      ['2026-09', 2, 0],
      ['2026-10', 0, null],
      ['2026-11', 1, 100],
    ]);
    const sparse = feedbackTrend('nps', responses, 'month', 'UTC');
    expect(sparse.map((p) => p.bucket)).toEqual(['2026-09', '2026-11']);
  });
});

describe('figures from score counts', () => {
  it('match the figures from the scores themselves', () => {
    const counts = [
      { score: 10, count: 1 },
      { score: 9, count: 2 },
      { score: 8, count: 1 },
      { score: 7, count: 1 },
      { score: 6, count: 1 },
      { score: 0, count: 1 },
      { score: null, count: 2 },
    ];
    expect(summarizeScoreCounts('nps', counts)).toEqual({ kind: 'nps', n: 7, score: 14.29, promoters: 3, passives: 2, detractors: 2 });
    expect(
      summarizeScoreCounts('ces', [
        { score: 7, count: 1000 },
        { score: 1, count: 1000 },
      ]),
    ).toEqual({ kind: 'ces', n: 2000, score: 4 });
  });
});
