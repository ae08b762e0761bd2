/**
 * Whose right a decision is taken under: the person in a role decides through the role's
 * grant, not every member of its team; a team decides only under rights it holds; a right goes when a
 * grant above narrows or the person leaves the team; two people deciding at once cannot both win; an
 * open decision is edited only until advice is in, and may be withdrawn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/access/permissions.js';
import type { OrgContext } from '../src/modules/context.js';
import { addMembership } from '../src/modules/memberships/membership.service.js';
import { addTeamMember } from '../src/modules/teams/team.service.js';
import { created, expectApiError as expectError } from './expect-api.js';
import { orgContext, PASSWORD, type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, errorOf, type SignedInAgent, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let council: SignedInAgent;
let member: SignedInAgent;
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
});
afterAll(() => t.close());

describe('whose right it is', () => {
  let crew: { id: string };
  let foremanRole: { id: string };
  let scheduleRight: { id: string; name: string };
  let crewGrant: { id: string };
  let roleGrant: { id: string };
  let foreman: SignedInAgent;
  let foremanId: string;
  let hand: SignedInAgent;
  const open = (title: string) => ({ title, teamId: crew.id, rightId: scheduleRight.id, options, amount: 20_000_00 });

  beforeAll(async () => {
    const ctx = await as('admin', Date.now());
    crew = await created(await admin.post(`${A()}/teams`, { name: `Crew ${unique()}`, kind: 'autonomous' }));
    const foremanEmail = `foreman.${unique()}@example.test`;
    foremanId = (await addMembership(ctx, { email: foremanEmail, role: 'member', name: 'Foreman', password: PASSWORD })).userId;
    const handEmail = `hand.${unique()}@example.test`;
    const handId = (await addMembership(ctx, { email: handEmail, role: 'member', name: 'Hand', password: PASSWORD })).userId;
    await addTeamMember(ctx, crew.id, handId);
    foremanRole = await created(await admin.post(`${A()}/teams/${crew.id}/roles`, { name: 'Foreman' }));
    await created(await admin.post(`${A()}/roles/${foremanRole.id}/members`, { userId: foremanId }));
    scheduleRight = await created(await admin.post(`${A()}/rights`, { name: `Change the schedule ${unique()}`, description: '' }));
    // The council gives the right to the other fixture team; it passes it on to the crew's foreman only.
    crewGrant = await created(
      await council.post(`${A()}/grants`, {
        rightId: scheduleRight.id,
        holderType: 'team',
        holderId: orgs.a.team.id,
        limits: { spendingCap: 50_000_00 },
      }),
    );
    roleGrant = await created(
      await member.post(`${A()}/grants/${crewGrant.id}/delegate`, {
        holderType: 'role',
        holderId: foremanRole.id,
        limits: { spendingCap: 30_000_00 },
        reason: 'site decisions',
      }),
    );
    foreman = await t.signIn(foremanEmail, PASSWORD);
    hand = await t.signIn(handEmail, PASSWORD);
  });

  it('lets the person in the role decide for the team through the role grant, not another member of the team', async () => {
    const decision = await created(await hand.post(`${A()}/decisions`, open('Move the roofing a week')));
    expectError(await hand.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 0, rationale: 'x' }), 403, 'decider_lacks_right');
    // Nor can that member pass the role's right on to the team to get around it.
    expectError(
      await hand.post(`${A()}/grants/${roleGrant.id}/delegate`, {
        holderType: 'team',
        holderId: crew.id,
        limits: { spendingCap: 1 },
        reason: 'me',
      }),
      403,
      'forbidden',
    );
    const taken = await foreman.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 1, rationale: 'rain' });
    expect(taken.statusCode, show(taken)).toBe(200);
  });

  it('refuses a decision for a team that does not hold the right, and a holder elsewhere cannot take a team’s decision', async () => {
    const other = await created(await admin.post(`${A()}/teams`, { name: `Office ${unique()}`, kind: 'autonomous' }));
    expectError(await admin.post(`${A()}/decisions`, { ...open('Not ours'), teamId: other.id }), 422, 'validation_failed', 'rightId');
    // The fixture member holds the right through their own team, yet the crew's decision is not theirs.
    const decision = await created(await hand.post(`${A()}/decisions`, open('Crew matter')));
    expectError(
      await member.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 0, rationale: 'x' }),
      403,
      'decider_lacks_right',
    );
  });

  it('takes the right away when a grant above is revoked, and when the person leaves the team', async () => {
    const first = await created(await hand.post(`${A()}/decisions`, open('First')));
    const second = await created(await hand.post(`${A()}/decisions`, open('Second')));
    expect((await foreman.get(`${A()}/decisions/${first.id}`)).json().viewer.decideBlock).toBeNull();
    const narrowed = await council.post(`${A()}/grants/${crewGrant.id}/narrow`, { limits: { spendingCap: 10_000_00 }, reason: 'tighter' });
    expect(narrowed.statusCode, show(narrowed)).toBe(200);
    expectError(await foreman.post(`${A()}/decisions/${first.id}/decide`, { chosenOption: 0, rationale: 'x' }), 403, 'above_spending_cap');
    // The crew holds a delegated right: the admin, not in it, says why (issue 17).
    const removed = await admin.delete(`${A()}/teams/${crew.id}/members/${foremanId}?overrideReason=moved%20to%20another%20site`);
    expect(removed.statusCode, show(removed)).toBe(204);
    expectError(
      await foreman.post(`${A()}/decisions/${second.id}/decide`, { chosenOption: 0, rationale: 'x' }),
      403,
      'decider_lacks_right',
    );
    expect((await admin.get(`${A()}/teams/${crew.id}/roles`)).json().items[0].members).toEqual([]);
  });

  it('lets exactly one of two people deciding at once take the decision', async () => {
    const decision = await created(await admin.post(`${A()}/decisions`, { ...open('Race'), amount: null }));
    const [a, b] = await Promise.all([
      // Both decide from above a right delegated to the team, so both say why (issue 17).
      admin.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 0, rationale: 'first', override: { reason: 'race' } }),
      council.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 1, rationale: 'second', override: { reason: 'race' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(errorOf(loser).code).toBe('decision_already_taken');
    const audit = await admin.get(`${A()}/audit?entityId=${decision.id}&action=decision.taken`);
    expect(audit.json().items).toHaveLength(1);
  });

  it('changes options only until advice is in, and withdraws an open decision, telling those asked', async () => {
    const decision = await created(
      await admin.post(`${A()}/decisions`, {
        ...open('Supplier'),
        advisers: [{ type: 'user', id: orgs.a.users.council.id }],
        adviceDeadline: '2099-01-01',
      }),
    );
    const three = [...options, { title: 'Ask the client', description: '' }];
    const changed = await admin.patch(`${A()}/decisions/${decision.id}`, { options: three, adviceDeadline: '2099-02-01' });
    expect(changed.statusCode, show(changed)).toBe(200);
    expect(changed.json().options.map((o: { title: string }) => o.title)).toEqual(three.map((o) => o.title));
    expectError(await admin.patch(`${A()}/decisions/${decision.id}`, { options: [options[0]] }), 422, 'too_few_options', 'options');
    expectError(
      await admin.patch(`${A()}/decisions/${decision.id}`, { adviceDeadline: '2020-01-01' }),
      422,
      'validation_failed',
      'adviceDeadline',
    );
    await council.post(`${A()}/decisions/${decision.id}/advice`, { advice: 'ask the client', preferredOption: 2 });
    expectError(await admin.patch(`${A()}/decisions/${decision.id}`, { options }), 409, 'conflict', 'options');

    const withdrawn = await admin.post(`${A()}/decisions/${decision.id}/withdraw`, { reason: 'the client decided' });
    expect(withdrawn.json()).toMatchObject({ status: 'retired', decidedAt: null, rationale: 'the client decided' });
    expectError(
      await admin.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 0, rationale: 'x' }),
      409,
      'decision_already_taken',
    );
    const told = (await council.get(`${A()}/notifications`)).json().items.filter((n: { subjectId: string }) => n.subjectId === decision.id);
    expect(told.map((n: { kind: string }) => n.kind)).toEqual(['decision_withdrawn', 'advice_requested']);
  });
});
