import { describe, expect, it } from 'vitest';
import { nextReviewDay } from './reviews.js';

describe('the next review day', () => {
  it.each([
    ['retiring needs none', 'retire', null, { date: null }],
    ['retiring ignores one given', 'retire', '2026-04-01', { date: null }],
    ['keeping needs one', 'keep', null, { problem: 'required' }],
    ['today is too soon', 'keep', '2026-03-01', { problem: 'not_after_today' }],
    ['a day gone is too soon', 'amend', '2026-02-27', { problem: 'not_after_today' }],
    ['tomorrow is fine', 'amend', '2026-03-02', { date: '2026-03-02' }],
  ] as const)('%s', (_name, outcome, next, expected) => {
    expect(nextReviewDay(outcome, next, '2026-03-01')).toEqual(expected);
  });
});
