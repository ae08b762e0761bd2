/**
 * Clients' influence binds (issue 17): a decision that touches client segments is taken only once
 * each was asked — a client poll closed with its quorum, or a client's advice given on the portal —
 * or with a published reason; a poll is not closed early below its quorum once ballots exist, and a
 * poll closed without its quorum says so; a binding poll's winner cannot be decided against.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, inviteClient } from '../src/modules/clients/client.service.js';
import type { OrgContext } from '../src/modules/context.js';
import { castPollBallot } from '../src/modules/polls/ballot.service.js';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.context.js';
import type { SignedInAgent } from './agent.js';
import { created, expectApiError as expectError } from './expect-api.js';
import { orgContext, type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, errorOf, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let council: SignedInAgent;
let member: SignedInAgent;
let rightId: string;
let segmentId: string;
let segmentName: string;
let otherSegmentId: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const twoOptions = [
  { title: 'Open on Saturdays', description: '' },
  { title: 'Open late on Thursdays', description: '' },
];
const tomorrow = () => new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 10);

async function adminCtx(): Promise<OrgContext> {
  const person = orgs.a.users.admin;
  return { ...(await orgContext(t.db, orgs.a.slug, { type: 'user', id: person.id, label: person.email })), role: 'admin' };
}

async function newClient(name: string, segmentIds: string[]) {
  const client = await createClient(await adminCtx(), { name: `${name} ${unique()}` });
  for (const id of segmentIds)
    await t.db
      .insertInto('client_segments')
      .values({ org_id: orgs.a.id, client_id: client.id, segment_id: id, created_at: Date.now() })
      .execute();
  return client;
}

async function signInClient(clientId: string): Promise<string> {
  const invitation = await inviteClient(await adminCtx(), clientId, 14, t.config.publicUrl);
  const res = await t.app.inject({ method: 'POST', url: `/c/${orgs.a.slug}/invite/${invitation.token}` });
  const cookie = res.cookies.find((c) => c.name === CLIENT_COOKIE);
  if (!cookie) throw new Error(`no portal cookie: ${show(res)}`);
  return cookie.value;
}

const visit = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, cookies: { [CLIENT_COOKIE]: cookie, cc_lang: 'en' } });

function advise(decisionId: string, cookie: string, form: string) {
  return t.app.inject({
    method: 'POST',
    url: `/c/${orgs.a.slug}/decisions/${decisionId}/advice`,
    payload: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    cookies: { [CLIENT_COOKIE]: cookie, cc_lang: 'en' },
    remoteAddress: '10.9.1.1',
  });
}

async function newDecision(body: Record<string, unknown> = {}) {
  return created(
    await member.post(`${A()}/decisions`, {
      title: `Opening hours ${unique()}`,
      teamId: orgs.a.team.id,
      rightId,
      options: twoOptions,
      touchesSegmentIds: [segmentId],
      ...body,
    }),
  );
}

async function newPoll(decisionId: string, body: Record<string, unknown> = {}) {
  return created(
    await member.post(`${A()}/decisions/${decisionId}/polls`, {
      kind: 'single',
      question: 'Which opening hours suit you?',
      segmentIds: [segmentId],
      closesAt: iso(Date.now() + 24 * HOUR),
      ...body,
    }),
  );
}

/** The poll's closing time passes (as if the clock moved on). */
async function reachClosingTime(pollId: string) {
  await t.db
    .updateTable('polls')
    .set({ closes_at: Date.now() - 1 })
    .where('id', '=', pollId)
    .execute();
}

const decide = (id: string, body: Record<string, unknown> = {}) =>
  member.post(`${A()}/decisions/${id}/decide`, { chosenOption: 0, rationale: 'fits the team', ...body });

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  rightId = (await created(await council.post(`${A()}/rights`, { name: `Opening hours ${unique()}`, description: '' }))).id;
  await created(
    await council.post(`${A()}/grants`, {
      rightId,
      holderType: 'team',
      holderId: orgs.a.team.id,
      limits: { spendingCap: null },
      reason: 'pilot',
    }),
  );
  segmentName = `Shift workers ${unique()}`;
  segmentId = (await created(await admin.post(`${A()}/segments`, { name: segmentName, kind: 'customer' }))).id;
  otherSegmentId = (await created(await admin.post(`${A()}/segments`, { name: `Retirees ${unique()}`, kind: 'customer' }))).id;
});
afterAll(() => t?.close());

