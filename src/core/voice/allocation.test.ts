import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frac } from '../economics/fraction.js';
import { equalShareRho, equalSharesAllocation, greedyAllocation } from './allocation.js';

// The worked example: budget 100; a majority bloc of 3 voters approves A (60) and B (40), a minority
// of 2 voters approves C (40).
const PROJECTS = [
  { id: 'A', cost: 60 },
  { id: 'B', cost: 40 },
  { id: 'C', cost: 40 },
];
const BALLOTS = [['A', 'B'], ['A', 'B'], ['A', 'B'], ['C'], ['C']];

describe('greedy by votes (as Consul)', () => {
  it('the worked example: A and B tie at 3 votes, the cheaper B first, then A; C (2 votes) no longer fits', () => {
    // Votes A 3, B 3, C 2. Order: B (3, 40), A (3, 60), C (2, 40).
    // B: 40 ≤ 100 → funded, 60 left; A: 60 ≤ 60 → funded, 0 left; C: 40 > 0 → skipped.
    expect(greedyAllocation(100, PROJECTS, BALLOTS)).toEqual({
      funded: ['B', 'A'],
      votes: { A: 3, B: 3, C: 2 },
      spent: 100,
      left: 0,
    });
  });

  it('skips what no longer fits and goes on to cheaper projects with fewer votes', () => {
    // X (4 votes, 70) funded, 30 left; Y (3 votes, 50) skipped; Z (1 vote, 30) fits exactly.
    const projects = [
      { id: 'X', cost: 70 },
      { id: 'Y', cost: 50 },
      { id: 'Z', cost: 30 },
    ];
    const ballots = [
      ['X', 'Y'],
      ['X', 'Y'],
      ['X', 'Y'],
      ['X', 'Z'],
    ];
    expect(greedyAllocation(100, projects, ballots)).toMatchObject({ funded: ['X', 'Z'], spent: 100, left: 0 });
  });

  it.each([
    ['no ballots: nothing funded, the whole budget left', [], { funded: [], spent: 0, left: 100 }],
    ['a project costing more than the budget is never funded', [['BIG'], ['BIG'], ['S']], { funded: ['S'], spent: 10, left: 90 }],
    ['a zero-cost project with a vote is funded', [['FREE']], { funded: ['FREE'], spent: 0, left: 100 }],
    ['a project nobody approved is not funded even when it fits', [['S']], { funded: ['S'], spent: 10, left: 90 }],
  ])('%s', (_name, ballots, expected) => {
    const projects = [
      { id: 'BIG', cost: 101 },
      { id: 'S', cost: 10 },
      { id: 'FREE', cost: 0 },
    ];
    expect(greedyAllocation(100, projects, ballots)).toMatchObject(expected);
  });

  it('everything fits: every approved project is funded', () => {
    expect(greedyAllocation(1_000, PROJECTS, BALLOTS)).toMatchObject({ funded: ['B', 'A', 'C'], spent: 140, left: 860 });
  });

  it('counts a project named twice on one ballot once, and ignores ids that are no project', () => {
    expect(greedyAllocation(100, PROJECTS, [['C', 'C', 'nope']]).votes).toEqual({ A: 0, B: 0, C: 1 });
  });
});

