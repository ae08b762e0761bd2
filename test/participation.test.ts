/**
 * The participatory reserve: staff put part of the reserve up for allocation, eligible
 * clients fill budget ballots, the result by greedy and by the Method of Equal Shares is compared,
 * and allocating moves the winners' cost out of the reserve — once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/core/errors.js';
import { inviteClient } from '../src/modules/clients/client.service.js';
import type { OrgContext } from '../src/modules/context.js';
import { castBudgetBallot } from '../src/modules/participation/participation.ballot.js';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.routes.js';
import { ok } from './economics-fixture.js';
import { created, expectApiError } from './expect-api.js';
import { orgContext, type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, type SignedInAgent, type TestApp } from './harness.js';
import { fillReserve, spendReserveByDecision } from './reserve-fixture.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let A: string;
const HOUR = 3_600_000;
/** An instant as a request carries it: ISO 8601. */
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  A = `/api/v1/orgs/${orgs.a.slug}`;
  await fillReserve(await adminCtx(), '2001-01', 10_000_000);
});

afterAll(async () => {
  await t?.close();
});

const adminCtx = () => orgContext(t.db, orgs.a.slug, { type: 'user', id: orgs.a.users.admin.id, label: orgs.a.users.admin.email });

async function clientCtx(clientId: string, now = Date.now()): Promise<OrgContext> {
  return orgContext(t.db, orgs.a.slug, { type: 'client', id: clientId, label: 'client' }, now);
}

async function newClients(n: number, segmentIds: string[] = []): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await created(await admin.post(`${A}/clients`, { name: `Voter ${unique()}`, segmentIds }))).id);
  return ids;
}

async function balance(): Promise<number> {
  return (await ok(await admin.get(`${A}/reserve`))).balanceMinor;
}

/** An open round (voting now) with the given projects; returns its id and the projects' ids by title. */
async function openRound(projects: Record<string, number>, extra: Record<string, unknown> = {}) {
  const now = Date.now();
  const round = await created(
    await admin.post(`${A}/reserve-rounds`, {
      title: `Round ${unique()}`,
      budgetMinor: 100_000,
      method: 'mes',
      opensAt: iso(now - HOUR),
      closesAt: iso(now + HOUR),
      ...extra,
    }),
  );
  const ids: Record<string, string> = {};
  for (const [title, cost] of Object.entries(projects))
    ids[title] = (await created(await admin.post(`${A}/reserve-rounds/${round.id}/projects`, { title, costMinor: cost }))).id;
  await ok(await admin.post(`${A}/reserve-rounds/${round.id}/open`));
  return { id: round.id as string, p: ids };
}