describe('a decision touching clients is taken once they were asked', () => {
  it('names only segments of the organization (422 naming touchesSegmentIds.<i>)', async () => {
    const otherOrgSegment =
      (await t.db.selectFrom('segments').select('id').where('org_id', '=', orgs.b.id).executeTakeFirst())?.id ?? 'nope';
    const res = await member.post(`${A()}/decisions`, {
      title: 'x',
      teamId: orgs.a.team.id,
      rightId,
      options: twoOptions,
      touchesSegmentIds: [segmentId, otherOrgSegment],
    });
    expectError(res, 422, 'validation_failed', 'touchesSegmentIds.1');
    expectError(
      await member.post(`${A()}/decisions`, {
        title: 'x',
        teamId: orgs.a.team.id,
        rightId,
        options: twoOptions,
        adviceFromSegmentIds: [segmentId],
      }),
      422,
      'validation_failed',
      'adviceDeadline',
    );
  });

  it('refuses with 409 clients_not_asked naming the segment; a reason takes it and is published on the portal', async () => {
    const decision = await newDecision();
    expect(decision.segmentsNotAsked).toEqual([{ id: segmentId, name: segmentName }]);
    const refused = await decide(decision.id);
    expectError(refused, 409, 'clients_not_asked', 'clientsNotAskedReason');
    expect(errorOf(refused).message).toContain(segmentName);
    expectError(await decide(decision.id, { clientsNotAskedReason: '   ' }), 409, 'clients_not_asked');

    const why = 'The landlord closes the building on weekends from next month: there was no time to ask.';
    const taken = await decide(decision.id, { clientsNotAskedReason: why });
    expect(taken.statusCode, show(taken)).toBe(200);
    expect(taken.json()).toMatchObject({ clientsNotAskedReason: why, segmentsNotAsked: [], touchesSegments: [{ id: segmentId }] });

    const client = await newClient('Nurse', [segmentId]);
    const cookie = await signInClient(client.id);
    const page = await visit(`/c/${orgs.a.slug}/decisions/${decision.id}`, cookie);
    expect(page.statusCode, show(page)).toBe(200);
    expect(page.body).toContain('decided without asking the clients it touches');
    expect(page.body).toContain('there was no time to ask');
    expect((await visit(`/c/${orgs.a.slug}/decisions`, cookie)).body).toContain(decision.title);
    // A client of another segment is not shown the decision.
    const outsider = await signInClient((await newClient('Pensioner', [otherSegmentId])).id);
    expect((await visit(`/c/${orgs.a.slug}/decisions/${decision.id}`, outsider)).statusCode).toBe(404);
  });

  it('a poll of the segment closed with its quorum asks it; one closed without its quorum does not', async () => {
    const short = await newDecision();
    const shortPoll = await newPoll(short.id, { quorum: 2 });
    await castPollBallot(await adminCtx(), shortPoll.id, (await newClient('Voter', [segmentId])).id, { option: 0 });
    await reachClosingTime(shortPoll.id);
    expectError(await decide(short.id), 409, 'clients_not_asked');

    const decision = await newDecision();
    const poll = await newPoll(decision.id, { quorum: 1 });
    await castPollBallot(await adminCtx(), poll.id, (await newClient('Voter', [segmentId])).id, { option: 0 });
    const closed = await member.post(`${A()}/polls/${poll.id}/close`);
    expect(closed.statusCode, show(closed)).toBe(200);
    const taken = await decide(decision.id);
    expect(taken.statusCode, show(taken)).toBe(200);
    expect(taken.json().clientsNotAskedReason).toBeNull();
  });

  it('clients asked for advice see the decision on the portal, advise and change it; staff see it; then it may be taken', async () => {
    const decision = await newDecision({
      adviceFromSegmentIds: [segmentId],
      adviceDeadline: tomorrow(),
      context: 'The shop closes at 18:00.',
    });
    expect(decision.adviceSegments).toEqual([{ id: segmentId, name: segmentName }]);
    const client = await newClient('Night nurse', [segmentId]);
    const cookie = await signInClient(client.id);
    const list = await visit(`/c/${orgs.a.slug}/decisions`, cookie);
    expect(list.body).toContain('Asking your advice');
    expect(list.body).toContain(decision.title);
    const page = await visit(`/c/${orgs.a.slug}/decisions/${decision.id}`, cookie);
    expect(page.body).toContain('The shop closes at 18:00.');
    expect(page.body).toContain('name="advice"');

    const first = await advise(decision.id, cookie, 'advice=Thursdays+please&preferredOption=1');
    expect(first.statusCode, show(first)).toBe(303);
    expect(first.headers.location).toContain('advised=1');
    const second = await advise(decision.id, cookie, 'advice=Thursdays%2C+until+21%3A00&preferredOption=1');
    expect(second.headers.location).toContain('advised=2');
    const bad = await advise(decision.id, cookie, 'advice=x&preferredOption=7');
    expect(bad.statusCode).toBe(422);

    const staff = (await member.get(`${A()}/decisions/${decision.id}`)).json();
    expect(staff.clientAdvice).toHaveLength(1);
    expect(staff.clientAdvice[0]).toMatchObject({
      client: { id: client.id, name: client.name },
      advice: 'Thursdays, until 21:00',
      preferredOption: 1,
      segments: [{ id: segmentId, name: segmentName }],
    });
    expect(staff.segmentsNotAsked).toEqual([]);
    // Clients' advice is not awaited like staff advice: the decision is ready.
    expect(staff.status).toBe('ready');

    const taken = await decide(decision.id, { chosenOption: 1 });
    expect(taken.statusCode, show(taken)).toBe(200);
    // Taken: the advice can no longer change.
    expect((await advise(decision.id, cookie, 'advice=late')).statusCode).toBe(409);
    expect((await visit(`/c/${orgs.a.slug}/decisions/${decision.id}`, cookie)).body).toContain('Decided: Open late on Thursdays');
  });

  it('editing an open decision changes the segments it touches and asks, checked like on create', async () => {
    const decision = await newDecision();
    expectError(
      await member.patch(`${A()}/decisions/${decision.id}`, { touchesSegmentIds: ['nope'] }),
      422,
      'validation_failed',
      'touchesSegmentIds.0',
    );
    expectError(
      await member.patch(`${A()}/decisions/${decision.id}`, { adviceFromSegmentIds: [segmentId] }),
      422,
      'validation_failed',
      'adviceDeadline',
    );
    const asked = await member.patch(`${A()}/decisions/${decision.id}`, { adviceFromSegmentIds: [segmentId], adviceDeadline: tomorrow() });
    expect(asked.statusCode, show(asked)).toBe(200);
    expect(asked.json().adviceSegments).toEqual([{ id: segmentId, name: segmentName }]);
    const untouched = await member.patch(`${A()}/decisions/${decision.id}`, { touchesSegmentIds: [] });
    expect(untouched.json()).toMatchObject({ touchesSegments: [], segmentsNotAsked: [] });
    expect((await decide(decision.id)).statusCode).toBe(200);
  });

  it('a client of a segment not asked cannot advise', async () => {
    const decision = await newDecision({
      adviceFromSegmentIds: [segmentId],
      adviceDeadline: tomorrow(),
      touchesSegmentIds: [segmentId, otherSegmentId],
    });
    const outsider = await signInClient((await newClient('Retiree', [otherSegmentId])).id);
    // The decision touches them, so they see it, but their advice is not asked.
    const page = await visit(`/c/${orgs.a.slug}/decisions/${decision.id}`, outsider);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('name="advice"');
    expect((await advise(decision.id, outsider, 'advice=hello')).statusCode).toBe(403);
  });
});

