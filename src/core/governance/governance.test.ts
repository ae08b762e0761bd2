import { describe, expect, it } from 'vitest';
import { dayInZone, isDue } from './dates.js';
import { decisionBlock } from './decisions.js';
import { checkWithinLimits, descendantsOf, type Grant, holdsRight, revocationCascade } from './rights.js';

const grant = (id: string, parentId: string | null, cap: number | null, revokedAt: number | null = null, holderId = id): Grant => ({
  id,
  rightId: 'warranty',
  holderType: 'team',
  holderId,
  parentId,
  limits: { spendingCap: cap },
  revokedAt,
});

describe('sub-delegation limits', () => {
  it.each([
    ['narrower cap under a cap', 50_000_00, 150_000_00, null],
    ['equal cap', 150_000_00, 150_000_00, null],
    ['any cap under no cap', 1_000_000_00, null, null],
    ['wider cap', 200_000_00, 150_000_00, 'wider_than_granter'],
    ['no cap under a cap', null, 150_000_00, 'uncapped_under_cap'],
  ] as const)('%s', (_name, cap, granterCap, reason) => {
    const problem = checkWithinLimits({ spendingCap: cap }, { spendingCap: granterCap });
    expect(problem?.reason ?? null).toBe(reason);
    if (problem) expect(problem.path).toBe('limits.spendingCap');
  });
});

describe('revocation cascade', () => {
  // council → warranty (150k) → engineers (50k) → night shift (10k); warranty → office (20k, already revoked)
  const grants = [
    grant('warranty', null, 150_000_00),
    grant('engineers', 'warranty', 50_000_00),
    grant('night', 'engineers', 10_000_00),
    grant('office', 'warranty', 20_000_00, 1),
    grant('crews', null, null),
  ];

  it('revokes the grant and every active grant below it, root first, and nothing beside it', () => {
    expect(revocationCascade(grants, 'warranty').map((g) => g.id)).toEqual(['warranty', 'engineers', 'night']);
    expect(revocationCascade(grants, 'engineers').map((g) => g.id)).toEqual(['engineers', 'night']);
    expect(revocationCascade(grants, 'crews').map((g) => g.id)).toEqual(['crews']);
    expect(revocationCascade(grants, 'missing')).toEqual([]);
  });

  it('finds descendants through a revoked middle grant', () => {
    const withRevokedMiddle = grants.map((g) => (g.id === 'engineers' ? { ...g, revokedAt: 5 } : g));
    expect(descendantsOf(withRevokedMiddle, 'warranty').map((g) => g.id)).toEqual(['night']);
  });

  it('holds a right only while the whole chain up is active', () => {
    expect(holdsRight(grants, 'warranty', 'team', 'night')?.id).toBe('night');
    const parentRevoked = grants.map((g) => (g.id === 'engineers' ? { ...g, revokedAt: 5 } : g));
    expect(holdsRight(parentRevoked, 'warranty', 'team', 'night')).toBeNull();
    expect(holdsRight(grants, 'warranty', 'team', 'office')).toBeNull();
    expect(holdsRight(grants, 'schedule', 'team', 'night')).toBeNull();
  });

  it('does not loop on a cycle in corrupted data', () => {
    const cycle = [grant('a', 'b', 1), grant('b', 'a', 1)];
    expect(holdsRight(cycle, 'warranty', 'team', 'a')).toBeNull();
    expect(descendantsOf(cycle, 'a').map((g) => g.id)).toEqual(['b']);
  });
});

describe('advice process', () => {
  const base = { options: ['repair', 'replace'], advice: [], adviceDeadline: null, deciderHoldsRight: true, decidedAt: null };
  const day = 24 * 3600 * 1000;

  it('refuses one option, a decider without the right, pending advice; allows after answers or the deadline', () => {
    expect(decisionBlock({ ...base, options: ['only one'] }, 0)).toEqual({ code: 'too_few_options', minimum: 2 });
    expect(decisionBlock({ ...base, deciderHoldsRight: false }, 0)).toEqual({ code: 'decider_lacks_right' });
    const pending = {
      ...base,
      advice: [
        { adviserId: 'anna', answeredAt: null },
        { adviserId: 'igor', answeredAt: 5 },
      ],
      adviceDeadline: 10 * day,
    };
    expect(decisionBlock(pending, 9 * day)).toEqual({ code: 'advice_pending', waitingFor: ['anna'], until: 10 * day });
    expect(decisionBlock(pending, 10 * day)).toMatchObject({ code: 'advice_pending' });
    expect(decisionBlock(pending, 10 * day + 1)).toBeNull();
    expect(decisionBlock({ ...pending, advice: [{ adviserId: 'anna', answeredAt: 7 }] }, 0)).toBeNull();
    expect(decisionBlock({ ...base, decidedAt: 3 }, 0)).toEqual({ code: 'decision_already_taken' });
  });
});

describe('review dates in the organization time zone', () => {
  // 2026-03-01 00:30 in Moscow is still 28 February in UTC and in Amsterdam.
  const now = Date.UTC(2026, 1, 28, 21, 30);

  it('reads the calendar day where the organization is', () => {
    expect(dayInZone(now, 'Europe/Moscow')).toBe('2026-03-01');
    expect(dayInZone(now, 'Europe/Amsterdam')).toBe('2026-02-28');
    expect(dayInZone(now, 'UTC')).toBe('2026-02-28');
  });

  it('is due on the review day itself in that zone, not a day early or late', () => {
    expect(isDue('2026-03-01', now, 'Europe/Moscow')).toBe(true);
    expect(isDue('2026-03-01', now, 'Europe/Amsterdam')).toBe(false);
    expect(isDue('2026-02-28', now, 'Europe/Amsterdam')).toBe(true);
    expect(isDue('2026-03-02', now, 'Europe/Moscow')).toBe(false);
  });
});
