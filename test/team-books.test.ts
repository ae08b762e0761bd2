/**
 * Teams run their own resources (issue 17), through the API: a member records their own hours (not
 * a teammate's, never a salary), their team's revenue, expenses and trades; entries show who made
 * them; an admin locks a month's inputs before closing (members then get 409 inputs_locked); the
 * reserve rate is 10% for a new organization; reserve money is spent only through a decision under
 * the reserve right (the allocation is made when it is taken, 409 when the reserve holds less); a
 * team keeps a share of its hours as a time reserve.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf } from '../src/core/economics/period.js';
import { type EconomicsFixture, economicsFixture, ok, type Person } from './economics-fixture.js';
import { created, expectApiError } from './expect-api.js';
import { unique } from './fixtures.js';
import type { SignedInAgent, TestApp } from './harness.js';

let f: EconomicsFixture;
let t: TestApp;
let admin: SignedInAgent;
const A = () => f.A;
/** Team T: members A and B; team U: member C. */
let T: { id: string; people: Person[] };
let U: { id: string; people: Person[] };
const a = () => T.people[0]!;
const b = () => T.people[1]!;
const c = () => U.people[0]!;

beforeAll(async () => {
  f = await economicsFixture();
  ({ t, admin } = f);
  T = await f.teamOf(2);
  U = await f.teamOf(1);
});

afterAll(async () => {
  await t?.close();
});

const member = (period: string, teamId: string, userId: string) => `${A()}/periods/${period}/teams/${teamId}/members/${userId}`;

describe('the reserve rate of a new organization', () => {
  it('is 10% until it sets its own: 10% of 50,000.00 of profit is 5,000.00 kept', async () => {
    const settings = await ok(await admin.get(`${A()}/economics-settings`));
    expect(settings).toMatchObject({ poolRate: 0.2, reserveRate: 0.1, updatedAt: null, reserveRightId: null });
    // The current month, where the team's members count (a month before they joined has nobody to pay).
    const period = periodOf(Date.now(), 'Europe/Berlin');
    await created(await admin.post(`${A()}/periods/${period}/ledger`, { teamId: T.id, kind: 'revenue', amountMinor: 5_000_000 }));
    expect(await f.economics(period, T.id)).toMatchObject({ netProfitMinor: 5_000_000, poolMinor: 1_000_000, reserveMinor: 500_000 });
  });
});