describe('closing a poll early', () => {
  it('is refused with ballots below the quorum, allowed with none or with the quorum reached', async () => {
    const decision = await newDecision({ touchesSegmentIds: [] });
    const poll = await newPoll(decision.id, { quorum: 2 });
    await castPollBallot(await adminCtx(), poll.id, (await newClient('Early', [segmentId])).id, { option: 1 });
    expectError(await member.post(`${A()}/polls/${poll.id}/close`), 409, 'poll_quorum_not_reached', 'id');
    await castPollBallot(await adminCtx(), poll.id, (await newClient('Second', [segmentId])).id, { option: 1 });
    const closed = await member.post(`${A()}/polls/${poll.id}/close`);
    expect(closed.statusCode, show(closed)).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedWithoutQuorum: false });

    const empty = await newPoll((await newDecision({ touchesSegmentIds: [] })).id, { quorum: 5 });
    const emptyClosed = await member.post(`${A()}/polls/${empty.id}/close`);
    expect(emptyClosed.statusCode, show(emptyClosed)).toBe(200);
  });

  it('a poll closed at its time without its quorum is shown as such, to staff and on the portal', async () => {
    const decision = await newDecision({ touchesSegmentIds: [] });
    const poll = await newPoll(decision.id, { quorum: 3 });
    const client = await newClient('Lonely voter', [segmentId]);
    await castPollBallot(await adminCtx(), poll.id, client.id, { option: 0 });
    await reachClosingTime(poll.id);
    const staff = (await member.get(`${A()}/polls/${poll.id}`)).json();
    expect(staff).toMatchObject({ status: 'closed', closedWithoutQuorum: true, turnout: 1, quorum: 3 });
    const page = await visit(`/c/${orgs.a.slug}/polls/${poll.id}`, await signInClient(client.id));
    expect(page.body).toContain('Closed without its quorum: 1 of the 3 votes needed');
  });
});

