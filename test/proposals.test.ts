/**
 * Client proposals: supports counted once per client under concurrency, the threshold that
 * owes an answer — measured by the organization's answer promise (a good event in time, a bad one
 * when the due time passes) — statuses that need answers, merging duplicates, moderation, lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, inviteClient } from '../src/modules/clients/client.service.js';
import type { OrgContext } from '../src/modules/context.js';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.routes.js';
import { forgetBoards } from '../src/modules/promises/board.service.js';
import { settleOverdueProposals } from '../src/modules/proposals/answer.service.js';
import { mergeProposal } from '../src/modules/proposals/merge.service.js';
import { reportContent } from '../src/modules/proposals/moderation.service.js';
import {
  changeProposalStatus,
  createClientProposal,
  createProposal,
  getProposal,
  supportProposal,
  withdrawSupport,
} from '../src/modules/proposals/proposal.service.js';
import type { SignedInAgent } from './agent.js';
import { expectInstantWithin } from './expect-api.js';
import { type OrgFixture, orgContext, unique } from './fixtures.js';
import { createTestApp, type TestApp } from './harness.js';

const DAY = 24 * 3600 * 1000;
let t: TestApp;
let a: OrgFixture;
let admin: SignedInAgent;
let member: SignedInAgent;
let viewer: SignedInAgent;
let clients: { id: string; name: string }[];

/** A context acting as A's admin at a chosen instant. */
async function at(now: number): Promise<OrgContext> {
  return { ...(await orgContext(t.db, a.slug, { type: 'user', id: a.users.admin.id, label: a.users.admin.email }, now)), role: 'admin' };
}

async function newProposal(now = Date.now(), title = `Proposal ${unique()}`) {
  return createProposal(await at(now), { title, body: 'Please do it' });
}

async function answerPromiseId(): Promise<string | null> {
  const row = await t.db.selectFrom('voice_settings').select('answer_promise_id').where('org_id', '=', a.id).executeTakeFirst();
  return row?.answer_promise_id ?? null;
}

async function answerEvent(proposalId: string) {
  return t.db
    .selectFrom('promise_events')
    .select(['good', 'occurred_at'])
    .where('external_id', '=', `proposal:${proposalId}:answer`)
    .executeTakeFirst();
}

async function supportersCount(proposalId: string): Promise<number> {
  const rows = await t.db.selectFrom('proposal_supports').select('client_id').where('proposal_id', '=', proposalId).execute();
  return rows.length;
}

/** Signs a client in through an invitation link; returns the portal cookie. */
async function signInClient(clientId: string): Promise<string> {
  const invitation = await inviteClient(await at(Date.now()), clientId, 14, t.config.publicUrl);
  const res = await t.app.inject({ method: 'POST', url: `/c/${a.slug}/invite/${invitation.token}` });
  const cookie = res.cookies.find((c) => c.name === CLIENT_COOKIE);
  if (!cookie) throw new Error('the invitation did not sign in');
  return cookie.value;
}

