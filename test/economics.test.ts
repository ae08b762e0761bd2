/**
 * Team economics through the API: the worked examples (a 100,000.00 ₽ pool split four ways
 * equally, by salary, by a mix, by peer points; the amoeba's 31.25 per hour), an internal trade that
 * counts only once the other side confirms, overhead percentages that must sum to 100, the pool
 * scaled by kept promises with the rest withheld into the reserve, CSV import all or nothing, and who
 * sees the members' shares. Closing months: economics-close.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf } from '../src/core/economics/period.js';
import { backTeam } from './backing-fixture.js';
import { type EconomicsFixture, economicsFixture, ok, type Person } from './economics-fixture.js';
import { created, expectApiError } from './expect-api.js';
import { orgContext, PASSWORD, type TwoOrgs, unique } from './fixtures.js';
import type { SignedInAgent, TestApp } from './harness.js';
import { spendReserveByDecision } from './reserve-fixture.js';

let f: EconomicsFixture;
let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
const A = () => f.A;
const teamOf = (n: number) => f.teamOf(n);
const economics = (period: string, teamId: string, agent?: SignedInAgent) => f.economics(period, teamId, agent);
const sharesOf = (e: { shares: { memberId: string; amountMinor: number }[] }, people: Person[]) =>
  people.map((p) => e.shares.find((s) => s.memberId === p.id)?.amountMinor);

beforeAll(async () => {
  f = await economicsFixture();
  ({ t, orgs, admin } = f);
});

afterAll(async () => {
  await t?.close();
});

describe('the pool of 100,000.00 ₽ split among A, B, C, D (salaries 60k/50k/40k/30k; hours a tenth of the issue’s, a month’s worth)', () => {
  const period = '2025-03';
  let team: { id: string; people: Person[] };

  beforeAll(async () => {
    team = await teamOf(4);
    const inputs = [
      [180, 6_000_000],
      [160, 5_000_000],
      [180, 4_000_000],
      [100, 3_000_000],
    ] as const;
    for (const [i, [hours, salaryMinor]] of inputs.entries())
      await ok(await admin.put(`${A()}/periods/${period}/teams/${team.id}/members/${team.people[i]!.id}`, { hours, salaryMinor }));
    // Net profit 500,000.00 ₽ at the default 20%: a pool of 100,000.00 ₽.
    await created(
      await admin.post(`${A()}/periods/${period}/ledger`, { teamId: team.id, kind: 'revenue', amountMinor: 50_000_000, note: 'Contracts' }),
    );
  });

  it('equal by default: 2,500,000 kopecks each', async () => {
    const e = await economics(period, team.id);
    expect(e).toMatchObject({
      period,
      closed: false,
      currency: 'EUR',
      netProfitMinor: 50_000_000,
      poolRate: 0.2,
      poolMinor: 10_000_000,
      splitRule: 'equal',
    });
    expect(e.hours).toBe(620);
    expect(sharesOf(e, team.people)).toEqual([2_500_000, 2_500_000, 2_500_000, 2_500_000]);
  });

  it('salary: 3,333,333 / 2,777,778 / 2,222,222 / 1,666,667 — published by a member of the team', async () => {
    const rule = await ok(await team.people[1]!.agent.put(`${A()}/teams/${team.id}/split-rule`, { rule: 'salary' }));
    expect(rule.formula).toBe('share = pool × salary ÷ team salaries');
    expect(sharesOf(await economics(period, team.id), team.people)).toEqual([3_333_333, 2_777_778, 2_222_222, 1_666_667]);
  });

  it('a mix of half equal, half salary; weights not summing to 1 are refused naming weights', async () => {
    const agent = team.people[0]!.agent;
    expectApiError(
      await agent.put(`${A()}/teams/${team.id}/split-rule`, { rule: 'mix', weights: { equal: 0.5, salary: 0.4 } }),
      422,
      'validation_failed',
      'weights',
    );
    await ok(await agent.put(`${A()}/teams/${team.id}/split-rule`, { rule: 'mix', weights: { equal: 0.5, salary: 0.5 } }));
    expect(sharesOf(await economics(period, team.id), team.people)).toEqual([2_916_667, 2_638_889, 2_361_111, 2_083_333]);
  });

  it('peer: 100 points each to teammates, never to self, exactly 100; shares by points received', async () => {
    const [a, b, c, d] = team.people as [Person, Person, Person, Person];
    const url = `${A()}/periods/${period}/teams/${team.id}/peer-points`;
    expectApiError(await a.agent.put(url, { points: { [a.id]: 50, [b.id]: 50 } }), 422, 'validation_failed', `points.${a.id}`);
    expectApiError(await a.agent.put(url, { points: { [b.id]: 60, [c.id]: 30 } }), 422, 'validation_failed', 'points');
    expectApiError(await admin.put(url, { points: { [b.id]: 100 } }), 403, 'forbidden');
    await ok(await a.agent.put(url, { points: { [b.id]: 50, [c.id]: 30, [d.id]: 20 } }));
    await ok(await b.agent.put(url, { points: { [a.id]: 40, [c.id]: 40, [d.id]: 20 } }));
    await ok(await c.agent.put(url, { points: { [a.id]: 50, [b.id]: 50 } }));
    const mine = await ok(await d.agent.put(url, { points: { [a.id]: 100 } }));
    expect(mine).toMatchObject({ given: { [a.id]: 100 }, givers: 4, members: 4 });
    await ok(await a.agent.put(`${A()}/teams/${team.id}/split-rule`, { rule: 'peer' }));
    // Received: A 190, B 100, C 70, D 40 of 400.
    const e = await economics(period, team.id);
    expect(sharesOf(e, team.people)).toEqual([4_750_000, 2_500_000, 1_750_000, 1_000_000]);
    expect(e.members.map((m: { peerPointsReceived: number }) => m.peerPointsReceived)).toEqual([190, 100, 70, 40]);
  });

  it('gives nobody who joined after the month a part of it, reopened or not', async () => {
    const email = `late.${unique()}@example.test`;
    const late = await created(await admin.post(`${A()}/memberships`, { email, role: 'member', name: 'Late joiner', password: PASSWORD }));
    await ok(await admin.post(`${A()}/teams/${team.id}/members`, { userId: late.userId }));
    const joiner = await t.signIn(email, PASSWORD);
    const points = await joiner.put(`${A()}/periods/${period}/teams/${team.id}/peer-points`, { points: { [team.people[0]!.id]: 100 } });
    expectApiError(points, 403, 'forbidden');
    const e = await economics(period, team.id);
    expect(e.members.map((m: { memberId: string }) => m.memberId)).toEqual(team.people.map((p) => p.id));
    expect(e.shares.reduce((s: number, x: { amountMinor: number }) => s + x.amountMinor, 0)).toBe(10_000_000);
    // In the month they are in (the current one), they count.
    const now = await economics(periodOf(Date.now(), 'Europe/Berlin'), team.id);
    expect(now.members.map((m: { memberId: string }) => m.memberId)).toContain(late.userId);
    expect((await admin.delete(`${A()}/teams/${team.id}/members/${late.userId}`)).statusCode).toBeLessThan(300);
  });

  it('shows members and shares to the team and admins; someone outside the team sees the team’s figures only', async () => {
    const mine = await economics(period, team.id, team.people[3]!.agent);
    expect(mine.sharesVisible).toBe(true);
    const viewer = await t.signIn(orgs.a.users.viewer.email, orgs.a.users.viewer.password);
    const outside = await economics(period, team.id, viewer);
    expect(outside).toMatchObject({ sharesVisible: false, shares: [], members: [], poolMinor: 10_000_000 });
    // Side by side too: every team's figures, nobody's salary or share.
    const all = await ok(await viewer.get(`${A()}/periods/${period}`));
    expect(all.teams.find((x: { teamId: string }) => x.teamId === team.id)).toMatchObject({
      sharesVisible: false,
      members: [],
      shares: [],
      poolMinor: 10_000_000,
    });
    const mineSideBySide = await ok(await team.people[0]!.agent.get(`${A()}/periods/${period}`));
    expect(mineSideBySide.teams.find((x: { teamId: string }) => x.teamId === team.id).members).toHaveLength(4);
  });
});

describe('internal trades and the amoeba’s hourly efficiency', () => {
  const period = '2025-04';

  it('(99,000 + 21,000 − 80,000) ÷ 1,280 h = 31.25 per hour, once the buyer confirms the trade', async () => {
    const crew = await teamOf(2);
    const sales = await teamOf(1);
    for (const p of crew.people)
      await ok(await admin.put(`${A()}/periods/${period}/teams/${crew.id}/members/${p.id}`, { hours: 640, salaryMinor: 0 }));
    await created(await admin.post(`${A()}/periods/${period}/ledger`, { teamId: crew.id, kind: 'revenue', amountMinor: 9_900_000 }));
    await created(
      await admin.post(`${A()}/periods/${period}/ledger`, { teamId: crew.id, kind: 'expense', amountMinor: 8_000_000, note: 'Materials' }),
    );
    const trade = await created(
      await crew.people[0]!.agent.post(`${A()}/periods/${period}/trades`, {
        sellerTeamId: crew.id,
        buyerTeamId: sales.id,
        amountMinor: 2_100_000,
        note: 'Roofing for the sales team',
      }),
    );
    expect(trade).toMatchObject({ status: 'proposed', enteredByTeamId: crew.id });

    // Unconfirmed: no figure changes. (99,000 − 80,000) ÷ 1,280 = 14.84 per hour.
    expect(await economics(period, crew.id)).toMatchObject({ internalInMinor: 0, hourlyEfficiencyMinor: 1_484, netProfitMinor: 1_900_000 });
    expect(await economics(period, sales.id)).toMatchObject({ internalOutMinor: 0, netProfitMinor: 0 });
    // The seller cannot confirm its own entry (nor may the one who recorded it); the buyer's member can.
    expectApiError(await crew.people[0]!.agent.post(`${A()}/periods/${period}/trades/${trade.id}/confirm`), 403, 'forbidden');
    expectApiError(await crew.people[1]!.agent.post(`${A()}/periods/${period}/trades/${trade.id}/confirm`), 403, 'forbidden');
    expect(await ok(await sales.people[0]!.agent.post(`${A()}/periods/${period}/trades/${trade.id}/confirm`))).toMatchObject({
      status: 'confirmed',
    });

    expect(await economics(period, crew.id)).toMatchObject({
      internalInMinor: 2_100_000,
      hourlyEfficiencyMinor: 3_125,
      netProfitMinor: 4_000_000,
    });
    expect(await economics(period, sales.id)).toMatchObject({
      internalOutMinor: 2_100_000,
      netProfitMinor: -2_100_000,
      poolMinor: 0,
      hourlyEfficiencyMinor: null,
    });
    expectApiError(
      await sales.people[0]!.agent.post(`${A()}/periods/${period}/trades/${trade.id}/decline`, { reason: 'late' }),
      409,
      'conflict',
    );
  });

  it('a team with books is not deleted: 409 naming id; its months keep their records', async () => {
    const team = await teamOf(1);
    await created(await admin.post(`${A()}/periods/${period}/ledger`, { teamId: team.id, kind: 'revenue', amountMinor: 1 }));
    expectApiError(await admin.delete(`${A()}/teams/${team.id}`), 409, 'conflict', 'id');
    const bare = await created(await admin.post(`${A()}/teams`, { name: `Bare ${unique()}`, kind: 'autonomous', purpose: '' }));
    await ok(await admin.put(`${A()}/teams/${bare.id}/split-rule`, { rule: 'salary' }));
    expect((await admin.delete(`${A()}/teams/${bare.id}`)).statusCode).toBe(204);
  });

  it('a declined trade keeps its history and counts for nobody', async () => {
    const one = await teamOf(1);
    const two = await teamOf(1);
    const trade = await created(
      await one.people[0]!.agent.post(`${A()}/periods/${period}/trades`, {
        sellerTeamId: two.id,
        buyerTeamId: one.id,
        amountMinor: 500_000,
      }),
    );
    expect(trade.enteredByTeamId).toBe(one.id);
    expectApiError(
      await two.people[0]!.agent.post(`${A()}/periods/${period}/trades/${trade.id}/decline`, {}),
      422,
      'validation_failed',
      'reason',
    );
    const declined = await ok(
      await two.people[0]!.agent.post(`${A()}/periods/${period}/trades/${trade.id}/decline`, { reason: 'Not delivered' }),
    );
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'Not delivered' });
    const list = await ok(await admin.get(`${A()}/periods/${period}/trades?teamId=${one.id}`));
    expect(list.items).toMatchObject([{ id: trade.id, status: 'declined' }]);
    expect(await economics(period, two.id)).toMatchObject({ internalInMinor: 0 });
  });
});

describe('overhead', () => {
  const period = '2025-05';

  it('fixed percentages must sum to 100%, naming the field; shared exactly when they do', async () => {
    const x = await teamOf(1);
    const y = await teamOf(1);
    const url = `${A()}/periods/${period}/overhead-rule`;
    expectApiError(
      await admin.put(url, { rule: 'fixed', percentages: { [x.id]: 60, [y.id]: 30 } }),
      422,
      'validation_failed',
      'percentages',
    );
    expectApiError(
      await admin.put(url, { rule: 'fixed', percentages: { [x.id]: 60, [orgs.b.team.id]: 40 } }),
      422,
      'validation_failed',
      `percentages.${orgs.b.team.id}`,
    );
    // Every other team of the organization gets 0%.
    await ok(await admin.put(url, { rule: 'fixed', percentages: { [x.id]: 66.67, [y.id]: 33.33 } }));
    await created(await admin.post(`${A()}/periods/${period}/ledger`, { kind: 'overhead', amountMinor: 1_000_001, note: 'Rent' }));
    expectApiError(
      await admin.post(`${A()}/periods/${period}/ledger`, { kind: 'overhead', teamId: x.id, amountMinor: 1 }),
      422,
      'validation_failed',
      'teamId',
    );
    expect((await economics(period, x.id)).overheadMinor).toBe(666_701);
    expect((await economics(period, y.id)).overheadMinor).toBe(333_300);
    const all = await ok(await admin.get(`${A()}/periods/${period}`));
    expect(all.overheadTotalMinor).toBe(1_000_001);
    expect(all.teams.reduce((s: number, team: { overheadMinor: number }) => s + team.overheadMinor, 0)).toBe(1_000_001);
  });
});

describe('the pool tied to kept promises, and the reserve', () => {
  it('share kept: one of two client promises broken halves the pool; the rest is withheld into the reserve', async () => {
    const period = periodOf(Date.now(), 'Europe/Berlin');
    const team = await teamOf(1);
    const segment = await created(await admin.post(`${A()}/segments`, { name: `Homeowners ${unique()}`, kind: 'customer' }));
    // The team's capability and granted right, which its client promises declare so that they publish.
    const backing = await backTeam(admin, orgs.a.slug, team.id);
    const promise = async (title: string, good: number, bad: number) => {
      const p = await created(
        await admin.post(`${A()}/promises`, {
          title,
          statement: 'We answer within a day',
          kind: 'client',
          promiserTeamId: team.id,
          override: { reason: 'An admin acts for the team in this test' },
          promiseeSegmentId: segment.id,
          metric: { kind: 'ratio' },
          target: 0.9,
          window: { kind: 'rolling', days: 30 },
          ...backing,
        }),
      );
      await ok(await admin.post(`${A()}/promises/${p.id}/publish`, { override: { reason: 'An admin acts for the team in this test' } }));
      const at = new Date(Date.now() - 3_600_000).toISOString();
      const events = [...Array.from({ length: good }, () => true), ...Array.from({ length: bad }, () => false)].map((ok, i) => ({
        externalId: `e${i}`,
        occurredAt: at,
        good: ok,
      }));
      await ok(await admin.post(`${A()}/promises/${p.id}/events`, { events }));
      return p.id as string;
    };
    const kept = await promise(`Kept ${unique()}`, 95, 5);
    const broken = await promise(`Broken ${unique()}`, 80, 20);
    await created(await admin.post(`${A()}/periods/${period}/ledger`, { teamId: team.id, kind: 'revenue', amountMinor: 1_000_000 }));
    await ok(await admin.put(`${A()}/economics-settings`, { poolRate: 0.2, reserveRate: 0.05, fulfillment: 'share_kept' }));
    const e = await economics(period, team.id);
    expect(e).toMatchObject({
      fulfillmentMode: 'share_kept',
      fulfillmentIndex: 0.5,
      poolMinor: 100_000,
      withheldMinor: 100_000,
      reserveMinor: 150_000,
    });
    expect(e.fulfillmentPromises.map((p: { id: string; kept: boolean }) => [p.id, p.kept]).sort()).toEqual(
      [
        [broken, false],
        [kept, true],
      ].sort(),
    );

    await ok(await admin.put(`${A()}/economics-settings`, { poolRate: 0.2, reserveRate: 0.05, fulfillment: 'proportional' }));
    // (1 + 0.8/0.9) ÷ 2 = 17/18 → pool round(200,000 × 17/18) = 188,889.
    expect(await economics(period, team.id)).toMatchObject({ fulfillmentIndex: 0.944444, poolMinor: 188_889, withheldMinor: 11_111 });
    await ok(await admin.put(`${A()}/economics-settings`, { poolRate: 0.2, reserveRate: 0, fulfillment: 'off' }));
  });

  it('the reserve fund: what closed months kept, less what was allocated, never below zero', async () => {
    const period = '2025-07';
    const team = await teamOf(1);
    await ok(await admin.put(`${A()}/periods/${period}/teams/${team.id}/members/${team.people[0]!.id}`, { hours: 100, salaryMinor: 0 }));
    expectApiError(
      await admin.put(`${A()}/economics-settings`, { poolRate: 0.6, reserveRate: 0.5, fulfillment: 'off' }),
      422,
      'validation_failed',
      'reserveRate',
    );
    await ok(await admin.put(`${A()}/economics-settings`, { poolRate: 0.2, reserveRate: 0.1, fulfillment: 'off' }));
    await created(await admin.post(`${A()}/periods/${period}/ledger`, { teamId: team.id, kind: 'revenue', amountMinor: 5_000_000 }));
    const before = await ok(await admin.get(`${A()}/reserve`));
    await ok(await admin.post(`${A()}/periods/${period}/close`));
    const after = await ok(await admin.get(`${A()}/reserve`));
    expect(after.accumulatedMinor - before.accumulatedMinor).toBe(500_000);
    // Spent only through a decision under the reserve right (team-books.test.ts): never more than the balance.
    const ctx = await orgContext(t.db, orgs.a.slug, { type: 'user', id: orgs.a.users.admin.id, label: orgs.a.users.admin.email });
    await expect(spendReserveByDecision(ctx, after.balanceMinor + 1, 'Too much')).rejects.toMatchObject({ code: 'reserve_insufficient' });
    const decisionId = await spendReserveByDecision(ctx, 200_000, 'Pilot: online booking');
    const spent = await ok(await admin.get(`${A()}/reserve`));
    expect(spent.balanceMinor).toBe(after.balanceMinor - 200_000);
    expect(spent.allocations.at(-1)).toMatchObject({ amountMinor: 200_000, purpose: 'Pilot: online booking', decisionId });
    await ok(await admin.put(`${A()}/economics-settings`, { poolRate: 0.2, reserveRate: 0, fulfillment: 'off' }));
  });
});

describe('ledger import from CSV', () => {
  const period = '2025-08';

  it('is all or nothing: every problem names its line and field, and nothing is added until the file is clean', async () => {
    const team = await teamOf(1);
    const name = (await ok(await admin.get(`${A()}/teams/${team.id}`))).name as string;
    const url = `${A()}/periods/${period}/ledger/import`;
    const bad = `team;kind;amount;note\n${name};revenue;1 500,50;ok\nNo such team;revenue;10;x\n${name};salary;10;x\n${name};expense;12.345;x\n`;
    const res = await admin.post(url, { csv: bad });
    expectApiError(res, 422, 'validation_failed');
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['rows.3.team', 'rows.4.kind', 'rows.5.amount']);
    expect((await ok(await admin.get(`${A()}/periods/${period}/ledger?teamId=${team.id}`))).items).toEqual([]);
    expectApiError(await admin.post(url, { csv: 'team,price\nx,1\n' }), 422, 'validation_failed', 'csv');

    expect(
      await ok(await admin.post(url, { csv: `team,kind,amount,note\n${name},revenue,1 500.50,Contract 17\n,overhead,100,Rent\n` })),
    ).toEqual({ imported: 2 });
    const lines = (await ok(await admin.get(`${A()}/periods/${period}/ledger`))).items;
    expect(lines.map((l: { teamId: string | null; kind: string; amountMinor: number }) => [l.teamId, l.kind, l.amountMinor])).toEqual([
      [null, 'overhead', 10_000],
      [team.id, 'revenue', 150_050],
    ]);
  });
});
