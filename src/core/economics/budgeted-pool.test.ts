import { describe, expect, it } from 'vitest';
import { budgetedTeamFigures } from './budgeted-pool.js';
import type { TeamLedger } from './figures.js';
import { frac, ONE } from './fraction.js';
import { fulfillmentIndex } from './fulfillment.js';
import { splitPool } from './split.js';

// The README's worked example: a government team with no revenue, budget 12,000,000.00 ₽, bonus fund 500,000.00 ₽.
const SPENT: TeamLedger = {
  revenueMinor: 0,
  internalInMinor: 0,
  internalOutMinor: 0,
  nonLabourMinor: 180_000_000, // 1,800,000.00
  labourMinor: 900_000_000, // 9,000,000.00
  overheadMinor: 60_000_000, // 600,000.00 → 11,400,000.00 spent
  hoursCenti: 0,
};
const BUDGET = { budgetMinor: 1_200_000_000, bonusFundMinor: 50_000_000 };
const INDEX_087 = frac(87, 100);

describe('the budgeted bonus pool (government organizations)', () => {
  it('savings = budget − spent: 12,000,000.00 − 11,400,000.00 = 600,000.00; the net profit line stays −11,400,000.00', () => {
    const f = budgetedTeamFigures(SPENT, BUDGET, 0, ONE, true);
    expect(f.netProfitMinor).toBe(-1_140_000_000);
    expect(f.savingsMinor).toBe(60_000_000);
  });

  it('pool = bonus fund × fulfillment index: 500,000.00 × 0.87 = 435,000.00, the rest withheld', () => {
    const f = budgetedTeamFigures(SPENT, BUDGET, 0, INDEX_087, true);
    expect(f.poolMinor).toBe(43_500_000);
    expect(f.withheldMinor).toBe(6_500_000);
    expect(f.reserveMinor).toBe(6_500_000);
  });

  it('the index from promises: 87 of 100 kept (share_kept) gives the same 435,000.00', () => {
    const results = Array.from({ length: 100 }, (_, i) => ({ good: i < 87 ? 100 : 90, total: 100, targetPpm: 950_000 }));
    const f = budgetedTeamFigures(SPENT, BUDGET, 0, fulfillmentIndex('share_kept', results), true);
    expect(f.poolMinor).toBe(43_500_000);
  });

  it('the reserve keeps its rate of the savings plus what was withheld: 10% × 600,000.00 + 65,000.00 = 125,000.00', () => {
    const f = budgetedTeamFigures(SPENT, BUDGET, 100_000, INDEX_087, true);
    expect(f.reserveMinor).toBe(12_500_000);
  });

  it('overspent: savings −300,000.00 is shown, the pool is 0 and the whole fund withheld; nothing of the savings goes to the reserve', () => {
    const over = { ...SPENT, nonLabourMinor: 270_000_000 }; // 2,700,000.00 + 9,000,000.00 + 600,000.00 = 12,300,000.00
    const f = budgetedTeamFigures(over, BUDGET, 100_000, INDEX_087, true);
    expect(f.savingsMinor).toBe(-30_000_000);
    expect(f.poolMinor).toBe(0);
    expect(f.withheldMinor).toBe(50_000_000);
    expect(f.reserveMinor).toBe(50_000_000);
  });

  it('spending exactly the budget still earns the fund (savings 0 is not overspending)', () => {
    const f = budgetedTeamFigures(SPENT, { ...BUDGET, budgetMinor: 1_140_000_000 }, 0, ONE, true);
    expect(f.savingsMinor).toBe(0);
    expect(f.poolMinor).toBe(50_000_000);
  });

  it('fees and internal sales reduce what the team spent; internal purchases add to it', () => {
    const f = budgetedTeamFigures(
      { ...SPENT, revenueMinor: 5_000_000, internalInMinor: 2_000_000, internalOutMinor: 1_000_000 },
      BUDGET,
      0,
      ONE,
      true,
    );
    expect(f.savingsMinor).toBe(60_000_000 + 5_000_000 + 2_000_000 - 1_000_000);
  });

  it('without a budget for the period: savings unknown (null), no pool, nothing withheld', () => {
    const f = budgetedTeamFigures(SPENT, null, 100_000, ONE, true);
    expect(f).toMatchObject({ savingsMinor: null, poolMinor: 0, withheldMinor: 0, reserveMinor: 0 });
  });

  it('a team with nobody to pay: the fund is withheld', () => {
    const f = budgetedTeamFigures(SPENT, BUDGET, 0, ONE, false);
    expect(f.poolMinor).toBe(0);
    expect(f.withheldMinor).toBe(50_000_000);
  });

  it('rounds half up like the profit pool: 1,000.01 × ⅓ = 333.336… → 333.34', () => {
    const f = budgetedTeamFigures(SPENT, { ...BUDGET, bonusFundMinor: 100_001 }, 0, frac(1, 3), true);
    expect(f.poolMinor).toBe(33_334);
    expect(f.withheldMinor).toBe(66_667);
  });

  it('the pool is split among members as today: 435,000.00 three ways by salary, largest remainder', () => {
    const members = [
      { id: 'A', joinedAt: 1, salaryMinor: 9_000_000, hoursCenti: 0, peerPoints: 0 },
      { id: 'B', joinedAt: 2, salaryMinor: 6_000_000, hoursCenti: 0, peerPoints: 0 },
      { id: 'C', joinedAt: 3, salaryMinor: 6_000_000, hoursCenti: 0, peerPoints: 0 },
    ];
    const pool = budgetedTeamFigures(SPENT, BUDGET, 0, INDEX_087, true).poolMinor;
    // 43,500,000 × 9/21 = 18,642,857.14…; × 6/21 = 12,428,571.43 (twice) → one kopeck left: B and C tie at .43, B joined first
    const shares = splitPool(pool, members, { rule: 'salary' }).shares.map((s) => s.amountMinor);
    expect(shares).toEqual([18_642_857, 12_428_572, 12_428_571]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(43_500_000);
  });
});
