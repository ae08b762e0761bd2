/**
 * Client polls on decisions: clients of the polled segments vote in the portal, one ballot
 * each (changeable until the poll closes, counted once however many arrive at once); ranked polls
 * are counted by instant runoff; the decision waits for its polls and, going against the clients'
 * choice, publishes why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ballot } from '../src/core/voice/tally.js';
import { createClient, inviteClient } from '../src/modules/clients/client.service.js';
import type { OrgContext } from '../src/modules/context.js';
import { castPollBallot } from '../src/modules/polls/ballot.service.js';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.context.js';
import type { SignedInAgent } from './agent.js';
import { created, expectApiError as expectError } from './expect-api.js';
import { orgContext, type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let council: SignedInAgent;
let member: SignedInAgent;
let rightId: string;
let segmentId: string;
let otherSegmentId: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const HOUR = 3_600_000;
/** An instant as a request carries it: ISO 8601. */
const iso = (ms: number) => new Date(ms).toISOString();

const fiveOptions = [
  { title: 'Repair on site', description: 'a fitter comes within two days' },
  { title: 'Replace the unit', description: '' },
  { title: 'Compensate', description: '' },
  { title: 'Inspect first', description: '' },
  { title: 'Do nothing', description: '' },
];

async function adminCtx(now = Date.now()): Promise<OrgContext> {
  const person = orgs.a.users.admin;
  return { ...(await orgContext(t.db, orgs.a.slug, { type: 'user', id: person.id, label: person.email }, now)), role: 'admin' };
}

/** A client of A in the given segments. */
async function newClient(name: string, segmentIds: string[]) {
  const client = await createClient(await adminCtx(), { name: `${name} ${unique()}` });
  for (const id of segmentIds) {
    await t.db
      .insertInto('client_segments')
      .values({ org_id: orgs.a.id, client_id: client.id, segment_id: id, created_at: Date.now() })
      .execute();
  }
  return client;
}

/** Signs a client in to the portal through an invitation link; returns the portal cookie. */
async function signInClient(clientId: string): Promise<string> {
  const invitation = await inviteClient(await adminCtx(), clientId, 14, t.config.publicUrl);
  const res = await t.app.inject({ method: 'POST', url: `/c/${orgs.a.slug}/invite/${invitation.token}` });
  const cookie = res.cookies.find((c) => c.name === CLIENT_COOKIE);
  if (!cookie) throw new Error(`no portal cookie: ${show(res)}`);
  return cookie.value;
}

function visit(url: string, cookie: string) {
  return t.app.inject({ method: 'GET', url, cookies: { [CLIENT_COOKIE]: cookie, cc_lang: 'en' } });
}

function vote(pollId: string, cookie: string, form: string, ip = '10.9.0.1') {
  return t.app.inject({
    method: 'POST',
    url: `/c/${orgs.a.slug}/polls/${pollId}/ballot`,
    payload: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    cookies: { [CLIENT_COOKIE]: cookie, cc_lang: 'en' },
    remoteAddress: ip,
  });
}

async function newDecision(options = fiveOptions) {
  return created(
    await member.post(`${A()}/decisions`, { title: `Warranty process ${unique()}`, teamId: orgs.a.team.id, rightId, options }),
  );
}

async function newPoll(decisionId: string, body: Record<string, unknown>) {
  return created(
    await member.post(`${A()}/decisions/${decisionId}/polls`, {
      kind: 'single',
      question: 'How should we handle warranty repairs?',
      segmentIds: [segmentId],
      closesAt: iso(Date.now() + 24 * HOUR),
      ...body,
    }),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  rightId = (await created(await council.post(`${A()}/rights`, { name: `Warranty cases ${unique()}`, description: '' }))).id;
  await created(
    await council.post(`${A()}/grants`, {
      rightId,
      holderType: 'team',
      holderId: orgs.a.team.id,
      limits: { spendingCap: null },
      reason: 'pilot',
    }),
  );
  segmentId = (await created(await admin.post(`${A()}/segments`, { name: `Warranty clients ${unique()}`, kind: 'customer' }))).id;
  otherSegmentId = (await created(await admin.post(`${A()}/segments`, { name: `Office tenants ${unique()}`, kind: 'customer' }))).id;
});
afterAll(() => t?.close());

