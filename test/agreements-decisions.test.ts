/**
 * Agreements and decisions by the advice process: each refusal to take a
 * decision has its own code; agreements and decisions fall due on the right calendar day in the
 * organization's time zone (Europe/Berlin in the fixture, `now` passed in); owners, advisers and
 * holders of rights are notified in the app, once per occasion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/access/permissions.js';
import type { OrgContext } from '../src/modules/context.js';
import { createAgreement, listAgreements, reviewAgreement } from '../src/modules/governance/agreement.service.js';
import { createDecision, listDecisions } from '../src/modules/governance/decision.service.js';
import { takeDecision } from '../src/modules/governance/decision-process.service.js';
import { sendDueReminders } from '../src/modules/governance/due.service.js';
import { addMembership } from '../src/modules/memberships/membership.service.js';
import { addTeamMember, createTeam } from '../src/modules/teams/team.service.js';
import { created, expectApiError as expectError } from './expect-api.js';
import { orgContext, PASSWORD, type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, type SignedInAgent, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let council: SignedInAgent;
let member: SignedInAgent;
/** A member of the organization who is in no team holding the right. */
let outsider: SignedInAgent;
let outsiderId: string;
let rightId: string;
let grantId: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;

/** A service context acting as a fixture person at `now`, as a route would build it. */
async function as(role: Role, now: number): Promise<OrgContext> {
  const person = orgs.a.users[role];
  return { ...(await orgContext(t.db, orgs.a.slug, { type: 'user', id: person.id, label: person.email }, now)), role };
}

const options = [
  { title: 'Repair on site', description: 'two days' },
  { title: 'Compensate', description: '' },
];

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  const ctx = await as('admin', Date.now());
  const email = `outsider.${unique()}@example.test`;
  outsiderId = (await addMembership(ctx, { email, role: 'member', name: 'Outsider', password: PASSWORD })).userId;
  const elsewhere = await createTeam(ctx, { name: `Elsewhere ${unique()}`, kind: 'autonomous', purpose: '' });
  await addTeamMember(ctx, elsewhere.id, outsiderId);
  outsider = await t.signIn(email, PASSWORD);
  rightId = (await created(await council.post(`${A()}/rights`, { name: `Warranty cases ${unique()}`, description: '' }))).id;
  grantId = (
    await created(
      await council.post(`${A()}/grants`, {
        rightId,
        holderType: 'team',
        holderId: orgs.a.team.id,
        limits: { spendingCap: 150_000_00 },
        reason: 'pilot',
      }),
    )
  ).id;
});
afterAll(() => t.close());