describe('the Method of Equal Shares', () => {
  it('the worked example, by hand: the minority gets C where greedy gave the bloc both A and B', () => {
    // 5 voters, each holds 100 ÷ 5 = 20.
    // Step 1: A needs 60 from the bloc (3 × 20 = 60, affordable): ρ = 60 / 3 = 20.
    //         B needs 40 from the bloc: ρ = 40 / 3 = 13.33.  C needs 40 from the minority (2 × 20 = 40): ρ = 20.
    //         Smallest ρ: B. Each bloc voter pays 13.33 and keeps 6.67 (20 together).
    // Step 2: A needs 60, the bloc holds 20: not affordable. C: ρ = 40 / 2 = 20 → bought; the minority pays 20 each.
    // Step 3: nothing affordable. Spent 40 + 40 = 80; completion with 20 left: A (60) does not fit.
    const result = equalSharesAllocation(100, PROJECTS, BALLOTS);
    expect(result).toEqual({
      funded: ['B', 'C'],
      byRule: ['B', 'C'],
      completion: [],
      votes: { A: 3, B: 3, C: 2 },
      voterShare: 20,
      rho: { B: 13.33, C: 20 },
      spent: 80,
      left: 20,
    });
    expect(result.funded).not.toEqual(greedyAllocation(100, PROJECTS, BALLOTS).funded);
  });

  it('completes the leftover budget greedily by votes', () => {
    // 4 voters, 25 each. Y (50) by voters 2–4: ρ = 50 / 3 = 16.67 → bought. X (30) by voter 1, who holds 25: not affordable.
    // Spent 50, leftover 50: completion takes X (1 vote, 30 ≤ 50). Spent 80, left 20.
    const projects = [
      { id: 'X', cost: 30 },
      { id: 'Y', cost: 50 },
    ];
    const result = equalSharesAllocation(100, projects, [['X'], ['Y'], ['Y'], ['Y']]);
    expect(result).toMatchObject({ byRule: ['Y'], completion: ['X'], funded: ['Y', 'X'], spent: 80, left: 20, rho: { Y: 16.67 } });
  });

  it('a supporter with less than ρ pays all they have, the others pay ρ (the smallest ρ with Σ min(bᵢ, ρ) = cost)', () => {
    // Held 5, 20, 20; cost 30: 5 + 2ρ = 30 → ρ = 12.5 (≥ 5, ≤ 20).
    expect(equalShareRho(30, [frac(20), frac(5), frac(20)])).toEqual(frac(25, 2));
    // Held 5, 20; cost 30: together 25 < 30 → not affordable.
    expect(equalShareRho(30, [frac(5), frac(20)])).toBeNull();
    // Exactly everything: ρ is the largest holding.
    expect(equalShareRho(25, [frac(5), frac(20)])).toEqual(frac(20));
  });

  it('breaks a tie in ρ by more votes, then the cheaper, then the lower id', () => {
    // 2 voters with 50 each. P (40) by both: ρ = 20; Q (20) by voter 1 only: ρ = 20. Tie → P (2 votes).
    const projects = [
      { id: 'Q', cost: 20 },
      { id: 'P', cost: 40 },
    ];
    expect(equalSharesAllocation(100, projects, [['P', 'Q'], ['P']]).byRule).toEqual(['P', 'Q']);
  });

  it.each([
    ['no ballots: nothing funded', [], { funded: [], spent: 0, left: 100, voterShare: 0 }],
    ['a project costing more than the budget is never funded', [['BIG'], ['BIG'], ['S']], { funded: ['S'], spent: 10, left: 90 }],
    ['a zero-cost project is bought first, at ρ = 0', [['FREE', 'S']], { byRule: ['FREE', 'S'], rho: { FREE: 0, S: 10 } }],
  ])('%s', (_name, ballots, expected) => {
    const projects = [
      { id: 'BIG', cost: 101 },
      { id: 'S', cost: 10 },
      { id: 'FREE', cost: 0 },
    ];
    expect(equalSharesAllocation(100, projects, ballots)).toMatchObject(expected);
  });

  it('everything fits: every approved project is funded', () => {
    expect(equalSharesAllocation(1_000, PROJECTS, BALLOTS)).toMatchObject({ funded: ['B', 'A', 'C'], spent: 140, left: 860 });
  });

  it('an empty ballot still holds a share, which no project can use', () => {
    // 2 voters with 50 each; only one approves K (60): 50 < 60 by the rule; completion funds it (60 ≤ 100).
    expect(equalSharesAllocation(100, [{ id: 'K', cost: 60 }], [['K'], []])).toMatchObject({ byRule: [], completion: ['K'] });
  });
});

describe('properties', () => {
  const instance = fc
    .record({
      budget: fc.integer({ min: 0, max: 1_000_000 }),
      costs: fc.array(fc.integer({ min: 0, max: 600_000 }), { minLength: 1, maxLength: 8 }),
      ballots: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 8 }), { maxLength: 12 }),
    })
    .map(({ budget, costs, ballots }) => ({
      budget,
      projects: costs.map((cost, i) => ({ id: `p${i}`, cost })),
      ballots: ballots.map((b) => b.map((i) => `p${i}`)),
    }));

  it('both methods spend at most the budget, fund each project once, and spent + left = budget', () => {
    fc.assert(
      fc.property(instance, ({ budget, projects, ballots }) => {
        for (const result of [greedyAllocation(budget, projects, ballots), equalSharesAllocation(budget, projects, ballots)]) {
          const cost = result.funded.reduce((s, id) => s + (projects.find((p) => p.id === id)?.cost ?? Number.NaN), 0);
          expect(cost).toBe(result.spent);
          expect(result.spent).toBeLessThanOrEqual(budget);
          expect(result.spent + result.left).toBe(budget);
          expect(new Set(result.funded).size).toBe(result.funded.length);
        }
      }),
    );
  });

  it('every project the Method of Equal Shares buys by its rule is approved by someone, and its supporters could pay it', () => {
    fc.assert(
      fc.property(instance, ({ budget, projects, ballots }) => {
        const result = equalSharesAllocation(budget, projects, ballots);
        for (const id of result.byRule) {
          const supporters = ballots.filter((b) => b.includes(id)).length;
          expect(supporters).toBeGreaterThan(0);
          // No supporter pays more than their share: ρ ≤ budget ÷ voters.
          expect(result.rho[id]).toBeLessThanOrEqual(result.voterShare + 0.01);
        }
      }),
    );
  });
});
