import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { teamFigures } from './figures.js';
import { frac, ONE, PPM } from './fraction.js';
import { fulfillmentIndex } from './fulfillment.js';
import { allocateOverhead } from './overhead.js';
import { SPLIT_BASES, type SplitRule, splitPool } from './split.js';

const member = fc.record({
  id: fc.uuid(),
  joinedAt: fc.integer({ min: 0, max: 1e12 }),
  hoursCenti: fc.integer({ min: 0, max: 40_000 }),
  salaryMinor: fc.integer({ min: 0, max: 100_000_000 }),
  peerPoints: fc.integer({ min: 0, max: 1000 }),
});
const members = fc.uniqueArray(member, { minLength: 1, maxLength: 12, selector: (m) => m.id });
// Mix weights: random non-negative integers scaled so that they sum to exactly 1,000,000.
const mix = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }).map((raw): SplitRule => {
  const sum = raw.reduce((s, x) => s + x, 0) || 1;
  const ppm = raw.map((x) => Math.floor((x * PPM) / sum));
  ppm[0] = (ppm[0] as number) + PPM - ppm.reduce((s, x) => s + x, 0);
  return { rule: 'mix', weightsPpm: Object.fromEntries(SPLIT_BASES.map((b, i) => [b, ppm[i] as number])) };
});
const rule = fc.oneof(fc.constantFrom<SplitRule>(...SPLIT_BASES.map((b) => ({ rule: b }))), mix);
const amount = fc.integer({ min: 0, max: 10_000_000_000 });

describe('invariants of the money rules', () => {
  it('shares are never negative and add up exactly to the pool, whatever the members and rule', () => {
    fc.assert(
      fc.property(amount, members, rule, (pool, ms, r) => {
        const { shares } = splitPool(pool, ms, r);
        expect(shares).toHaveLength(ms.length);
        expect(shares.every((s) => s.amountMinor >= 0 && Number.isInteger(s.amountMinor))).toBe(true);
        expect(shares.reduce((s, x) => s + x.amountMinor, 0)).toBe(pool);
      }),
    );
  });

  it('the order members are listed in changes nobody’s share', () => {
    fc.assert(
      fc.property(amount, members, rule, (pool, ms, r) => {
        const byId = (list: typeof ms) => Object.fromEntries(splitPool(pool, list, r).shares.map((s) => [s.memberId, s.amountMinor]));
        expect(byId([...ms].reverse())).toEqual(byId(ms));
      }),
    );
  });

  it('net profit ≤ 0 gives pool 0 and reserve 0; the pool never exceeds poolRate × profit', () => {
    const ledger = fc.record({
      revenueMinor: amount,
      internalInMinor: amount,
      internalOutMinor: amount,
      nonLabourMinor: amount,
      labourMinor: amount,
      overheadMinor: amount,
      hoursCenti: fc.integer({ min: 0, max: 10_000_000 }),
    });
    const ratesArb = fc.record({ poolRatePpm: fc.integer({ min: 0, max: PPM }), reserveRatePpm: fc.integer({ min: 0, max: PPM }) });
    const index = fc.tuple(fc.nat(1000), fc.integer({ min: 1, max: 1000 })).map(([k, n]) => frac(Math.min(k, n), n));
    fc.assert(
      fc.property(ledger, ratesArb, index, fc.boolean(), (l, rates, fi, hasMembers) => {
        const f = teamFigures(l, rates, fi, hasMembers);
        if (f.netProfitMinor <= 0) expect([f.poolMinor, f.withheldMinor, f.reserveMinor]).toEqual([0, 0, 0]);
        expect(f.poolMinor).toBeGreaterThanOrEqual(0);
        expect(f.withheldMinor).toBeGreaterThanOrEqual(0);
        expect(f.poolMinor + f.withheldMinor).toBe(teamFigures(l, rates, ONE, true).poolMinor);
      }),
    );
  });

  it('the fulfillment index lies in [0, 1]', () => {
    const result = fc
      .integer({ min: 0, max: 1_000_000 })
      .chain((total) =>
        fc.record({ total: fc.constant(total), good: fc.integer({ min: 0, max: total }), targetPpm: fc.integer({ min: 1, max: PPM - 1 }) }),
      );
    fc.assert(
      fc.property(fc.constantFrom('share_kept' as const, 'proportional' as const), fc.array(result, { maxLength: 10 }), (mode, results) => {
        const fi = fulfillmentIndex(mode, results);
        expect(fi.n >= 0n && fi.n <= fi.d).toBe(true);
      }),
    );
  });

  it('overhead parts add up to the overhead', () => {
    const team = fc.record({
      id: fc.uuid(),
      order: fc.nat(),
      members: fc.nat(50),
      hoursCenti: fc.nat(1_000_000),
      revenueMinor: fc.integer({ min: -1000, max: 1e10 }),
    });
    fc.assert(
      fc.property(
        amount,
        fc.uniqueArray(team, { minLength: 1, maxLength: 10, selector: (t) => t.id }),
        fc.constantFrom('per_capita' as const, 'hours' as const, 'revenue' as const),
        (total, teams, kind) => {
          const parts = [...allocateOverhead(total, teams, { kind }).values()];
          expect(parts.reduce((s, x) => s + x, 0)).toBe(total);
          expect(parts.every((x) => x >= 0)).toBe(true);
        },
      ),
    );
  });
});