describe('binding client polls', () => {
  it('under a binding right, deciding against the clients’ winner is refused with clients_decided; following it is taken', async () => {
    const settings = (await admin.get(`${A()}/voice-settings`)).json();
    const { answerPromiseId: _p, updatedAt: _u, smtpConfigured: _s, ...input } = settings;
    expectError(
      await admin.put(`${A()}/voice-settings`, { ...input, bindingPollRightIds: ['no-such-right'] }),
      422,
      'validation_failed',
      'bindingPollRightIds.0',
    );
    const before = await newDecision({ touchesSegmentIds: [] });
    const beforePoll = await newPoll(before.id, { quorum: 1 });
    await castPollBallot(await adminCtx(), beforePoll.id, (await newClient('Voter', [segmentId])).id, { option: 1 });
    await member.post(`${A()}/polls/${beforePoll.id}/close`);
    // Not binding yet: a client rationale is enough.
    expect((await decide(before.id, { clientRationale: 'cost' })).statusCode).toBe(200);

    const saved = await admin.put(`${A()}/voice-settings`, { ...input, bindingPollRightIds: [rightId] });
    expect(saved.statusCode, show(saved)).toBe(200);
    expect(saved.json().bindingPollRightIds).toEqual([rightId]);
    const decision = await newDecision({ touchesSegmentIds: [] });
    const poll = await newPoll(decision.id, { quorum: 1 });
    await castPollBallot(await adminCtx(), poll.id, (await newClient('Voter', [segmentId])).id, { option: 1 });
    await member.post(`${A()}/polls/${poll.id}/close`);
    expectError(await decide(decision.id, { chosenOption: 0, clientRationale: 'cheaper for us' }), 409, 'clients_decided', 'chosenOption');
    const taken = await decide(decision.id, { chosenOption: 1 });
    expect(taken.statusCode, show(taken)).toBe(200);
    await admin.put(`${A()}/voice-settings`, { ...input, bindingPollRightIds: [] });
  });
});
