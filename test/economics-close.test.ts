/**
 * Closing a month: frozen figures, changes refused, reopened only by an admin with a
 * reason and closed again to the same figures — shown once and as a property over random inputs; a
 * calendar-month promise judged over the month that ended.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf, periodRange, shiftPeriod } from '../src/core/economics/period.js';
import { closePeriod, reopenPeriod } from '../src/modules/economics/economics.service.js';
import { addLedgerLine, putMember } from '../src/modules/economics/inputs.service.js';
import { putSplitRule } from '../src/modules/economics/split.service.js';
import { answerTrade, createTrade } from '../src/modules/economics/trade.service.js';
import { backTeam } from './backing-fixture.js';
import { type EconomicsFixture, economicsFixture, ok } from './economics-fixture.js';
import { created, expectApiError } from './expect-api.js';
import { orgContext, type TwoOrgs, unique } from './fixtures.js';
import type { SignedInAgent, TestApp } from './harness.js';

let f: EconomicsFixture;
let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
const A = () => f.A;
const teamOf = (n: number) => f.teamOf(n);
const economics = (period: string, teamId: string, agent?: SignedInAgent) => f.economics(period, teamId, agent);

beforeAll(async () => {
  f = await economicsFixture();
  ({ t, orgs, admin } = f);
});

afterAll(async () => {
  await t?.close();
});

describe('closing a period', () => {
  const period = '2025-06';

  it('freezes the figures, refuses changes, reopens only for an admin with a reason, and closes again to the same figures', async () => {
    const team = await teamOf(2);
    // People who join a team now have no part in a past month unless their hours there are recorded.
    for (const p of team.people)
      await ok(await admin.put(`${A()}/periods/${period}/teams/${team.id}/members/${p.id}`, { hours: 120, salaryMinor: 0 }));
    await created(await admin.post(`${A()}/periods/${period}/ledger`, { teamId: team.id, kind: 'revenue', amountMinor: 1_000_000 }));
    const current = periodOf(Date.now(), 'Europe/Berlin');
    expectApiError(await admin.post(`${A()}/periods/${current}/close`), 409, 'conflict', 'period');
    expectApiError(await team.people[0]!.agent.post(`${A()}/periods/${period}/close`), 403, 'forbidden');

    const first = await ok(await admin.post(`${A()}/periods/${period}/close`));
    expect(first.closed).toBe(true);
    const frozen = await economics(period, team.id);
    expect(frozen).toMatchObject({ closed: true, poolMinor: 200_000 });
    expectApiError(
      await admin.post(`${A()}/periods/${period}/ledger`, { teamId: team.id, kind: 'revenue', amountMinor: 1 }),
      409,
      'period_closed',
    );
    expectApiError(
      await admin.put(`${A()}/periods/${period}/teams/${team.id}/members/${team.people[0]!.id}`, { hours: 1, salaryMinor: 1 }),
      409,
      'period_closed',
    );

    // A new pool rate applies to open periods only.
    await ok(await admin.put(`${A()}/economics-settings`, { poolRate: 0.3, reserveRate: 0, fulfillment: 'off' }));
    expect(await economics(period, team.id)).toEqual(frozen);

    expectApiError(await admin.post(`${A()}/periods/${period}/reopen`, {}), 422, 'validation_failed', 'reason');
    expectApiError(await team.people[0]!.agent.post(`${A()}/periods/${period}/reopen`, { reason: 'typo' }), 403, 'forbidden');
    await ok(await admin.post(`${A()}/periods/${period}/reopen`, { reason: 'Revenue of June was booked twice' }));
    const audit = await ok(await admin.get(`${A()}/audit?action=period.reopened`));
    expect(audit.items[0]).toMatchObject({
      action: 'period.reopened',
      entityId: period,
      after: { reason: 'Revenue of June was booked twice' },
    });
    expect((await economics(period, team.id)).poolMinor).toBe(300_000);

    // Back to the rates the month first closed with: the defaults (20% pool, 10% reserve).
    await ok(await admin.put(`${A()}/economics-settings`, { poolRate: 0.2, reserveRate: 0.1, fulfillment: 'off' }));
    const second = await ok(await admin.post(`${A()}/periods/${period}/close`));
    expect(second.teams).toEqual(first.teams);
    expect(await economics(period, team.id)).toEqual(frozen);
  });
});

describe('a calendar-month promise at the end of a past month', () => {
  it('is judged over that whole month, not the next one (empty at its first instant)', async () => {
    const now = Date.now();
    const period = shiftPeriod(periodOf(now, 'Europe/Berlin'), -1);
    const { from, to } = periodRange(period, 'Europe/Berlin');
    const team = await teamOf(1);
    const segment = await created(await admin.post(`${A()}/segments`, { name: `Tenants ${unique()}`, kind: 'customer' }));
    // The team's capability and granted right, which the client promise declares so that it publishes.
    const backing = await backTeam(admin, orgs.a.slug, team.id);
    const p = await created(
      await admin.post(`${A()}/promises`, {
        title: `Monthly ${unique()}`,
        statement: 'Repairs done within the month',
        kind: 'client',
        promiserTeamId: team.id,
        override: { reason: 'An admin acts for the team in this test' },
        promiseeSegmentId: segment.id,
        metric: { kind: 'ratio' },
        target: 0.9,
        window: { kind: 'calendar', period: 'month' },
        ...backing,
      }),
    );
    await ok(await admin.post(`${A()}/promises/${p.id}/publish`, { override: { reason: 'An admin acts for the team in this test' } }));
    // As if published before that month began: only then does the month count it.
    await t.db
      .updateTable('promises')
      .set({ published_at: from - 1 })
      .where('id', '=', p.id)
      .execute();
    await t.db
      .updateTable('promise_versions')
      .set({ effective_from: from - 1 })
      .where('promise_id', '=', p.id)
      .execute();
    const at = new Date(to - 86_400_000).toISOString();
    const events = Array.from({ length: 10 }, (_, i) => ({ externalId: `m${i}`, occurredAt: at, good: i < 7 }));
    await ok(await admin.post(`${A()}/promises/${p.id}/events`, { events }));
    await ok(await admin.put(`${A()}/economics-settings`, { poolRate: 0.2, reserveRate: 0, fulfillment: 'share_kept' }));
    const e = await economics(period, team.id);
    expect(e.fulfillmentPromises).toMatchObject([{ id: p.id, good: 7, total: 10, kept: false }]);
    expect(e.fulfillmentIndex).toBe(0);
    await ok(await admin.put(`${A()}/economics-settings`, { poolRate: 0.2, reserveRate: 0, fulfillment: 'off' }));
  });
});

describe('property: reopening and closing again changes nothing', () => {
  it('for any ledger, hours, salaries, trades and split rule, a second close freezes the same figures as the first', async () => {
    const ctx = {
      ...(await orgContext(t.db, orgs.a.slug, { type: 'user', id: orgs.a.users.admin.id, label: 'admin' })),
      role: 'admin' as const,
    };
    const team = await teamOf(3);
    const other = await teamOf(1);
    let month = 0;
    const amount = fc.integer({ min: 1, max: 1e9 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ kind: fc.constantFrom('revenue' as const, 'expense' as const, 'labour' as const), amountMinor: amount }), {
          maxLength: 6,
        }),
        fc.array(
          fc.record({ hours: fc.integer({ min: 0, max: 74_400 }).map((c) => c / 100), salaryMinor: fc.integer({ min: 0, max: 1e8 }) }),
          { minLength: 3, maxLength: 3 },
        ),
        fc.option(amount, { nil: null }),
        fc.constantFrom('equal' as const, 'hours' as const, 'salary' as const),
        async (lines, members, traded, rule) => {
          const period = shiftPeriod('2010-01', month++);
          for (const line of lines) await addLedgerLine(ctx, period, { teamId: team.id, ...line, note: '' });
          for (const [i, m] of members.entries()) await putMember(ctx, period, team.id, team.people[i]!.id, m);
          if (traded !== null) {
            // Recorded by an import, confirmed by the admin: two actors, as the rule wants.
            const system = { ...ctx, actor: { type: 'system' as const, id: null, label: 'import' } };
            const trade = await createTrade(system, period, {
              sellerTeamId: team.id,
              buyerTeamId: other.id,
              amountMinor: traded,
              note: '',
            });
            await answerTrade(ctx, period, trade.id, { confirm: true });
          }
          await putSplitRule(ctx, team.id, { rule });
          const first = await closePeriod(ctx, period);
          await reopenPeriod(ctx, period, 'check');
          const second = await closePeriod(ctx, period);
          expect(second.teams).toEqual(first.teams);
          const mine = first.teams.find((x) => x.teamId === team.id)!;
          expect(mine.shares.reduce((s, x) => s + x.amountMinor, 0)).toBe(mine.poolMinor);
          if (mine.netProfitMinor <= 0) expect(mine.poolMinor).toBe(0);
        },
      ),
      { numRuns: 15 },
    );
  });
});