let addressCounter = 0;
/** A portal form post from its own address (per-IP limits of one test do not touch another). */
function portalPost(url: string, cookie: string | null, form: Record<string, string> = {}, address?: string) {
  addressCounter += 1;
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: address ?? `10.77.${(addressCounter >> 8) & 255}.${addressCounter & 255}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
    payload: new URLSearchParams(form).toString(),
    cookies: cookie ? { [CLIENT_COOKIE]: cookie } : {},
  });
}

function portalGet(url: string, cookie: string | null = null) {
  return t.app.inject({ method: 'GET', url, cookies: cookie ? { [CLIENT_COOKIE]: cookie } : {} });
}

beforeAll(async () => {
  t = await createTestApp();
  ({ a } = await t.seedTwoOrgs());
  admin = await t.signIn(a.users.admin.email, a.users.admin.password);
  member = await t.signIn(a.users.member.email, a.users.member.password);
  viewer = await t.signIn(a.users.viewer.email, a.users.viewer.password);
  // Three supports oblige an answer within 14 days; three reports hide a proposal.
  await t.db
    .insertInto('voice_settings')
    .values({
      org_id: a.id,
      allow_registration: 0,
      require_confirmed_email: 0,
      threshold_kind: 'count',
      threshold_value: 3,
      response_days: 14,
      answer_team_id: a.team.id,
      answer_promise_id: null,
      hide_after_reports: 3,
      binding_poll_right_ids: '[]',
      updated_at: Date.now(),
      updated_by: null,
    })
    .execute();
  const ctx = await at(Date.now());
  clients = [];
  for (let i = 0; i < 6; i++) clients.push(await createClient(ctx, { name: `Client ${i} ${unique()}` }));
});

afterAll(async () => {
  await t?.close();
});

describe('the owed answer', () => {
  it('crossing the threshold owes an answer in 14 days, measured by the answer promise once the proposed team accepted it', async () => {
    const reached = Date.parse('2026-03-02T10:00:00Z');
    const proposal = await newProposal(reached - 5 * DAY);
    expect(proposal.threshold).toBe(3);
    await supportProposal(await at(reached - 2 * DAY), clients[0]!.id, proposal.id);
    await supportProposal(await at(reached - DAY), clients[1]!.id, proposal.id);
    expect((await getProposal(await at(reached - DAY), proposal.id)).answerDueAt).toBeNull();
    expect(await answerPromiseId()).toBeNull();

    await supportProposal(await at(reached), clients[2]!.id, proposal.id);
    const owed = await getProposal(await at(reached + DAY), proposal.id);
    expect(owed).toMatchObject({ supports: 3, thresholdReachedAt: reached, answerDueAt: reached + 14 * DAY, isOverdue: false });
    // The team is proposed, not yet accepted: the promise is nobody's, so none is made and nothing counts.
    expect(await answerPromiseId()).toBeNull();
    const A = `/api/v1/orgs/${a.slug}`;
    const outsider = await t.signIn(a.users.council.email, a.users.council.password);
    expect((await outsider.post(`${A}/voice-settings/answer-team/accept`, {})).statusCode).toBe(409);
    expect((await viewer.post(`${A}/voice-settings/answer-team/accept`, {})).statusCode).toBe(403);
    const accepted = await member.post(`${A}/voice-settings/answer-team/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ answerTeamId: a.team.id, answerTeamAcceptedBy: a.users.member.name });
    // Accepting again changes nothing.
    const again = await member.post(`${A}/voice-settings/answer-team/accept`, {});
    expect(again.json()).toMatchObject({
      answerTeamAcceptedAt: accepted.json().answerTeamAcceptedAt,
      answerPromiseId: await answerPromiseId(),
    });

    const promiseId = await answerPromiseId();
    expect(promiseId).not.toBeNull();
    const promise = await admin.get(`/api/v1/orgs/${a.slug}/promises/${promiseId}`);
    expect(promise.json()).toMatchObject({
      kind: 'client',
      status: 'published',
      title: 'We answer client proposals that reach the threshold within 14 days',
      promiseeSegment: null,
      promiserTeam: { id: a.team.id },
      terms: { metric: { kind: 'ratio' }, target: 0.9, window: { kind: 'rolling', days: 90 } },
    });
    // On the public board, for every client.
    forgetBoards();
    const board = await t.app.inject({ method: 'GET', url: `/c/${a.slug}/promises?lang=en` });
    expect(board.body).toContain('We answer client proposals that reach the threshold within 14 days');
    expect(board.body).toContain('Everyone');

    // A second proposal crossing uses the same promise.
    const second = await newProposal(reached);
    for (const c of clients.slice(0, 3)) await supportProposal(await at(reached + DAY), c.id, second.id);
    expect(await answerPromiseId()).toBe(promiseId);
    // The answering team, which accepted, is told.
    const inbox = await member.get(`/api/v1/orgs/${a.slug}/notifications`);
    expect(inbox.json().items).toContainEqual(
      expect.objectContaining({ kind: 'proposal_threshold_reached', subjectType: 'proposal', subjectId: second.id }),
    );

    // Proposing another team hands it nothing until it accepts; then the promise is its own, as a new version.
    const current = (await admin.get(`/api/v1/orgs/${a.slug}/voice-settings`)).json();
    const { answerPromiseId: _p, updatedAt: _u, smtpConfigured: _s, ...input } = current;
    expect((await admin.put(`/api/v1/orgs/${a.slug}/voice-settings`, { ...input, answerTeamId: a.otherTeam.id })).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/orgs/${a.slug}/promises/${promiseId}`)).json()).toMatchObject({ promiserTeam: { id: a.team.id } });
    const asked = (await outsider.get(`/api/v1/orgs/${a.slug}/notifications`)).json().items;
    expect(asked).toContainEqual(expect.objectContaining({ kind: 'answer_promise_proposed', subjectId: a.otherTeam.id }));
    expect((await outsider.post(`${A}/voice-settings/answer-team/accept`, {})).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/orgs/${a.slug}/promises/${promiseId}`)).json()).toMatchObject({
      promiserTeam: { id: a.otherTeam.id },
    });
    const versions = (await admin.get(`/api/v1/orgs/${a.slug}/promises/${promiseId}/versions`)).json();
    expect((versions.items ?? versions).map((v: { promiserTeamId: string }) => v.promiserTeamId)).toEqual([a.team.id, a.otherTeam.id]);
    await admin.put(`/api/v1/orgs/${a.slug}/voice-settings`, { ...input, answerTeamId: a.team.id });
    expect((await member.post(`${A}/voice-settings/answer-team/accept`, {})).statusCode).toBe(200);
  });

  it('an answer given in time is a good event at the answer; the deadline passing unanswered is a bad one at the due time', async () => {
    const reached = Date.parse('2026-04-01T09:00:00Z');
    const inTime = await newProposal(reached - DAY);
    const late = await newProposal(reached - DAY);
    for (const c of clients.slice(0, 3)) {
      await supportProposal(await at(reached), c.id, inTime.id);
      await supportProposal(await at(reached), c.id, late.id);
    }
    await changeProposalStatus(await at(reached + 3 * DAY), inTime.id, { status: 'accepted', answer: 'Yes: from May' });
    expect(await answerEvent(inTime.id)).toEqual({ good: 1, occurred_at: reached + 3 * DAY });

    // Thirteen days on nothing is settled for the other; at fifteen its due time (day 14) has passed.
    await settleOverdueProposals(t.db, reached + 13 * DAY);
    expect(await answerEvent(late.id)).toBeUndefined();
    expect(await settleOverdueProposals(t.db, reached + 15 * DAY)).toBeGreaterThanOrEqual(1);
    expect(await answerEvent(late.id)).toEqual({ good: 0, occurred_at: reached + 14 * DAY });
    expect((await getProposal(await at(reached + 15 * DAY), late.id)).isOverdue).toBe(true);
    // Settling again, or answering late, changes nothing: one event per proposal.
    expect(await settleOverdueProposals(t.db, reached + 16 * DAY)).toBe(0);
    await changeProposalStatus(await at(reached + 20 * DAY), late.id, { status: 'declined', answer: 'Too costly for now' });
    expect(await answerEvent(late.id)).toEqual({ good: 0, occurred_at: reached + 14 * DAY });
  });

  it('an answer given after the due time, before any check ran, is a bad event at the due time', async () => {
    const reached = Date.parse('2026-05-01T09:00:00Z');
    const proposal = await newProposal(reached);
    for (const c of clients.slice(0, 3)) await supportProposal(await at(reached), c.id, proposal.id);
    await changeProposalStatus(await at(reached + 20 * DAY), proposal.id, { status: 'accepted', answer: 'Yes, at last' });
    expect(await answerEvent(proposal.id)).toEqual({ good: 0, occurred_at: reached + 14 * DAY });
  });

  it('a proposal that never reached its threshold owes nothing', async () => {
    const proposal = await newProposal(Date.parse('2026-05-02T09:00:00Z'));
    await changeProposalStatus(await at(Date.parse('2026-07-01T09:00:00Z')), proposal.id, { status: 'declined', answer: 'No' });
    expect(await answerEvent(proposal.id)).toBeUndefined();
  });
});

