import { describe, expect, it } from 'vitest';
import { dayInZone, isDue } from './dates.js';
import { decisionBlock, decisionStatus, widestCap } from './decisions.js';
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

describe('sub-delegation scope', () => {
  it('keeps a scope under a scoped granter; any text passes, none is refused', () => {
    expect(
      checkWithinLimits({ spendingCap: null, scope: 'дома на гарантии' }, { spendingCap: null, scope: 'дома на гарантии' }),
    ).toBeNull();
    expect(checkWithinLimits({ spendingCap: null, scope: 'только кровля' }, { spendingCap: null, scope: 'дома на гарантии' })).toBeNull();
    expect(checkWithinLimits({ spendingCap: null, scope: null }, { spendingCap: null, scope: 'дома на гарантии' })).toEqual({
      path: 'limits.scope',
      reason: 'unscoped_under_scope',
    });
    expect(checkWithinLimits({ spendingCap: null, scope: 'narrower' }, { spendingCap: null, scope: null })).toBeNull();
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
  const base = {
    options: ['repair', 'replace'],
    advice: [],
    adviceDeadline: null,
    deciderHoldsRight: true,
    amount: null,
    deciderCap: null,
    decidedAt: null,
  };
  const zone = 'Europe/Moscow';
  // 10 March 2026 in Moscow runs from 9 March 21:00 UTC to 10 March 21:00 UTC.
  const at = (day: number, hourUtc: number) => Date.UTC(2026, 2, day, hourUtc);

  it('refuses one option and a decider without the right, each with its own code', () => {
    expect(decisionBlock({ ...base, options: ['only one'] }, 0, zone)).toEqual({ code: 'too_few_options', minimum: 2 });
    expect(decisionBlock({ ...base, deciderHoldsRight: false }, 0, zone)).toEqual({ code: 'decider_lacks_right' });
    expect(decisionBlock({ ...base, decidedAt: 3 }, 0, zone)).toEqual({ code: 'decision_already_taken' });
  });

  it('refuses an amount above the decider cap; equal to it or with no cap passes', () => {
    expect(decisionBlock({ ...base, amount: 40_000_00, deciderCap: 30_000_00 }, 0, zone)).toEqual({
      code: 'above_spending_cap',
      cap: 30_000_00,
      amount: 40_000_00,
    });
    expect(decisionBlock({ ...base, amount: 30_000_00, deciderCap: 30_000_00 }, 0, zone)).toBeNull();
    expect(decisionBlock({ ...base, amount: 1e12, deciderCap: null }, 0, zone)).toBeNull();
  });

  it('waits for asked advice through the whole deadline day in the organization zone, then lets it go', () => {
    const pending = {
      ...base,
      advice: [
        { adviserId: 'anna', answeredAt: null },
        { adviserId: 'igor', answeredAt: 5 },
      ],
      adviceDeadline: '2026-03-10',
    };
    expect(decisionBlock(pending, at(9, 12), zone)).toEqual({ code: 'advice_pending', waitingFor: ['anna'], until: '2026-03-10' });
    // 10 March 20:59 UTC is 23:59 in Moscow: still the deadline day.
    expect(decisionBlock(pending, Date.UTC(2026, 2, 10, 20, 59), zone)).toMatchObject({ code: 'advice_pending' });
    // 10 March 21:00 UTC is 11 March 00:00 in Moscow (still 10 March in UTC): overdue in Moscow only.
    expect(decisionBlock(pending, at(10, 21), zone)).toBeNull();
    expect(decisionBlock(pending, at(10, 21), 'UTC')).toMatchObject({ code: 'advice_pending' });
    expect(decisionBlock({ ...pending, advice: [{ adviserId: 'anna', answeredAt: 7 }] }, 0, zone)).toBeNull();
  });

  it('names the step of the process', () => {
    const waiting = { advice: [{ adviserId: 'anna', answeredAt: null }], adviceDeadline: '2026-03-10', decidedAt: null, retiredAt: null };
    expect(decisionStatus(waiting, at(9, 12), zone)).toBe('seeking_advice');
    expect(decisionStatus(waiting, at(11, 12), zone)).toBe('ready');
    expect(decisionStatus({ ...waiting, advice: [] }, at(9, 12), zone)).toBe('ready');
    expect(decisionStatus({ ...waiting, decidedAt: 1 }, at(9, 12), zone)).toBe('decided');
    expect(decisionStatus({ ...waiting, decidedAt: 1, retiredAt: 2 }, at(9, 12), zone)).toBe('retired');
  });

  it('takes the widest cap among the grants a decider holds', () => {
    expect(widestCap([])).toBeUndefined();
    expect(widestCap([30_000_00, 150_000_00])).toBe(150_000_00);
    expect(widestCap([30_000_00, null])).toBeNull();
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