/** Time passes: voting closes (the dates are fixed once open, so the test moves them). */
async function closeVoting(roundId: string) {
  await t.db
    .updateTable('pb_rounds')
    .set({ closes_at: Date.now() - 1 })
    .where('id', '=', roundId)
    .execute();
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the worked example through the API', () => {
  // Budget 1,000.00; a bloc of 3 clients approves A (600.00) and B (400.00), a minority of 2 approves C (400.00).
  it('greedy funds B and A; Equal Shares funds B and C; allocating moves 800.00 out of the reserve, once', async () => {
    const round = await openRound({ A: 60_000, B: 40_000, C: 40_000 });
    const { A: a, B: b, C: c } = round.p as { A: string; B: string; C: string };
    const voters = await newClients(5);
    for (const v of voters.slice(0, 3)) await castBudgetBallot(await clientCtx(v), round.id, v, [a, b]);
    for (const v of voters.slice(3)) await castBudgetBallot(await clientCtx(v), round.id, v, [c]);

    const detail = await ok(await admin.get(`${A}/reserve-rounds/${round.id}`));
    expect(detail).toMatchObject({ phase: 'voting', ballots: 5, status: 'open' });
    expect(Object.fromEntries(detail.projects.map((x: { title: string; votes: number }) => [x.title, x.votes]))).toEqual({
      A: 3,
      B: 3,
      C: 2,
    });

    const result = await ok(await admin.get(`${A}/reserve-rounds/${round.id}/result`));
    // Greedy: B (3 votes, cheaper) then A (3 votes) = 1,000.00; C (2 votes) no longer fits.
    expect(result.greedy).toEqual({ funded: [b, a], spentMinor: 100_000, leftMinor: 0 });
    // Equal Shares: 5 voters hold 200.00 each. ρ(B) = 400 / 3 = 133.33 < ρ(A) = ρ(C) = 200 → B; then the bloc holds
    // 3 × 66.67 = 200 < 600 for A, the minority 2 × 200 = 400 for C → C. Leftover 200.00: A does not fit.
    expect(result.mes).toEqual({
      funded: [b, c],
      byRule: [b, c],
      completion: [],
      spentMinor: 80_000,
      leftMinor: 20_000,
      voterShareMinor: 20_000,
      rhoMinor: { [b]: 13_333.33, [c]: 20_000 },
    });
    expect(result).toMatchObject({ method: 'mes', voters: 5, frozen: false });

    expectApiError(await admin.post(`${A}/reserve-rounds/${round.id}/allocate`), 409, 'conflict', 'closesAt');
    await closeVoting(round.id);
    const late = await refusal(castBudgetBallot(await clientCtx(voters[0]!), round.id, voters[0]!, [c]));
    expect([late.status, late.fields[0]?.path]).toEqual([409, 'closesAt']);

    const before = await balance();
    const allocated = await ok(await admin.post(`${A}/reserve-rounds/${round.id}/allocate`));
    expect(allocated).toMatchObject({ frozen: true, mes: { funded: [b, c] } });
    expect(await balance()).toBe(before - 80_000);
    const reserve = await ok(await admin.get(`${A}/reserve`));
    expect(reserve.allocations.slice(-2).map((x: { amountMinor: number }) => x.amountMinor)).toEqual([40_000, 40_000]);

    const after = await ok(await admin.get(`${A}/reserve-rounds/${round.id}`));
    const byTitle = Object.fromEntries(after.projects.map((x: { title: string }) => [x.title, x]));
    expect(byTitle.A).toMatchObject({ status: 'not_funded', allocationId: null });
    expect(byTitle.B.status).toBe('funded');
    expect(byTitle.C.status).toBe('funded');
    expect(reserve.allocations.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining([byTitle.B.allocationId, byTitle.C.allocationId]),
    );
    expect(after).toMatchObject({ status: 'allocated', phase: 'allocated' });

    expectApiError(await admin.post(`${A}/reserve-rounds/${round.id}/allocate`), 409, 'conflict', 'status');
    expect(await balance()).toBe(before - 80_000);
    expect((await ok(await admin.get(`${A}/reserve-rounds/${round.id}/result`))).frozen).toBe(true);

    // Funded projects are tracked; one that was not funded is not.
    expect((await ok(await admin.put(`${A}/reserve-projects/${b}/status`, { status: 'in_progress' }))).status).toBe('in_progress');
    expect((await ok(await admin.put(`${A}/reserve-projects/${b}/status`, { status: 'done' }))).status).toBe('done');
    expectApiError(await admin.put(`${A}/reserve-projects/${a}/status`, { status: 'done' }), 409, 'conflict', 'status');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', orgs.a.id)
      .where('entity_id', '=', round.id)
      .execute();
    expect(audit.map((x) => x.action)).toEqual(
      expect.arrayContaining(['reserve_round.created', 'reserve_round.opened', 'reserve_round.ballot_cast', 'reserve_round.allocated']),
    );
  });

  it('a greedy round funds by votes: B and A, the whole 1,000.00', async () => {
    const round = await openRound({ A: 60_000, B: 40_000, C: 40_000 }, { method: 'greedy' });
    const voters = await newClients(5);
    for (const v of voters.slice(0, 3)) await castBudgetBallot(await clientCtx(v), round.id, v, [round.p.A!, round.p.B!]);
    for (const v of voters.slice(3)) await castBudgetBallot(await clientCtx(v), round.id, v, [round.p.C!]);
    await closeVoting(round.id);
    const before = await balance();
    const result = await ok(await admin.post(`${A}/reserve-rounds/${round.id}/allocate`));
    expect(result.greedy.funded).toEqual([round.p.B, round.p.A]);
    expect(await balance()).toBe(before - 100_000);
  });
});