describe('a member records their own hours', () => {
  const period = '2024-02';

  it('sets hours for themselves alone: a teammate’s is 403, a salary is 403 naming salaryMinor, another team 403', async () => {
    const mine = await ok(await a().agent.put(member(period, T.id, a().id), { hours: 120 }));
    expect(mine).toEqual({ period, teamId: T.id, userId: a().id, hours: 120, salaryMinor: 0 });
    expectApiError(await a().agent.put(member(period, T.id, b().id), { hours: 80 }), 403, 'forbidden', 'userId');
    expectApiError(await a().agent.put(member(period, T.id, a().id), { hours: 120, salaryMinor: 1 }), 403, 'forbidden', 'salaryMinor');
    // C is not in T: neither their own hours there nor A's.
    expectApiError(await c().agent.put(member(period, T.id, c().id), { hours: 10 }), 403, 'forbidden');
    expectApiError(await c().agent.put(member(period, T.id, a().id), { hours: 10 }), 403, 'forbidden');
  });

  it('keeps the salary an admin recorded, and the entry shows who made it', async () => {
    await ok(await admin.put(member(period, T.id, a().id), { hours: 100, salaryMinor: 500_000 }));
    let e = await f.economics(period, T.id, a().agent);
    const recorded = (id: string) => e.members.find((m: { memberId: string }) => m.memberId === id);
    expect(recorded(a().id)).toMatchObject({ hours: 100, salaryMinor: 500_000, recordedBy: { id: f.orgs.a.users.admin.id } });
    expect(await ok(await a().agent.put(member(period, T.id, a().id), { hours: 130 }))).toMatchObject({ hours: 130, salaryMinor: 500_000 });
    e = await f.economics(period, T.id, a().agent);
    expect(recorded(a().id)).toMatchObject({ hours: 130, salaryMinor: 500_000, recordedBy: { id: a().id, label: 'Member A' } });
    expect(typeof recorded(a().id).recordedAt).toBe('string');
  });

  it('while an admin has locked the month only admins change it (409 inputs_locked); unlocked, members again', async () => {
    const locked = await ok(await admin.post(`${A()}/periods/${period}/lock`));
    expect(locked.inputsLocked).toMatchObject({ by: { id: f.orgs.a.users.admin.id } });
    expect((await f.economics(period, T.id, a().agent)).inputsLocked).toBe(true);
    expectApiError(await a().agent.put(member(period, T.id, a().id), { hours: 140 }), 409, 'inputs_locked', 'period');
    expectApiError(
      await a().agent.post(`${A()}/periods/${period}/ledger`, { teamId: T.id, kind: 'revenue', amountMinor: 1_000 }),
      409,
      'inputs_locked',
    );
    expectApiError(
      await a().agent.post(`${A()}/periods/${period}/trades`, { sellerTeamId: T.id, buyerTeamId: U.id, amountMinor: 1_000 }),
      409,
      'inputs_locked',
    );
    // Locking is an admin's; an admin still changes the inputs.
    expectApiError(await a().agent.post(`${A()}/periods/${period}/unlock`), 403, 'forbidden');
    await ok(await admin.put(member(period, T.id, a().id), { hours: 140, salaryMinor: 500_000 }));
    expect((await ok(await admin.post(`${A()}/periods/${period}/unlock`))).inputsLocked).toBeNull();
    await ok(await a().agent.put(member(period, T.id, a().id), { hours: 150 }));
  });

  it('a closed month keeps refusing: 409 period_closed', async () => {
    await ok(await admin.post(`${A()}/periods/${period}/close`));
    expectApiError(await a().agent.put(member(period, T.id, a().id), { hours: 1 }), 409, 'period_closed', 'period');
    expectApiError(await admin.post(`${A()}/periods/${period}/lock`), 409, 'period_closed');
  });
});

describe('a member records their team’s ledger lines and trades', () => {
  const period = '2024-03';

  it('adds revenue and expenses of their own team, not labour, overhead or another team’s', async () => {
    const line = await created(
      await a().agent.post(`${A()}/periods/${period}/ledger`, { teamId: T.id, kind: 'revenue', amountMinor: 250_000, note: 'Visit' }),
    );
    expect(line).toMatchObject({ teamId: T.id, createdBy: a().id, recordedBy: { id: a().id, label: 'Member A' } });
    await created(await a().agent.post(`${A()}/periods/${period}/ledger`, { teamId: T.id, kind: 'expense', amountMinor: 40_000 }));
    expectApiError(
      await a().agent.post(`${A()}/periods/${period}/ledger`, { teamId: T.id, kind: 'labour', amountMinor: 1 }),
      403,
      'forbidden',
      'kind',
    );
    expectApiError(await a().agent.post(`${A()}/periods/${period}/ledger`, { kind: 'overhead', amountMinor: 1 }), 403, 'forbidden', 'kind');
    expectApiError(
      await a().agent.post(`${A()}/periods/${period}/ledger`, { teamId: U.id, kind: 'revenue', amountMinor: 1 }),
      403,
      'forbidden',
    );
    // C may not remove T's line; A may.
    expectApiError(await c().agent.delete(`${A()}/periods/${period}/ledger/${line.id}`), 403, 'forbidden');
    const listed = await ok(await admin.get(`${A()}/periods/${period}/ledger?teamId=${T.id}`));
    expect(listed.items.map((l: { recordedBy: { label: string } }) => l.recordedBy.label)).toEqual(['Member A', 'Member A']);
    expect((await f.economics(period, T.id)).revenueMinor).toBe(250_000);
    await ok(await a().agent.delete(`${A()}/periods/${period}/ledger/${line.id}`));
    expect((await f.economics(period, T.id)).revenueMinor).toBe(0);
  });

  it('records a trade of their team, shown with who recorded it; not one between two other teams', async () => {
    const trade = await created(
      await a().agent.post(`${A()}/periods/${period}/trades`, { sellerTeamId: T.id, buyerTeamId: U.id, amountMinor: 30_000 }),
    );
    expect(trade.recordedBy).toEqual({ id: a().id, label: 'Member A' });
    await ok(await c().agent.post(`${A()}/periods/${period}/trades/${trade.id}/confirm`));
    expect((await f.economics(period, T.id)).internalInMinor).toBe(30_000);
    const V = await f.teamOf(1);
    expectApiError(
      await a().agent.post(`${A()}/periods/${period}/trades`, { sellerTeamId: U.id, buyerTeamId: V.id, amountMinor: 1 }),
      403,
      'forbidden',
    );
  });
});