describe('taking a decision by the advice process', () => {
  it('refuses a single option with 422 too_few_options naming options', async () => {
    const res = await member.post(`${A()}/decisions`, { title: 'One way only', teamId: orgs.a.team.id, rightId, options: [options[0]] });
    expectError(res, 422, 'too_few_options', 'options');
  });

  it('refuses a decider who holds the right through no team or role with 403 decider_lacks_right; a holder takes it', async () => {
    const decision = await created(
      await member.post(`${A()}/decisions`, { title: 'Leak at No. 7', teamId: orgs.a.team.id, rightId, options }),
    );
    expect(decision.status).toBe('ready');
    expect(decision.viewer.decideBlock).toBeNull();
    expect((await outsider.get(`${A()}/decisions/${decision.id}`)).json().viewer.decideBlock).toBe('decider_lacks_right');
    expectError(
      await outsider.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 0, rationale: 'fast' }),
      403,
      'decider_lacks_right',
    );

    const taken = await member.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 0, rationale: 'fastest for the family' });
    expect(taken.statusCode, show(taken)).toBe(200);
    expect(taken.json()).toMatchObject({ status: 'decided', chosenOption: 0, rationale: 'fastest for the family' });
    expect(taken.json().decidedBy).toEqual({ id: orgs.a.users.member.id, label: orgs.a.users.member.name });
    expectError(
      await member.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 1, rationale: 'again' }),
      409,
      'decision_already_taken',
    );
  });

  it('refuses an amount above the decider cap (403 above_spending_cap) and lets the council decide it', async () => {
    const sub = await created(
      await member.post(`${A()}/grants/${grantId}/delegate`, {
        holderType: 'team',
        holderId: (await created(await admin.post(`${A()}/teams`, { name: `Night shift ${unique()}`, kind: 'autonomous' }))).id,
        limits: { spendingCap: 30_000_00 },
        reason: 'nights',
      }),
    );
    expect(sub.grantedBy).toBe('delegation');
    const wider = await member.post(`${A()}/grants/${grantId}/delegate`, {
      holderType: 'team',
      holderId: orgs.a.team.id,
      limits: { spendingCap: 200_000_00 },
      reason: 'too much',
    });
    expectError(wider, 422, 'validation_failed', 'limits.spendingCap');

    const big = await created(
      await member.post(`${A()}/decisions`, { title: 'New roof', teamId: orgs.a.team.id, rightId, options, amount: 180_000_00 }),
    );
    expectError(await member.post(`${A()}/decisions/${big.id}/decide`, { chosenOption: 1, rationale: 'x' }), 403, 'above_spending_cap');
    const byCouncil = await council.post(`${A()}/decisions/${big.id}/decide`, {
      chosenOption: 1,
      rationale: 'the council holds it uncapped',
      // The right is delegated to the team: the council deciding from above says why (issue 17).
      override: { reason: 'above the team’s cap' },
    });
    expect(byCouncil.statusCode, show(byCouncil)).toBe(200);
  });

  it('waits for asked advice until the deadline day is over in the organization time zone', async () => {
    // 10 March 2027 in Berlin ends at 22:59:59 UTC (CET is UTC+1).
    const opened = Date.UTC(2027, 2, 8, 9);
    const decision = await createDecision(await as('member', opened), {
      title: 'Shift change',
      context: '',
      teamId: orgs.a.team.id,
      rightId,
      options: options.map((o) => ({ ...o })),
      amount: null,
      advisers: [
        { type: 'user', id: orgs.a.users.council.id },
        { type: 'user', id: orgs.a.users.admin.id },
      ],
      adviceDeadline: '2027-03-10',
      reviewDate: null,
    });
    expect(decision.status).toBe('seeking_advice');
    await expect(
      takeDecision(await as('member', Date.UTC(2027, 2, 10, 22, 59)), decision.id, { chosenOption: 0, rationale: 'x' }),
    ).rejects.toMatchObject({
      code: 'advice_pending',
    });
    const afterDeadline = await takeDecision(await as('member', Date.UTC(2027, 2, 10, 23, 0)), decision.id, {
      chosenOption: 0,
      rationale: 'advice is late',
    });
    expect(afterDeadline.status).toBe('decided');
    // Nobody answered, and that stays visible.
    expect(afterDeadline.advisers.map((a) => a.answeredAt)).toEqual([null, null]);
  });

  it('lets the asked (personally or through their team) answer, and takes the decision once all advice is in', async () => {
    const other = await created(await admin.post(`${A()}/teams`, { name: `Design ${unique()}`, kind: 'autonomous' }));
    await created(await admin.post(`${A()}/teams/${other.id}/members`, { userId: orgs.a.users.council.id }));
    const decision = await created(
      await member.post(`${A()}/decisions`, {
        title: 'Which supplier',
        teamId: orgs.a.team.id,
        rightId,
        options,
        advisers: [
          { type: 'user', id: orgs.a.users.admin.id },
          { type: 'team', id: other.id },
        ],
        adviceDeadline: '2099-01-01',
      }),
    );
    expect(decision.status).toBe('seeking_advice');
    expect((await admin.get(`${A()}/decisions/${decision.id}`)).json().viewer.canAdvise).toBe(true);
    expectError(await member.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 0, rationale: 'x' }), 409, 'advice_pending');
    expectError(await outsider.post(`${A()}/decisions/${decision.id}/advice`, { advice: 'me too' }), 403, 'forbidden');
    expectError(
      await admin.post(`${A()}/decisions/${decision.id}/advice`, { advice: 'x', preferredOption: 5 }),
      422,
      'validation_failed',
      'preferredOption',
    );

    const one = await admin.post(`${A()}/decisions/${decision.id}/advice`, { advice: 'Supplier B is late often', preferredOption: 0 });
    expect(one.statusCode, show(one)).toBe(200);
    expect(one.json().status).toBe('seeking_advice');
    const two = await council.post(`${A()}/decisions/${decision.id}/advice`, { advice: 'Either works', preferredOption: null });
    expect(two.json().status).toBe('ready');
    expect(two.json().advisers.map((a: { answeredBy: { label: string } }) => a.answeredBy.label)).toEqual([
      orgs.a.users.admin.name,
      orgs.a.users.council.name,
    ]);
    // The member who opened it hears of each answer; the advisers hear of the outcome.
    const inbox = (await member.get(`${A()}/notifications?unread=true`)).json().items as { kind: string; subjectId: string }[];
    expect(inbox.filter((n) => n.subjectId === decision.id).map((n) => n.kind)).toEqual(['advice_given', 'advice_given']);
    const taken = await member.post(`${A()}/decisions/${decision.id}/decide`, {
      chosenOption: 0,
      rationale: 'as advised',
      reviewDate: '2099-06-01',
    });
    expect(taken.json()).toMatchObject({ status: 'decided', reviewDate: '2099-06-01' });
    const adminInbox = (await admin.get(`${A()}/notifications`)).json().items as {
      kind: string;
      subjectId: string;
      params: Record<string, unknown>;
    }[];
    const forThis = adminInbox.filter((n) => n.subjectId === decision.id);
    expect(forThis.map((n) => n.kind)).toEqual(['decision_taken', 'advice_requested']);
    expect(forThis[0]?.params.option).toBe('Repair on site');
    expectError(await admin.post(`${A()}/decisions/${decision.id}/advice`, { advice: 'late' }), 409, 'decision_already_taken');
  });

  it('does not ask a viewer for advice, and wants a deadline when advice is asked', async () => {
    const base = { title: 'Ask', teamId: orgs.a.team.id, rightId, options, adviceDeadline: '2099-01-01' };
    expectError(
      await member.post(`${A()}/decisions`, { ...base, advisers: [{ type: 'user', id: orgs.a.users.viewer.id }] }),
      422,
      'validation_failed',
      'advisers.0.id',
    );
    expectError(
      await member.post(`${A()}/decisions`, { ...base, adviceDeadline: null, advisers: [{ type: 'user', id: orgs.a.users.admin.id }] }),
      422,
      'validation_failed',
      'adviceDeadline',
    );
    expectError(
      await member.post(`${A()}/decisions`, { ...base, adviceDeadline: '2020-01-01' }),
      422,
      'validation_failed',
      'adviceDeadline',
    );
  });
});