describe('ballots', () => {
  it('over the budget is 422 naming projectIds; a project of another round too', async () => {
    const round = await openRound({ A: 60_000, B: 50_000 });
    const [v] = await newClients(1);
    const over = await refusal(castBudgetBallot(await clientCtx(v!), round.id, v!, [round.p.A!, round.p.B!]));
    expect([over.status, over.fields[0]?.path]).toEqual([422, 'projectIds']);
    const other = await openRound({ X: 1_000 });
    const foreign = await refusal(castBudgetBallot(await clientCtx(v!), round.id, v!, [other.p.X!]));
    expect([foreign.status, foreign.fields[0]?.path]).toEqual([422, 'projectIds']);
    const rows = await t.db.selectFrom('pb_ballots').selectAll().where('round_id', '=', round.id).execute();
    expect(rows).toEqual([]);
  });

  it('a client outside the round’s segments is refused (403); one inside votes', async () => {
    const segment = await created(await admin.post(`${A}/segments`, { name: `Segment ${unique()}`, kind: 'customer' }));
    const round = await openRound({ A: 10_000 }, { segmentIds: [segment.id] });
    const [inside] = await newClients(1, [segment.id]);
    const [outside] = await newClients(1);
    const refused = await refusal(castBudgetBallot(await clientCtx(outside!), round.id, outside!, [round.p.A!]));
    expect(refused.status).toBe(403);
    await castBudgetBallot(await clientCtx(inside!), round.id, inside!, [round.p.A!]);
    expect((await ok(await admin.get(`${A}/reserve-rounds/${round.id}`))).ballots).toBe(1);
  });

  it('before it opens and after it closes is 409', async () => {
    const now = Date.now();
    const round = await openRound({ A: 10_000 }, { opensAt: iso(now + HOUR), closesAt: iso(now + 2 * HOUR) });
    const [v] = await newClients(1);
    expect((await refusal(castBudgetBallot(await clientCtx(v!), round.id, v!, [round.p.A!]))).status).toBe(409);
    expect((await refusal(castBudgetBallot(await clientCtx(v!, now + 3 * HOUR), round.id, v!, [round.p.A!]))).status).toBe(409);
    await expect(castBudgetBallot(await clientCtx(v!, now + 1.5 * HOUR), round.id, v!, [round.p.A!])).resolves.toEqual({
      projectIds: [round.p.A],
    });
  });

  it('20 concurrent casts by one client leave exactly one ballot, one of those cast; a changed ballot replaces the old', async () => {
    const round = await openRound({ A: 10_000, B: 20_000, C: 30_000 });
    const [v] = await newClients(1);
    const sets = [[round.p.A!], [round.p.B!], [round.p.C!], [round.p.A!, round.p.C!]];
    const casts = Array.from({ length: 20 }, async (_x, i) => castBudgetBallot(await clientCtx(v!), round.id, v!, sets[i % sets.length]!));
    await Promise.all(casts);
    const rows = await t.db.selectFrom('pb_ballots').selectAll().where('round_id', '=', round.id).execute();
    expect(rows).toHaveLength(1);
    expect(sets.map((s) => JSON.stringify(s))).toContain(rows[0]!.project_ids);

    await castBudgetBallot(await clientCtx(v!), round.id, v!, [round.p.B!, round.p.C!]);
    const detail = await ok(await admin.get(`${A}/reserve-rounds/${round.id}`));
    expect(detail.ballots).toBe(1);
    expect(Object.fromEntries(detail.projects.map((x: { title: string; votes: number }) => [x.title, x.votes]))).toEqual({
      A: 0,
      B: 1,
      C: 1,
    });
  });
});