describe('one support per client', () => {
  it('50 concurrent supports from one client count once', async () => {
    const proposal = await newProposal();
    const ctx = await at(Date.now());
    const results = await Promise.all(Array.from({ length: 50 }, () => supportProposal(ctx, clients[3]!.id, proposal.id)));
    expect(results.filter((r) => r.added)).toHaveLength(1);
    expect((await getProposal(ctx, proposal.id)).supports).toBe(1);
    expect(await supportersCount(proposal.id)).toBe(1);
  });

  it('50 concurrent support posts through the portal count once (the rest: the same page or 429)', async () => {
    const proposal = await newProposal();
    const cookie = await signInClient(clients[4]!.id);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        portalPost(`/c/${a.slug}/proposals/${proposal.id}/support`, cookie, {}, `10.78.0.${(i % 200) + 1}`),
      ),
    );
    for (const res of responses) expect([303, 429]).toContain(res.statusCode);
    expect(responses.some((r) => r.statusCode === 303)).toBe(true);
    expect((await getProposal(await at(Date.now()), proposal.id)).supports).toBe(1);
    expect(await supportersCount(proposal.id)).toBe(1);
    // The client's own page lists it among the proposals they support.
    const home = (await portalGet(`/c/${a.slug}?lang=en`, cookie)).body;
    expect(home).toContain('Your proposals and the ones you support');
    expect(home).toContain(`href="/c/${a.slug}/proposals/${proposal.id}"`);
    expect(home).toContain('you support it');
  });

  it('a client withdraws a support once; a declined proposal takes no supports', async () => {
    const proposal = await newProposal();
    const ctx = await at(Date.now());
    await supportProposal(ctx, clients[0]!.id, proposal.id);
    await supportProposal(ctx, clients[1]!.id, proposal.id);
    expect(await withdrawSupport(ctx, clients[0]!.id, proposal.id)).toEqual({ removed: true, supports: 1 });
    expect(await withdrawSupport(ctx, clients[0]!.id, proposal.id)).toEqual({ removed: false, supports: 1 });
    await changeProposalStatus(ctx, proposal.id, { status: 'declined', answer: 'Not now' });
    await expect(supportProposal(ctx, clients[2]!.id, proposal.id)).rejects.toMatchObject({ code: 'conflict' });
    expect((await getProposal(ctx, proposal.id)).supports).toBe(1);
  });
});