describe('agreements and reviews', () => {
  it('lets a team record its own agreements, not another team’s', async () => {
    const other = await created(await admin.post(`${A()}/teams`, { name: `Other ${unique()}`, kind: 'autonomous' }));
    const body = {
      title: 'Answer within a working day',
      driver: 'Owners call around',
      text: 'Every request gets an answer the same day',
      reviewDate: '2099-03-01',
    };
    const own = await created(await member.post(`${A()}/agreements`, { ...body, ownerType: 'team', ownerId: orgs.a.team.id }));
    expect(own).toMatchObject({ status: 'active', isDue: false, teamId: orgs.a.team.id, owner: { type: 'team', name: orgs.a.team.name } });
    expectError(await member.post(`${A()}/agreements`, { ...body, ownerType: 'team', ownerId: other.id }), 403, 'forbidden');
    expectError(
      await member.post(`${A()}/agreements`, { ...body, ownerType: 'role', ownerId: orgs.a.team.id }),
      422,
      'validation_failed',
      'ownerId',
    );
  });

  it('falls due on the review day in Berlin, reminds the owner once, and moves on when reviewed', async () => {
    const ctx = await as('member', Date.UTC(2027, 1, 1));
    const role = await created(await member.post(`${A()}/teams/${orgs.a.team.id}/roles`, { name: `Foreman ${unique()}` }));
    await created(await member.post(`${A()}/roles/${role.id}/members`, { userId: orgs.a.users.member.id }));
    // Made on 1 February 2027 (the service with its `now`), so the dates stay ahead of it whenever this runs.
    const agreement = await createAgreement(ctx, {
      title: `Friday photo report ${unique()}`,
      driver: 'Families live far away',
      text: 'Photos every Friday',
      criteria: '',
      ownerType: 'role',
      ownerId: role.id,
      reviewDate: '2027-03-01',
    });
    const dueAt = async (now: number) => (await listAgreements({ ...ctx, now }, { due: 'true' })).some((a) => a.id === agreement.id);
    // 28 February 23:30 UTC is already 1 March 00:30 in Berlin; 22:30 UTC is still 28 February there.
    expect(await dueAt(Date.UTC(2027, 1, 28, 22, 30))).toBe(false);
    expect(await dueAt(Date.UTC(2027, 1, 28, 23, 30))).toBe(true);

    const inbox = async () =>
      (await member.get(`${A()}/notifications`)).json().items.filter((n: { subjectId: string }) => n.subjectId === agreement.id) as {
        kind: string;
        params: Record<string, unknown>;
      }[];
    await sendDueReminders(t.db, Date.UTC(2027, 1, 28, 22, 30), orgs.a.id);
    expect(await inbox()).toEqual([]);
    await sendDueReminders(t.db, Date.UTC(2027, 1, 28, 23, 30), orgs.a.id);
    await sendDueReminders(t.db, Date.UTC(2027, 2, 1, 12), orgs.a.id);
    expect((await inbox()).map((n) => [n.kind, n.params.reviewDate])).toEqual([['agreement_due', '2027-03-01']]);

    const later = { ...ctx, now: Date.UTC(2027, 2, 2, 9) };
    await expect(reviewAgreement(later, agreement.id, { outcome: 'keep', note: '', nextReviewDate: '2027-03-02' })).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ path: 'nextReviewDate' }],
    });
    await expect(reviewAgreement(later, agreement.id, { outcome: 'amend', note: '', nextReviewDate: null })).rejects.toMatchObject({
      fields: [{ path: 'nextReviewDate' }],
    });
    const review = await reviewAgreement(later, agreement.id, {
      outcome: 'amend',
      note: 'photos on Thursdays now',
      nextReviewDate: '2027-06-01',
    });
    expect(review).toMatchObject({ outcome: 'amend', reviewedDate: '2027-03-02', nextReviewDate: '2027-06-01' });
    expect(await dueAt(later.now)).toBe(false);
    await sendDueReminders(t.db, Date.UTC(2027, 4, 31, 22, 30), orgs.a.id);
    expect((await inbox()).map((n) => n.params.reviewDate)).toEqual(['2027-06-01', '2027-03-01']);

    const retired = await reviewAgreement({ ...later, now: Date.UTC(2027, 2, 3) }, agreement.id, {
      outcome: 'retire',
      note: 'replaced',
      nextReviewDate: null,
    });
    expect(retired.nextReviewDate).toBeNull();
    expect((await member.get(`${A()}/agreements/${agreement.id}`)).json()).toMatchObject({ status: 'retired', isDue: false });
    const history = (await member.get(`${A()}/agreements/${agreement.id}/reviews`)).json().items;
    expect(history.map((r: { outcome: string }) => r.outcome)).toEqual(['amend', 'retire']);
    expectError(
      await member.post(`${A()}/agreements/${agreement.id}/reviews`, { outcome: 'keep', nextReviewDate: '2099-01-01' }),
      409,
      'conflict',
    );
  });

  it('lists a taken decision as due for review from its review day in the organization zone', async () => {
    const ctx = await as('member', Date.UTC(2027, 0, 10, 12));
    const decision = await createDecision(ctx, {
      title: `Supplier ${unique()}`,
      context: '',
      teamId: orgs.a.team.id,
      rightId,
      options: options.map((o) => ({ ...o })),
      amount: null,
      advisers: [],
      adviceDeadline: null,
      reviewDate: null,
    });
    await takeDecision(ctx, decision.id, { chosenOption: 1, rationale: 'cheaper', reviewDate: '2027-04-01' });
    // Berlin is on summer time (UTC+2) on 1 April 2027.
    const due = async (now: number) => (await listDecisions({ ...ctx, now }, { due: 'true' })).items.some((d) => d.id === decision.id);
    expect(await due(Date.UTC(2027, 2, 31, 21, 59))).toBe(false);
    expect(await due(Date.UTC(2027, 2, 31, 22, 0))).toBe(true);
    await sendDueReminders(t.db, Date.UTC(2027, 2, 31, 22, 0), orgs.a.id);
    const notes = (await member.get(`${A()}/notifications?unread=true`))
      .json()
      .items.filter((n: { subjectId: string }) => n.subjectId === decision.id);
    expect(notes.map((n: { kind: string }) => n.kind)).toEqual(['decision_due']);
  });
});