describe('the reserve is spent through a decision under the reserve right', () => {
  const period = '2024-04';
  let rightId: string;
  const reserve = async () => ok(await admin.get(`${A()}/reserve`));
  /** A decision of team T under `right`, opened by A, with `amount`. */
  const decision = async (amount: number | null, right = rightId) =>
    created(
      await a().agent.post(`${A()}/decisions`, {
        title: `Pilot ${unique()}`,
        teamId: T.id,
        rightId: right,
        options: [{ title: 'Run the pilot' }, { title: 'Not now' }],
        amount,
      }),
    );

  beforeAll(async () => {
    // 10% (the default) of 50,000.00 of profit, 5,000.00, plus the 20% pool withheld (the team had
    // nobody to pay that month, its people joined later), 10,000.00: 15,000.00 kept when the month closes.
    await created(await admin.post(`${A()}/periods/${period}/ledger`, { teamId: T.id, kind: 'revenue', amountMinor: 5_000_000 }));
    const before = await reserve();
    await ok(await admin.post(`${A()}/periods/${period}/close`));
    expect((await reserve()).accumulatedMinor - before.accumulatedMinor).toBe(1_500_000);
    rightId = (await created(await admin.post(`${A()}/rights`, { name: `Spend the reserve ${unique()}`, description: '' }))).id;
    await created(await admin.post(`${A()}/grants`, { rightId, holderType: 'team', holderId: T.id }));
  });

  it('cannot be requested before the organization names the right, nor under another right', async () => {
    const d = await decision(100_000);
    expectApiError(
      await a().agent.put(`${A()}/decisions/${d.id}/reserve-request`, { fundingOption: 0, purpose: 'Pilot' }),
      409,
      'conflict',
      'reserveRightId',
    );
    await ok(
      await admin.put(`${A()}/economics-settings`, { poolRate: 0.2, reserveRate: 0.1, fulfillment: 'off', reserveRightId: rightId }),
    );
    expect((await ok(await admin.get(`${A()}/economics-settings`))).reserveRightId).toBe(rightId);
    // Settings sent without the right keep it.
    await ok(await admin.put(`${A()}/economics-settings`, { poolRate: 0.2, reserveRate: 0.1, fulfillment: 'off' }));
    expect((await reserve()).reserveRightId).toBe(rightId);
    const other = (await created(await admin.post(`${A()}/rights`, { name: `Other ${unique()}`, description: '' }))).id;
    await created(await admin.post(`${A()}/grants`, { rightId: other, holderType: 'team', holderId: T.id }));
    const elsewhere = await decision(100_000, other);
    expectApiError(
      await a().agent.put(`${A()}/decisions/${elsewhere.id}/reserve-request`, { fundingOption: 0, purpose: 'Pilot' }),
      409,
      'conflict',
      'decisionId',
    );
    const noAmount = await decision(null);
    expectApiError(
      await a().agent.put(`${A()}/decisions/${noAmount.id}/reserve-request`, { fundingOption: 0, purpose: 'x' }),
      409,
      'conflict',
      'amount',
    );
    expectApiError(
      await a().agent.put(`${A()}/decisions/${d.id}/reserve-request`, { fundingOption: 2, purpose: 'x' }),
      422,
      'validation_failed',
      'fundingOption',
    );
    // Someone outside the deciding team does not request through its decision.
    expectApiError(await c().agent.put(`${A()}/decisions/${d.id}/reserve-request`, { fundingOption: 0, purpose: 'x' }), 403, 'forbidden');
  });

  it('taken with the funding option, the decision allocates its amount: the fund falls by 3,000.00, linked to it', async () => {
    const d = await decision(300_000);
    const request = await ok(
      await a().agent.put(`${A()}/decisions/${d.id}/reserve-request`, { fundingOption: 0, purpose: 'Pilot: online booking' }),
    );
    expect(request).toMatchObject({ decisionId: d.id, teamId: T.id, amountMinor: 300_000, status: 'open', createdBy: { id: a().id } });
    const before = await reserve();
    await ok(await a().agent.post(`${A()}/decisions/${d.id}/decide`, { chosenOption: 0, rationale: 'Clients ask for it' }));
    const after = await reserve();
    expect(after.balanceMinor).toBe(before.balanceMinor - 300_000);
    expect(after.allocatedMinor).toBe(before.allocatedMinor + 300_000);
    expect(after.allocations.at(-1)).toMatchObject({
      amountMinor: 300_000,
      purpose: 'Pilot: online booking',
      decisionId: d.id,
      createdBy: a().id,
    });
    expect(after.requests.find((r: { decisionId: string }) => r.decisionId === d.id).status).toBe('funded');
  });

  it('taken with another option, nothing is allocated and the request is declined', async () => {
    const d = await decision(50_000);
    await ok(await a().agent.put(`${A()}/decisions/${d.id}/reserve-request`, { fundingOption: 0, purpose: 'Maybe later' }));
    const before = await reserve();
    await ok(await a().agent.post(`${A()}/decisions/${d.id}/decide`, { chosenOption: 1, rationale: 'Not this season' }));
    const after = await reserve();
    expect(after.balanceMinor).toBe(before.balanceMinor);
    expect(after.requests.find((r: { decisionId: string }) => r.decisionId === d.id).status).toBe('declined');
    expectApiError(
      await a().agent.put(`${A()}/decisions/${d.id}/reserve-request`, { fundingOption: 1, purpose: 'x' }),
      409,
      'conflict',
      'decisionId',
    );
  });

  it('refuses the decision with 409 reserve_insufficient when the reserve holds less; nothing changes', async () => {
    const { balanceMinor } = await reserve();
    const d = await decision(balanceMinor + 1);
    await ok(await a().agent.put(`${A()}/decisions/${d.id}/reserve-request`, { fundingOption: 0, purpose: 'Too much' }));
    expectApiError(
      await a().agent.post(`${A()}/decisions/${d.id}/decide`, { chosenOption: 0, rationale: 'Go' }),
      409,
      'reserve_insufficient',
      'amount',
    );
    expect((await reserve()).balanceMinor).toBe(balanceMinor);
    expect((await ok(await admin.get(`${A()}/decisions/${d.id}`))).decidedAt).toBeNull();
  });

  it('has no direct allocation any more', async () => {
    const res = await admin.post(`${A()}/reserve/allocations`, { amountMinor: 1, purpose: 'Directly' });
    expect(res.statusCode).toBe(404);
    expect(f.t.openapi.paths).not.toHaveProperty('/api/v1/orgs/{org}/reserve/allocations');
  });
});