describe('a ranked poll counted by instant runoff, and a decision against it', () => {
  it('counts the known example round by round, holds the decision while open, then wants a published client rationale', async () => {
    const decision = await newDecision();
    const poll = await newPoll(decision.id, { kind: 'ranked', quorum: 20 });
    expect(poll).toMatchObject({ status: 'open', kind: 'ranked', eligible: 0, turnout: 0, segments: [{ id: segmentId }] });

    // 26 clients: 8 × [0], 7 × [1,2], 5 × [2,1], 4 × [3,2,1], 2 × [4,3] (worked out in src/core/voice/tally.test.ts).
    const rankings: number[][] = [
      ...Array.from({ length: 8 }, () => [0]),
      ...Array.from({ length: 7 }, () => [1, 2]),
      ...Array.from({ length: 5 }, () => [2, 1]),
      ...Array.from({ length: 4 }, () => [3, 2, 1]),
      ...Array.from({ length: 2 }, () => [4, 3]),
    ];
    const clients = [];
    for (const [i, ranking] of rankings.entries()) {
      const client = await newClient(`Voter ${i}`, [segmentId]);
      clients.push(client);
      // The first one votes through the portal's form (rank selects); the others through the same service.
      if (i === 0) {
        const cookie = await signInClient(client.id);
        const res = await vote(poll.id, cookie, 'rank.0=1&rank.1=&rank.2=&rank.3=&rank.4=');
        expect(res.statusCode, show(res)).toBe(303);
      } else {
        await castPollBallot({ ...(await adminCtx()), actor: { type: 'client', id: client.id, label: client.name } }, poll.id, client.id, {
          ranking,
        });
      }
    }

    const running = (await admin.get(`${A()}/polls/${poll.id}`)).json();
    expect(running).toMatchObject({ status: 'open', eligible: 26, turnout: 26 });
    expect(running.result.totals).toEqual([8, 7, 5, 4, 2]);
    expect(running.result.winners).toEqual([1]);
    expect(running.result.rounds.map((r: { counts: unknown }) => r.counts)).toEqual([
      [8, 7, 5, 4, 2],
      [8, 7, 5, 6, null],
      [8, 12, null, 6, null],
      [8, 16, null, null, null],
    ]);
    expect(running.result.rounds.map((r: { eliminated: number[] }) => r.eliminated)).toEqual([[4], [2], [3], []]);
    expect(running.result.rounds[3]).toMatchObject({ active: 24, exhausted: 2, elected: 1 });
    expect(running.result).toMatchObject({ quorumMet: true, counts: false });

    // The decision waits for the clients while they still vote; the options stay as they are.
    expectError(
      await member.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 0, rationale: 'fastest' }),
      409,
      'conflict',
      'polls',
    );
    expectError(await member.patch(`${A()}/decisions/${decision.id}`, { options: fiveOptions.slice(0, 3) }), 409, 'conflict', 'options');

    const closed = await member.post(`${A()}/polls/${poll.id}/close`);
    expect(closed.statusCode, show(closed)).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', result: { counts: true, winners: [1] } });
    expectError(await member.post(`${A()}/polls/${poll.id}/close`), 409, 'conflict', 'id');

    // Against the clients' choice (plurality's option 0, not the runoff's 1): a client rationale is required.
    const against = { chosenOption: 0, rationale: 'a fitter on site is fastest' };
    expectError(await member.post(`${A()}/decisions/${decision.id}/decide`, against), 422, 'validation_failed', 'clientRationale');
    expectError(
      await member.post(`${A()}/decisions/${decision.id}/decide`, { ...against, clientRationale: '   ' }),
      422,
      'validation_failed',
      'clientRationale',
    );
    const why = 'Replacement units are out of stock until spring; a repair on site restores heating within two days.';
    const taken = await member.post(`${A()}/decisions/${decision.id}/decide`, { ...against, clientRationale: why });
    expect(taken.statusCode, show(taken)).toBe(200);
    expect(taken.json()).toMatchObject({ status: 'decided', chosenOption: 0, clientRationale: why });
    const row = await t.db.selectFrom('decisions').select('client_rationale').where('id', '=', decision.id).executeTakeFirstOrThrow();
    expect(row.client_rationale).toBe(why);

    // Published with the result: the client sees the runoff, the option chosen and why.
    const cookie = await signInClient(clients[5]!.id);
    const page = await visit(`/c/${orgs.a.slug}/polls/${poll.id}`, cookie);
    expect(page.statusCode, show(page)).toBe(200);
    expect(page.body).toContain('Decided: Repair on site');
    expect(page.body).toContain('Replacement units are out of stock until spring');
    expect(page.body).toContain('Instant runoff, round by round');
    expect(page.body).toContain('Round 4');
    expect(page.body).not.toContain('name="rank.0"');
    const list = await visit(`/c/${orgs.a.slug}/polls`, cookie);
    expect(list.body).toContain('Closed polls');
    expect(list.body).toContain(poll.id);
    const staff = (await admin.get(`${A()}/decisions/${decision.id}/polls`)).json();
    expect(staff.items[0].decision).toEqual({ chosenOption: 0, clientRationale: why });
  });

  it('following the clients’ choice, or a result short of its quorum, needs no client rationale', async () => {
    const follow = await newDecision(fiveOptions.slice(0, 2));
    const poll = await newPoll(follow.id, { kind: 'single' });
    const voter = await newClient('Follower', [segmentId]);
    await castPollBallot(await adminCtx(), poll.id, voter.id, { option: 1 });
    await member.post(`${A()}/polls/${poll.id}/close`);
    const taken = await member.post(`${A()}/decisions/${follow.id}/decide`, { chosenOption: 1, rationale: 'as asked' });
    expect(taken.statusCode, show(taken)).toBe(200);
    expect(taken.json().clientRationale).toBeNull();

    const short = await newDecision(fiveOptions.slice(0, 2));
    const quorate = await newPoll(short.id, { kind: 'single', quorum: 2 });
    await castPollBallot(await adminCtx(), quorate.id, voter.id, { option: 1 });
    // Below its quorum the poll is not closed early (poll_quorum_not_reached): it closes at its time.
    await t.db
      .updateTable('polls')
      .set({ closes_at: Date.now() - 1 })
      .where('id', '=', quorate.id)
      .execute();
    const after = (await member.get(`${A()}/polls/${quorate.id}`)).json();
    expect(after.result).toMatchObject({ quorumMet: false, counts: false, winners: [1] });
    expect(after.closedWithoutQuorum).toBe(true);
    expect((await member.post(`${A()}/decisions/${short.id}/decide`, { chosenOption: 0, rationale: 'too few voted' })).statusCode).toBe(
      200,
    );
  });
});