describe('merging duplicates', () => {
  it('moves the supports to the survivor counting each client once; the survivor crosses its threshold by the merge', async () => {
    const now = Date.now();
    const ctx = await at(now);
    const survivor = await newProposal(now, 'Open on Saturdays');
    const duplicate = await newProposal(now, 'Saturday opening hours, please');
    await supportProposal(ctx, clients[0]!.id, survivor.id);
    await supportProposal(ctx, clients[1]!.id, survivor.id);
    await supportProposal(ctx, clients[1]!.id, duplicate.id);
    await supportProposal(ctx, clients[2]!.id, duplicate.id);

    const merging = Date.now();
    const res = await member.post(`/api/v1/orgs/${a.slug}/proposals/${duplicate.id}/merge`, { intoId: survivor.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: survivor.id, supports: 3 });
    expectInstantWithin(res.json().thresholdReachedAt, merging, Date.now());
    expect(await supportersCount(survivor.id)).toBe(3);
    expect(await supportersCount(duplicate.id)).toBe(0);
    const merged = (await admin.get(`/api/v1/orgs/${a.slug}/proposals/${duplicate.id}`)).json();
    expect(merged).toMatchObject({ status: 'merged', supports: 0, mergedInto: { id: survivor.id, title: 'Open on Saturdays' } });

    const again = await member.post(`/api/v1/orgs/${a.slug}/proposals/${duplicate.id}/merge`, { intoId: survivor.id });
    expect(again.statusCode).toBe(409);
    const self = await member.post(`/api/v1/orgs/${a.slug}/proposals/${survivor.id}/merge`, { intoId: survivor.id });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.fields[0].path).toBe('intoId');
    expect((await viewer.post(`/api/v1/orgs/${a.slug}/proposals/${survivor.id}/merge`, { intoId: duplicate.id })).statusCode).toBe(403);
  });

  it('an answer owed to the duplicate moves to the survivor, due no later', async () => {
    const reached = Date.parse('2026-06-01T09:00:00Z');
    const duplicate = await newProposal(reached - DAY);
    const survivor = await newProposal(reached - DAY);
    for (const c of clients.slice(0, 3)) await supportProposal(await at(reached), c.id, duplicate.id);
    await mergeProposal(await at(reached + 2 * DAY), duplicate.id, survivor.id);
    const after = await getProposal(await at(reached + 2 * DAY), survivor.id);
    expect(after).toMatchObject({ supports: 3, thresholdReachedAt: reached, answerDueAt: reached + 14 * DAY });
    expect((await getProposal(await at(reached + 2 * DAY), duplicate.id)).answerDueAt).toBeNull();
  });
});