describe('a team’s time reserve', () => {
  it('is 0% until the team sets it; 12.5% of 150 + 90.5 hours is 30.06 hours', async () => {
    const period = '2024-06';
    expect(await ok(await admin.get(`${A()}/teams/${T.id}/time-reserve`))).toMatchObject({ teamId: T.id, sharePct: 0, updatedAt: null });
    expect((await f.economics(period, T.id)).timeReserve).toEqual({ sharePct: 0, hours: 0 });
    await ok(await a().agent.put(member(period, T.id, a().id), { hours: 150 }));
    await ok(await b().agent.put(member(period, T.id, b().id), { hours: 90.5 }));
    expect((await ok(await a().agent.put(`${A()}/teams/${T.id}/time-reserve`, { sharePct: 12.5 }))).sharePct).toBe(12.5);
    // 240.5 h × 12.5% = 30.0625 h → 30.06 h.
    expect((await f.economics(period, T.id)).timeReserve).toEqual({ sharePct: 12.5, hours: 30.06 });
    expectApiError(await c().agent.put(`${A()}/teams/${T.id}/time-reserve`, { sharePct: 50 }), 403, 'forbidden');
    expectApiError(await a().agent.put(`${A()}/teams/${T.id}/time-reserve`, { sharePct: 100.5 }), 422, 'validation_failed', 'sharePct');
  });
});