describe('running a round', () => {
  it('a budget over the reserve’s balance is 422 naming budgetMinor; closesAt before opensAt names closesAt', async () => {
    const now = Date.now();
    const body = { title: 'Too much', opensAt: iso(now), closesAt: iso(now + HOUR) };
    expectApiError(
      await admin.post(`${A}/reserve-rounds`, { ...body, budgetMinor: (await balance()) + 1 }),
      422,
      'validation_failed',
      'budgetMinor',
    );
    expectApiError(
      await admin.post(`${A}/reserve-rounds`, { ...body, budgetMinor: 1, closesAt: iso(now) }),
      422,
      'validation_failed',
      'closesAt',
    );
  });

  it('a draft is edited freely; an open round is not; opening needs a project', async () => {
    const now = Date.now();
    const round = await created(
      await admin.post(`${A}/reserve-rounds`, { title: 'Draft', budgetMinor: 50_000, opensAt: iso(now), closesAt: iso(now + HOUR) }),
    );
    expect(round).toMatchObject({
      status: 'draft',
      phase: 'draft',
      method: 'mes',
      segmentIds: [],
      projects: [],
      opensAt: iso(now),
      closesAt: iso(now + HOUR),
    });
    expectApiError(await admin.post(`${A}/reserve-rounds/${round.id}/open`), 422, 'validation_failed', 'projects');
    const edited = await ok(await admin.patch(`${A}/reserve-rounds/${round.id}`, { title: 'Renamed', method: 'greedy' }));
    expect(edited).toMatchObject({ title: 'Renamed', method: 'greedy' });
    const p = await created(
      await admin.post(`${A}/reserve-rounds/${round.id}/projects`, { title: 'Bench', costMinor: 10_000, kind: 'experiment' }),
    );
    expectApiError(await admin.patch(`${A}/reserve-projects/${p.id}`, { costMinor: 50_001 }), 422, 'validation_failed', 'costMinor');
    expectApiError(await admin.patch(`${A}/reserve-rounds/${round.id}`, { budgetMinor: 9_999 }), 422, 'validation_failed', 'budgetMinor');
    expect((await ok(await admin.patch(`${A}/reserve-projects/${p.id}`, { title: 'Benches' }))).title).toBe('Benches');
    const gone = await created(await admin.post(`${A}/reserve-rounds/${round.id}/projects`, { title: 'Gone', costMinor: 1_000 }));
    expect((await admin.delete(`${A}/reserve-projects/${gone.id}`)).statusCode).toBe(204);
    await ok(await admin.post(`${A}/reserve-rounds/${round.id}/open`));
    expectApiError(await admin.patch(`${A}/reserve-rounds/${round.id}`, { title: 'Late' }), 409, 'conflict', 'status');
    expectApiError(
      await admin.post(`${A}/reserve-rounds/${round.id}/projects`, { title: 'Late', costMinor: 1 }),
      409,
      'conflict',
      'status',
    );
    expectApiError(await admin.delete(`${A}/reserve-projects/${p.id}`), 409, 'conflict', 'status');
    const viewer = await t.signIn(orgs.a.users.viewer.email, orgs.a.users.viewer.password);
    expect((await ok(await viewer.get(`${A}/reserve-rounds`))).items.map((r: { id: string }) => r.id)).toContain(round.id);
    expectApiError(await viewer.post(`${A}/reserve-rounds/${round.id}/allocate`), 403, 'forbidden');
  });

  it('when the reserve no longer holds the winners’ cost, allocating is 409 naming budgetMinor and changes nothing', async () => {
    const round = await openRound({ A: 30_000 });
    const [v] = await newClients(1);
    await castBudgetBallot(await clientCtx(v!), round.id, v!, [round.p.A!]);
    await closeVoting(round.id);
    // The reserve is spent elsewhere meanwhile, all but 100.00.
    await spendReserveByDecision(await adminCtx(), (await balance()) - 10_000, 'Elsewhere');
    expectApiError(await admin.post(`${A}/reserve-rounds/${round.id}/allocate`), 409, 'conflict', 'budgetMinor');
    expect(await balance()).toBe(10_000);
    expect((await ok(await admin.get(`${A}/reserve-rounds/${round.id}`))).status).toBe('open');
    await fillReserve(await adminCtx(), '2001-02', 10_000_000);
  });
});

