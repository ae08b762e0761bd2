/**
 * A decision answers the client proposals it settles: each is accepted or declined with
 * the decision's rationale in the same transaction, the owed answer counts as given on time (a good
 * event on the answer promise, never a bad one when its due time passes), the author sees the
 * answer in the portal; a proposal of another organization is refused naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/access/permissions.js';
import { createClient } from '../src/modules/clients/client.service.js';
import type { OrgContext } from '../src/modules/context.js';
import { settleOverdueProposals } from '../src/modules/proposals/answer.service.js';
import { createProposal, getProposal, supportProposal } from '../src/modules/proposals/proposal.service.js';
import { created, expectApiError as expectError } from './expect-api.js';
import { orgContext, type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, type SignedInAgent, show, type TestApp } from './harness.js';

const DAY = 24 * 3600 * 1000;
let t: TestApp;
let orgs: TwoOrgs;
let council: SignedInAgent;
let member: SignedInAgent;
let rightId: string;
let clientIds: string[];
const A = () => `/api/v1/orgs/${orgs.a.slug}`;

async function as(org: 'a' | 'b', role: Role): Promise<OrgContext> {
  const person = orgs[org].users[role];
  return { ...(await orgContext(t.db, orgs[org].slug, { type: 'user', id: person.id, label: person.email }, Date.now())), role };
}

/** A proposal of A over its threshold (three supports): an answer is owed in 14 days. */
async function owedProposal(title: string) {
  const proposal = await createProposal(await as('a', 'admin'), { title, body: 'Please do it' });
  for (const id of clientIds) await supportProposal(await as('a', 'admin'), id, proposal.id);
  const owed = await getProposal(await as('a', 'admin'), proposal.id);
  expect(owed.answerDueAt).not.toBeNull();
  return owed;
}

async function openDecision(): Promise<string> {
  const res = await member.post(`${A()}/decisions`, {
    title: `Benches ${unique()}`,
    teamId: orgs.a.team.id,
    rightId,
    options: [{ title: 'Buy benches' }, { title: 'Wait a year' }],
  });
  return (await created(res)).id;
}

async function answerEvent(proposalId: string) {
  return t.db.selectFrom('promise_events').select(['good']).where('external_id', '=', `proposal:${proposalId}:answer`).executeTakeFirst();
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  await t.db
    .insertInto('voice_settings')
    .values({
      org_id: orgs.a.id,
      allow_registration: 0,
      require_confirmed_email: 0,
      threshold_kind: 'count',
      threshold_value: 3,
      response_days: 14,
      answer_team_id: orgs.a.team.id,
      answer_promise_id: null,
      hide_after_reports: 3,
      binding_poll_right_ids: '[]',
      updated_at: Date.now(),
      updated_by: null,
    })
    .execute();
  // The proposed answering team accepts the promise to answer (issue 17): from now answers count.
  const accepted = await member.post(`${A()}/voice-settings/answer-team/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);
  const ctx = await as('a', 'admin');
  clientIds = [];
  for (let i = 0; i < 3; i++) clientIds.push((await createClient(ctx, { name: `Client ${i} ${unique()}` })).id);
  rightId = (await created(await council.post(`${A()}/rights`, { name: `Courtyard ${unique()}`, description: '' }))).id;
  await created(await council.post(`${A()}/grants`, { rightId, holderType: 'team', holderId: orgs.a.team.id, reason: 'pilot' }));
});
afterAll(() => t.close());

describe('a decision settles proposals', () => {
  it('accepts one and declines another with its rationale; the owed answers are on time, never overdue', async () => {
    const benches = await owedProposal(`Benches in the yard ${unique()}`);
    const fountain = await owedProposal(`A fountain ${unique()}`);
    const id = await openDecision();
    const res = await member.post(`${A()}/decisions/${id}/decide`, {
      chosenOption: 0,
      rationale: 'Benches are cheap; a fountain costs too much to keep',
      settles: [
        { proposalId: benches.id, outcome: 'accepted' },
        { proposalId: fountain.id, outcome: 'declined' },
      ],
    });
    expect(res.statusCode, show(res)).toBe(200);
    const accepted = (await member.get(`${A()}/proposals/${benches.id}`)).json();
    expect(accepted).toMatchObject({
      status: 'accepted',
      answer: 'Benches are cheap; a fountain costs too much to keep',
      isOverdue: false,
    });
    expect(accepted.answeredAt).not.toBeNull();
    const declined = (await member.get(`${A()}/proposals/${fountain.id}`)).json();
    expect(declined).toMatchObject({ status: 'declined', answer: 'Benches are cheap; a fountain costs too much to keep' });
    // Good events now; the due time passing later adds no bad one.
    expect(await answerEvent(benches.id)).toEqual({ good: 1 });
    expect(await answerEvent(fountain.id)).toEqual({ good: 1 });
    await settleOverdueProposals(t.db, Date.now() + 30 * DAY, orgs.a.id);
    expect(await answerEvent(benches.id)).toEqual({ good: 1 });
    expect(await answerEvent(fountain.id)).toEqual({ good: 1 });
    // The portal shows the decision's answer.
    const page = await t.app.inject({ method: 'GET', url: `/c/${orgs.a.slug}/proposals/${benches.id}?lang=en` });
    expect(page.body).toContain('Benches are cheap; a fountain costs too much to keep');
  });

  it('refuses a proposal of another organization naming the field, and takes nothing', async () => {
    const foreign = await createProposal(await as('b', 'admin'), { title: `Elsewhere ${unique()}`, body: 'Theirs' });
    const mine = await owedProposal(`Lights ${unique()}`);
    const id = await openDecision();
    const res = await member.post(`${A()}/decisions/${id}/decide`, {
      chosenOption: 1,
      rationale: 'Not now',
      settles: [
        { proposalId: mine.id, outcome: 'declined' },
        { proposalId: foreign.id, outcome: 'declined' },
      ],
    });
    expectError(res, 422, 'validation_failed', 'settles.1.proposalId');
    expect((await member.get(`${A()}/decisions/${id}`)).json().status).not.toBe('decided');
    expect((await member.get(`${A()}/proposals/${mine.id}`)).json().status).toBe('open');
    expect((await getProposal(await as('b', 'admin'), foreign.id)).status).toBe('open');
  });

  it('refuses a proposal named twice (422) and one already declined being declined again (409)', async () => {
    const p = await owedProposal(`Trees ${unique()}`);
    const id = await openDecision();
    const twice = await member.post(`${A()}/decisions/${id}/decide`, {
      chosenOption: 0,
      rationale: 'Yes',
      settles: [
        { proposalId: p.id, outcome: 'accepted' },
        { proposalId: p.id, outcome: 'declined' },
      ],
    });
    expectError(twice, 422, 'validation_failed', 'settles.1.proposalId');
    await member.post(`${A()}/proposals/${p.id}/status`, { status: 'declined', answer: 'No' });
    const again = await member.post(`${A()}/decisions/${id}/decide`, {
      chosenOption: 0,
      rationale: 'Still no',
      settles: [{ proposalId: p.id, outcome: 'declined' }],
    });
    expectError(again, 409, 'conflict', 'settles.0.proposalId');
  });
});