describe('ballots', () => {
  it('a ballot changed before close replaces the first and counts once; the form is filled in with it', async () => {
    const decision = await newDecision(fiveOptions.slice(0, 3));
    const poll = await newPoll(decision.id, { kind: 'single' });
    const client = await newClient('Changer', [segmentId]);
    const cookie = await signInClient(client.id);
    const first = await vote(poll.id, cookie, 'option=0');
    expect(first.statusCode, show(first)).toBe(303);
    expect(first.headers.location).toBe(`/c/${orgs.a.slug}/polls/${poll.id}?voted=1`);
    const second = await vote(poll.id, cookie, 'option=2');
    expect(second.headers.location).toBe(`/c/${orgs.a.slug}/polls/${poll.id}?voted=2`);
    const result = (await admin.get(`${A()}/polls/${poll.id}`)).json();
    expect(result).toMatchObject({ turnout: 1, result: { totals: [0, 0, 1], winners: [2] } });
    const page = await visit(`/c/${orgs.a.slug}/polls/${poll.id}?voted=2`, cookie);
    expect(page.body).toContain('Your vote is changed. It still counts once.');
    expect(page.body).toContain('name="option" value="2" checked');
    expect(page.body).not.toContain('name="option" value="0" checked');
  });

  it('50 concurrent ballots from one client leave one row', async () => {
    const decision = await newDecision(fiveOptions.slice(0, 4));
    const poll = await newPoll(decision.id, { kind: 'approval' });
    const client = await newClient('Hurried', [segmentId]);
    const ctx = { ...(await adminCtx()), actor: { type: 'client' as const, id: client.id, label: client.name } };
    const ballots: Ballot[] = Array.from({ length: 50 }, (_, i) => ({ options: [i % 4] }));
    const outcomes = await Promise.allSettled(ballots.map((b) => castPollBallot(ctx, poll.id, client.id, b)));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const rows = await t.db.selectFrom('poll_ballots').selectAll().where('poll_id', '=', poll.id).execute();
    expect(rows).toHaveLength(1);
    const result = (await admin.get(`${A()}/polls/${poll.id}`)).json();
    expect(result.turnout).toBe(1);
    expect(result.result.totals.reduce((s: number, x: number) => s + x, 0)).toBe(1);
  });

  it('refuses a client outside the polled segments, a ballot of the wrong shape, and any ballot once closed', async () => {
    const decision = await newDecision(fiveOptions.slice(0, 3));
    const poll = await newPoll(decision.id, { kind: 'score' });
    const outsider = await newClient('Outsider', [otherSegmentId]);
    const outsiderCookie = await signInClient(outsider.id);
    expect((await visit(`/c/${orgs.a.slug}/polls/${poll.id}`, outsiderCookie)).statusCode).toBe(404);
    const refused = await vote(poll.id, outsiderCookie, 'score.0=1&score.1=2&score.2=3', '10.9.0.2');
    expect(refused.statusCode).toBe(404);
    await expect(castPollBallot(await adminCtx(), poll.id, outsider.id, { scores: [1, 2, 3] })).rejects.toMatchObject({
      code: 'forbidden',
    });

    const voter = await newClient('Scorer', [segmentId]);
    const cookie = await signInClient(voter.id);
    const bad = await vote(poll.id, cookie, 'score.0=1&score.1=&score.2=3', '10.9.0.3');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('scores.1');
    const good = await vote(poll.id, cookie, 'score.0=1&score.1=5&score.2=3', '10.9.0.3');
    expect(good.statusCode, show(good)).toBe(303);
    expect((await admin.get(`${A()}/polls/${poll.id}`)).json().result).toMatchObject({ totals: [1, 5, 3], means: [1, 5, 3], winners: [1] });

    await member.post(`${A()}/polls/${poll.id}/close`);
    const late = await vote(poll.id, cookie, 'score.0=5&score.1=0&score.2=0', '10.9.0.3');
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Voting has closed.');
    await expect(castPollBallot(await adminCtx(), poll.id, voter.id, { scores: [5, 0, 0] })).rejects.toMatchObject({ code: 'conflict' });
    expect((await admin.get(`${A()}/polls/${poll.id}`)).json().result.totals).toEqual([1, 5, 3]);
  });

  it('ranks given twice the same place are refused, naming the ranking', async () => {
    const decision = await newDecision(fiveOptions.slice(0, 3));
    const poll = await newPoll(decision.id, { kind: 'ranked' });
    const voter = await newClient('Ranker', [segmentId]);
    const cookie = await signInClient(voter.id);
    const res = await vote(poll.id, cookie, 'rank.0=1&rank.1=1&rank.2=', '10.9.0.4');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('ranking');
    const ok = await vote(poll.id, cookie, 'rank.0=2&rank.1=&rank.2=1', '10.9.0.4');
    expect(ok.statusCode, show(ok)).toBe(303);
    const page = await visit(`/c/${orgs.a.slug}/polls/${poll.id}`, cookie);
    expect(page.body).toMatch(/name="rank\.2"><option value="">not ranked<\/option><option value="1" selected>/);
  });
});