describe('the portal', () => {
  async function signedIn(clientId: string): Promise<string> {
    const invitation = await inviteClient(await adminCtx(), clientId, 14, t.config.publicUrl);
    const res = await t.app.inject({ method: 'POST', url: `/c/${orgs.a.slug}/invite/${invitation.token}` });
    return res.cookies.find((c) => c.name === CLIENT_COOKIE)!.value;
  }
  const visit = (url: string, cookie?: string) =>
    t.app.inject({ method: 'GET', url, cookies: cookie ? { [CLIENT_COOKIE]: cookie } : {}, headers: { 'accept-language': 'en' } });
  const vote = (url: string, cookie: string, ids: string[], lang = 'en') =>
    t.app.inject({
      method: 'POST',
      url: `${url}/ballot?lang=${lang}`,
      cookies: { [CLIENT_COOKIE]: cookie },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(ids.map((id) => ['projectIds', id])).toString(),
    });

  it('lists the round, shows a ballot form, refuses a ballot over the budget in the client’s language, saves one within it', async () => {
    const round = await openRound({ 'Playground <b>': 60_000, Library: 50_000 });
    const [client] = await newClients(1);
    const cookie = await signedIn(client!);
    const url = `/c/${orgs.a.slug}/participation-rounds/${round.id}`;
    expect((await visit(`/c/${orgs.a.slug}/participation-rounds`, cookie)).body).toContain(url);
    const anonymous = await visit(url);
    expect(anonymous.body).not.toContain('name="projectIds"');
    const page = await visit(url, cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Playground &lt;b&gt;');
    expect(page.body).toContain(`name="projectIds" value="${round.p.Library}"`);

    const over = await vote(url, cookie, [round.p['Playground <b>']!, round.p.Library!], 'ru');
    expect(over.statusCode).toBe(422);
    expect(over.body).toContain('больше бюджета');
    expect(over.body).toMatch(new RegExp(`value="${round.p.Library}" checked`));

    const saved = await vote(url, cookie, [round.p.Library!]);
    expect(saved.statusCode).toBe(303);
    const again = await visit(`${url}?saved=1`, cookie);
    expect(again.body).toContain('Thank you: your ballot is saved.');
    expect(again.body).toContain(`value="${round.p.Library}" checked`);
    expect(again.body).not.toContain(`value="${round.p['Playground <b>']}" checked`);
    expect((await vote(url.replace(round.id, 'nope'), cookie, [])).statusCode).toBe(404);
  });

  it('after allocation shows the funded projects and both methods side by side', async () => {
    const round = await openRound({ A: 60_000, B: 40_000, C: 40_000 });
    const voters = await newClients(5);
    for (const v of voters.slice(0, 3)) await castBudgetBallot(await clientCtx(v), round.id, v, [round.p.A!, round.p.B!]);
    for (const v of voters.slice(3)) await castBudgetBallot(await clientCtx(v), round.id, v, [round.p.C!]);
    await closeVoting(round.id);
    await ok(await admin.post(`${A}/reserve-rounds/${round.id}/allocate`));
    const page = await visit(`/c/${orgs.a.slug}/reserve/${round.id}`);
    expect(page.body).toContain('Funded projects');
    expect(page.body).toContain('Both methods compared');
    expect(page.body).toContain('Votes: 3');
  });
});