describe('statuses and answers', () => {
  it('accepted and declined need an answer; implemented needs an accepted proposal and what implements it', async () => {
    const proposal = await newProposal();
    const url = `/api/v1/orgs/${a.slug}/proposals/${proposal.id}`;
    const bare = await member.post(`${url}/status`, { status: 'accepted' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.fields[0].path).toBe('answer');
    expect((await member.post(`${url}/implementation`, { implementedType: 'promise', implementedId: 'x' })).statusCode).toBe(409);
    expect((await member.post(`${url}/status`, { status: 'under_consideration' })).json().status).toBe('under_consideration');
    const answering = Date.now();
    const accepted = await member.post(`${url}/status`, { status: 'accepted', answer: 'Yes, we will' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', answer: 'Yes, we will' });
    expectInstantWithin(accepted.json().answeredAt, answering, Date.now());

    const unknown = await member.post(`${url}/implementation`, { implementedType: 'decision', implementedId: 'no-such-decision' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0].path).toBe('implementedId');
    const promiseId = (await answerPromiseId()) as string;
    const implemented = await member.post(`${url}/implementation`, { implementedType: 'promise', implementedId: promiseId });
    expect(implemented.json()).toMatchObject({
      status: 'implemented',
      implemented: { type: 'promise', id: promiseId, title: 'We answer client proposals that reach the threshold within 14 days' },
    });
    expect((await member.post(`${url}/status`, { status: 'declined', answer: 'No' })).statusCode).toBe(409);
    expect((await viewer.post(`${url}/status`, { status: 'open' })).statusCode).toBe(403);
    // Read from the other end: the promise's proposals.
    const by = await viewer.get(`/api/v1/orgs/${a.slug}/proposals?implementedBy=${promiseId}&status=implemented`);
    expect(by.json().items.map((p: { id: string }) => p.id)).toContain(implemented.json().id);
    expect((await viewer.get(`/api/v1/orgs/${a.slug}/proposals?implementedBy=nothing-here`)).json().items).toEqual([]);
  });

  it('the portal page shows the answer, the chain and who may support', async () => {
    const proposal = await newProposal(Date.now(), 'Weekend visits');
    await changeProposalStatus(await at(Date.now()), proposal.id, { status: 'accepted', answer: 'We start visits on Saturdays' });
    const page = await portalGet(`/c/${a.slug}/proposals/${proposal.id}?lang=en`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Weekend visits');
    expect(page.body).toContain('We start visits on Saturdays');
    expect(page.body).toContain('Accepted');
    expect(page.body).toContain('no longer takes supports');
    expect((await portalGet(`/c/${a.slug}/proposals/nope?lang=en`)).statusCode).toBe(404);
  });
});

describe('making, supporting and reporting in the portal', () => {
  it('a signed-in client proposes, supports and withdraws; an anonymous visitor is asked to sign in', async () => {
    const cookie = await signInClient(clients[5]!.id);
    const form = await portalGet(`/c/${a.slug}/proposals/new?lang=en`, cookie);
    expect(form.body).toContain('name="title"');
    const made = await portalPost(`/c/${a.slug}/proposals/new`, cookie, { title: 'A bench by the door', body: 'For those who wait' });
    expect(made.statusCode).toBe(303);
    const location = made.headers.location as string;
    const id = location.split('/').pop()!.split('?')[0]!;
    const page = await portalGet(location, cookie);
    expect(page.body).toContain('Your proposal is published');
    expect(page.body).toContain('0 of 3 supports');
    expect(page.body).toContain(`action="/c/${a.slug}/proposals/${id}/support"`);

    expect((await portalPost(`/c/${a.slug}/proposals/${id}/support`, cookie)).statusCode).toBe(303);
    const supported = await portalGet(`/c/${a.slug}/proposals/${id}`, cookie);
    expect(supported.body).toContain('1 of 3 supports');
    expect(supported.body).toContain('/withdraw');
    expect((await portalPost(`/c/${a.slug}/proposals/${id}/withdraw`, cookie)).statusCode).toBe(303);
    expect((await getProposal(await at(Date.now()), id)).supports).toBe(0);

    const anonymous = await portalPost(`/c/${a.slug}/proposals/${id}/support`, null);
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.body).toContain('Sign in to take part');
    const empty = await portalPost(`/c/${a.slug}/proposals/new`, cookie, { title: '', body: '' });
    expect(empty.statusCode).toBe(422);
    // Russian, on a phone-sized page without script.
    const ru = await portalGet(`/c/${a.slug}/proposals?lang=ru`, cookie);
    expect(ru.body).toContain('Предложения');
    expect(ru.body).toContain('name="viewport"');
  });

  it('a proposal is hidden after three reports, listed for moderation, shown again when kept and stays hidden when removed', async () => {
    const proposal = await createClientProposal(await at(Date.now()), clients[0]!, { title: `Spam ${unique()}`, body: 'Buy now' });
    const reportedAt = Date.now();
    const ctx = await at(reportedAt);
    const report = (reporter: string) => reportContent(ctx, { subjectType: 'proposal', subjectId: proposal.id, reporter, reason: 'spam' });
    expect(await report('client:one')).toEqual({ counted: true, hidden: false });
    expect(await report('client:one')).toEqual({ counted: false, hidden: false });
    // Anonymous visitors report by address (a keyed hash of the IP), once each.
    expect((await portalPost(`/c/${a.slug}/proposals/${proposal.id}/report`, null, { reason: 'ads' }, '10.79.0.1')).statusCode).toBe(303);
    expect((await portalPost(`/c/${a.slug}/proposals/${proposal.id}/report`, null, { reason: 'ads' }, '10.79.0.1')).statusCode).toBe(303);
    expect((await getProposal(ctx, proposal.id)).hiddenAt).toBeNull();
    // Addresses are cheap to change: three reports, but only one from a client — still shown.
    expect(await report('client:two')).toEqual({ counted: true, hidden: false });
    expect((await portalPost(`/c/${a.slug}/proposals/${proposal.id}/report`, null, { reason: 'ads' }, '10.79.0.2')).statusCode).toBe(303);
    expect((await getProposal(ctx, proposal.id)).hiddenAt).toBeNull();
    expect(await report('client:six')).toEqual({ counted: true, hidden: true });

    const list = `/api/v1/orgs/${a.slug}/proposals?sort=newest&limit=200`;
    expect((await member.get(list)).json().items.map((p: { id: string }) => p.id)).not.toContain(proposal.id);
    expect((await member.get(`${list}&hidden=include`)).statusCode).toBe(403);
    expect((await admin.get(`${list}&hidden=only`)).json().items.map((p: { id: string }) => p.id)).toEqual([proposal.id]);
    expect((await portalGet(`/c/${a.slug}/proposals/${proposal.id}?lang=en`)).body).toContain('hidden while moderators look at it');

    const queue = await admin.get(`/api/v1/orgs/${a.slug}/moderation`);
    expect(queue.json().items).toEqual([
      expect.objectContaining({ id: proposal.id, subjectType: 'proposal', reports: 5, hiddenAt: new Date(reportedAt).toISOString() }),
    ]);
    expect((await member.get(`/api/v1/orgs/${a.slug}/moderation`)).statusCode).toBe(403);
    const kept = await admin.post(`/api/v1/orgs/${a.slug}/moderation/${proposal.id}/resolve`, { resolution: 'kept' });
    expect(kept.json()).toMatchObject({ resolution: 'kept', hiddenAt: null });
    expect((await admin.get(`/api/v1/orgs/${a.slug}/moderation`)).json().items).toEqual([]);
    expect((await member.get(list)).json().items.map((p: { id: string }) => p.id)).toContain(proposal.id);
    // The same reporters cannot hide it again; three new ones can, and removal keeps it hidden.
    expect(await report('client:one')).toEqual({ counted: false, hidden: false });
    for (const who of ['client:three', 'client:four']) await report(who);
    expect(await report('client:five')).toEqual({ counted: true, hidden: true });
    const removed = await admin.post(`/api/v1/orgs/${a.slug}/moderation/${proposal.id}/resolve`, { resolution: 'removed' });
    expect(removed.json()).toMatchObject({ resolution: 'removed', hiddenAt: new Date(reportedAt).toISOString() });
    expect((await admin.post(`/api/v1/orgs/${a.slug}/moderation/${proposal.id}/resolve`, { resolution: 'kept' })).statusCode).toBe(404);
    await expect(supportProposal(ctx, clients[1]!.id, proposal.id)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('lists', () => {
  it('sorts by supports, newest and trending, and pages by cursor without repeats', async () => {
    // A segment of their own keeps these apart from the other tests' proposals.
    const segment = (await admin.post(`/api/v1/orgs/${a.slug}/segments`, { name: `List ${unique()}`, kind: 'customer' })).json() as {
      id: string;
    };
    // Its clients may support proposals made to it; a client outside it may not.
    for (const c of clients.slice(0, 3)) await admin.patch(`/api/v1/orgs/${a.slug}/clients/${c.id}`, { segmentIds: [segment.id] });
    const now = Date.now();
    const make = async (title: string, createdAgo: number) =>
      createProposal(await at(now - createdAgo * DAY), { title, body: 'x', segmentId: segment.id });
    const old = await make('Old but loved', 30);
    const fresh = await make('Fresh and hot', 2);
    const quiet = await make('Quiet', 1);
    // Old: three supports a month ago; fresh: two this week; quiet: none.
    for (const c of clients.slice(0, 3)) await supportProposal(await at(now - 20 * DAY), c.id, old.id);
    for (const c of clients.slice(0, 2)) await supportProposal(await at(now - DAY), c.id, fresh.id);
    await expect(supportProposal(await at(now), clients[3]!.id, quiet.id)).rejects.toMatchObject({ code: 'forbidden' });

    const titles = async (sort: string) =>
      (await member.get(`/api/v1/orgs/${a.slug}/proposals?segmentId=${segment.id}&sort=${sort}`))
        .json()
        .items.map((p: { title: string }) => p.title);
    expect(await titles('supported')).toEqual(['Old but loved', 'Fresh and hot', 'Quiet']);
    expect(await titles('newest')).toEqual(['Quiet', 'Fresh and hot', 'Old but loved']);
    // Trending counts the last 7 days only: the month-old supports do not count; ties go by id.
    const trending = await titles('trending');
    expect(trending[0]).toBe('Fresh and hot');
    expect(trending.slice(1).sort()).toEqual(['Old but loved', 'Quiet']);

    for (const sort of ['supported', 'newest', 'trending']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (
          await member.get(
            `/api/v1/orgs/${a.slug}/proposals?segmentId=${segment.id}&sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          )
        ).json() as { items: { id: string }[]; nextCursor: string | null };
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(3);
      expect(seen.sort()).toEqual([old.id, fresh.id, quiet.id].sort());
    }

    const status = await member.get(`/api/v1/orgs/${a.slug}/proposals?segmentId=${segment.id}&status=open&q=loved`);
    expect(status.json().items.map((p: { id: string }) => p.id)).toEqual([old.id]);
    const portal = await portalGet(`/c/${a.slug}/proposals?sort=supported&lang=en`);
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain('Old but loved');
    expect((await portalGet(`/c/${a.slug}/proposals?cursor=garbage&lang=en`)).statusCode).toBe(400);
  });
});