describe('hidden results', () => {
  it('are hidden from clients until the poll closes, while staff see them running', async () => {
    const decision = await newDecision(fiveOptions.slice(0, 2));
    const poll = await newPoll(decision.id, { kind: 'single', hideResults: true });
    const voter = await newClient('Curious', [segmentId]);
    const cookie = await signInClient(voter.id);
    await vote(poll.id, cookie, 'option=1', '10.9.0.5');
    const during = await visit(`/c/${orgs.a.slug}/polls/${poll.id}`, cookie);
    expect(during.body).toContain('The result is shown when the poll closes');
    expect(during.body).not.toContain('<th class="n">Votes</th>');
    expect((await admin.get(`${A()}/polls/${poll.id}`)).json().result.totals).toEqual([0, 1]);
    await member.post(`${A()}/polls/${poll.id}/close`);
    const after = await visit(`/c/${orgs.a.slug}/polls/${poll.id}`, cookie);
    expect(after.body).toContain('<th class="n">Votes</th>');
    expect(after.body).not.toContain('The result is shown when the poll closes');
  });
});

describe('opening a poll', () => {
  it('is refused on a decided decision, with closesAt past, an unknown segment, or by a member of another team', async () => {
    const decision = await newDecision(fiveOptions.slice(0, 2));
    const closesAt = Date.now() + HOUR;
    const base = { kind: 'single', question: 'Which?', segmentIds: [segmentId], closesAt: iso(closesAt) };
    expectError(
      await member.post(`${A()}/decisions/${decision.id}/polls`, { ...base, closesAt: iso(Date.now() - 1) }),
      422,
      'validation_failed',
      'closesAt',
    );
    expectError(
      await member.post(`${A()}/decisions/${decision.id}/polls`, { ...base, opensAt: iso(closesAt + HOUR) }),
      422,
      'validation_failed',
      'closesAt',
    );
    expectError(
      await member.post(`${A()}/decisions/${decision.id}/polls`, { ...base, segmentIds: [segmentId, 'no-such-segment'] }),
      422,
      'validation_failed',
      'segmentIds.1',
    );
    expectError(
      await member.post(`${A()}/decisions/${decision.id}/polls`, { ...base, segmentIds: [] }),
      422,
      'validation_failed',
      'segmentIds',
    );
    // The council person is in the other team only, but the council may act for any team.
    expect((await council.post(`${A()}/decisions/${decision.id}/polls`, base)).statusCode).toBe(201);
    const viewer = await t.signIn(orgs.a.users.viewer.email, orgs.a.users.viewer.password);
    expectError(await viewer.post(`${A()}/decisions/${decision.id}/polls`, base), 403, 'forbidden');

    const decided = await newDecision(fiveOptions.slice(0, 2));
    expect((await member.post(`${A()}/decisions/${decided.id}/decide`, { chosenOption: 0, rationale: 'done' })).statusCode).toBe(200);
    expectError(await member.post(`${A()}/decisions/${decided.id}/polls`, base), 409, 'decision_already_taken');
  });

  it('a poll scheduled for later is not shown to clients and takes no ballots yet', async () => {
    const decision = await newDecision(fiveOptions.slice(0, 2));
    const opensAt = Date.now() + HOUR;
    const poll = await newPoll(decision.id, { opensAt: iso(opensAt), closesAt: iso(opensAt + HOUR) });
    expect(poll).toMatchObject({ status: 'scheduled', opensAt: iso(opensAt), closesAt: iso(opensAt + HOUR) });
    const voter = await newClient('Early', [segmentId]);
    const cookie = await signInClient(voter.id);
    expect((await visit(`/c/${orgs.a.slug}/polls/${poll.id}`, cookie)).statusCode).toBe(404);
    await expect(castPollBallot(await adminCtx(), poll.id, voter.id, { option: 0 })).rejects.toMatchObject({ code: 'conflict' });
    expect((await visit(`/c/${orgs.a.slug}/polls`, cookie)).body).not.toContain(poll.id);
  });
});