describe('notifications', () => {
  it('tells a team’s people when it is granted a right and when the grant is revoked with its sub-grants', async () => {
    const team = await created(await admin.post(`${A()}/teams`, { name: `Crew ${unique()}`, kind: 'autonomous' }));
    await created(await admin.post(`${A()}/teams/${team.id}/members`, { userId: orgs.a.users.member.id }));
    const role = await created(await admin.post(`${A()}/teams/${team.id}/roles`, { name: 'Foreman' }));
    await created(await admin.post(`${A()}/roles/${role.id}/members`, { userId: orgs.a.users.council.id }));
    const right = await created(await admin.post(`${A()}/rights`, { name: `Change the schedule ${unique()}`, description: '' }));
    const grant = await created(
      await admin.post(`${A()}/grants`, { rightId: right.id, holderType: 'team', holderId: team.id, reason: 'trust' }),
    );
    await created(
      await member.post(`${A()}/grants/${grant.id}/delegate`, { holderType: 'role', holderId: role.id, reason: 'site decisions' }),
    );
    const revoked = await admin.post(`${A()}/grants/${grant.id}/revoke`, { reason: 'merged crews' });
    expect(revoked.json().revoked).toHaveLength(2);

    const kinds = async (agent: SignedInAgent) =>
      ((await agent.get(`${A()}/notifications`)).json().items as { kind: string; params: { right: string; reason: string } }[])
        .filter((n) => n.params.right === right.name)
        .map((n) => `${n.kind}: ${n.params.reason}`);
    expect(await kinds(member)).toEqual(['right_revoked: merged crews', 'right_granted: trust']);
    // Taking the role made the council member one of the team: told of both grants and of both revocations.
    expect((await kinds(council)).sort()).toEqual(
      ['right_granted: site decisions', 'right_granted: trust', 'right_revoked: merged crews', 'right_revoked: merged crews'].sort(),
    );
  });

  it('counts unread, marks the caller’s own read (others’ ids are left alone), or all', async () => {
    const count = async (agent: SignedInAgent) => (await agent.get(`${A()}/notifications/unread-count`)).json().unread as number;
    const before = await count(member);
    expect(before).toBeGreaterThan(1);
    const mine = (await member.get(`${A()}/notifications?unread=true&limit=1`)).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.nextCursor).not.toBeNull();
    const councilUnread = await count(council);
    const marked = await council.post(`${A()}/notifications/read`, { ids: [mine.items[0].id] });
    expect(marked.json().updated).toBe(0);
    expect(await count(member)).toBe(before);
    expect(await count(council)).toBe(councilUnread);
    expect((await member.post(`${A()}/notifications/read`, { ids: [mine.items[0].id] })).json().updated).toBe(1);
    expect(await count(member)).toBe(before - 1);
    expect((await member.post(`${A()}/notifications/read`, { all: true })).json().updated).toBe(before - 1);
    expect(await count(member)).toBe(0);
    expectError(await member.post(`${A()}/notifications/read`, {}), 422, 'validation_failed');
    // Another organization's inbox is its own.
    expect((await member.get(`/api/v1/orgs/${orgs.b.slug}/notifications`)).statusCode).toBe(404);
  });
});

describe('a team runs its own structure', () => {
  it('lets a member change their own team’s capabilities and roles, not another team’s', async () => {
    const other = await created(await admin.post(`${A()}/teams`, { name: `Sales ${unique()}`, kind: 'autonomous' }));
    const mine = await created(
      await member.post(`${A()}/teams/${orgs.a.team.id}/capabilities`, {
        name: `Crews ${unique()}`,
        capacity: { value: 3, unit: 'crews' },
      }),
    );
    expect(mine.capacity).toEqual({ value: 3, unit: 'crews', per: null });
    expectError(await member.post(`${A()}/teams/${other.id}/capabilities`, { name: 'Not ours' }), 403, 'forbidden');
    expectError(await member.post(`${A()}/teams/${other.id}/roles`, { name: 'Not ours' }), 403, 'forbidden');
  });
});
