import { describe, expect, it } from 'vitest';
import { budgetOutlook } from './budget.js';

const DAY = 86_400_000;

describe('budgetOutlook', () => {
  it.each([
    // 30-day window, half the budget left, burning at ×2: 0.5 × 30 / 2 = 7.5 days.
    { remaining: 0.5, rate: 2, window: 30 * DAY, expected: { kind: 'lasts', ms: 7.5 * DAY } },
    // The whole budget at ×1 lasts the whole window.
    { remaining: 1, rate: 1, window: 30 * DAY, expected: { kind: 'lasts', ms: 30 * DAY } },
    // The case: −50 % left at ×3.33 once read as "30 / 3.33 = 9 days"; it is spent.
    { remaining: -0.5, rate: 30 / 9, window: 30 * DAY, expected: { kind: 'spent' } },
    // Exactly at the target: nothing left.
    { remaining: 0, rate: 5, window: 30 * DAY, expected: { kind: 'spent' } },
    // Spent even when nothing burns now.
    { remaining: -0.2, rate: 0, window: 30 * DAY, expected: { kind: 'spent' } },
    // Budget left and no bad events lately: no time applies.
    { remaining: 0.8, rate: 0, window: 30 * DAY, expected: { kind: 'steady' } },
    { remaining: Number.NaN, rate: 1, window: 30 * DAY, expected: { kind: 'spent' } },
  ])('$remaining left at ×$rate → $expected.kind', ({ remaining, rate, window, expected }) => {
    expect(budgetOutlook(remaining, rate, window)).toEqual(expected);
  });
});
