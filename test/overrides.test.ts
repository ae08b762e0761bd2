/**
 * Delegated authority holds (issue 17): while a team (or one of its roles) holds a delegated right,
 * an admin or the council acting over it from above — deciding under that right, or changing the
 * team's roles, capabilities, agreements, members or split rule — sends an override with a reason
 * (else 409 right_delegated / team_autonomy). Each override is recorded, told to the team, written
 * to the audit log, shown on the decision and in the team's list, and counted for the quarter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, expectApiError } from './expect-api.js';
import { type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, type SignedInAgent, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let council: SignedInAgent;
let member: SignedInAgent;
let rightId: string;
/** A team holding no right: nothing to override. */
let plainTeamId: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const options = [
  { title: 'Repair on site', description: '' },
  { title: 'Compensate', description: '' },
];
const override = (reason: string) => ({ override: { reason } });

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  rightId = (await created(await council.post(`${A()}/rights`, { name: `Warranty cases ${unique()}`, description: '' }))).id;
  await created(
    await council.post(`${A()}/grants`, { rightId, holderType: 'team', holderId: orgs.a.team.id, limits: {}, reason: 'pilot' }),
  );
  plainTeamId = (await created(await admin.post(`${A()}/teams`, { name: `Plain ${unique()}`, kind: 'autonomous' }))).id;
});
afterAll(() => t.close());

async function openDecision(title: string) {
  return created(await member.post(`${A()}/decisions`, { title, teamId: orgs.a.team.id, rightId, options }));
}

describe('deciding under a delegated right from above', () => {
  it('refuses an admin without an override (409 right_delegated naming override.reason); with one it is taken, recorded and told', async () => {
    const decision = await openDecision(`Leak ${unique()}`);
    const seen = (await admin.get(`${A()}/decisions/${decision.id}`)).json();
    expect(seen.viewer).toMatchObject({ decideBlock: null, decideNeedsOverride: true });
    expect((await member.get(`${A()}/decisions/${decision.id}`)).json().viewer.decideNeedsOverride).toBe(false);

    expectApiError(
      await admin.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 0, rationale: 'fast' }),
      409,
      'right_delegated',
      'override.reason',
    );
    expectApiError(
      await admin.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 0, rationale: 'fast', ...override('   ') }),
      422,
      'validation_failed',
      'override.reason',
    );
    const taken = await admin.post(`${A()}/decisions/${decision.id}/decide`, {
      chosenOption: 0,
      rationale: 'fast',
      ...override('the family is without water tonight'),
    });
    expect(taken.statusCode, show(taken)).toBe(200);
    expect(taken.json().status).toBe('decided');
    expect(taken.json().overrides).toEqual([
      expect.objectContaining({
        teamId: orgs.a.team.id,
        action: 'decision_taken',
        subjectType: 'decision',
        subjectId: decision.id,
        reason: 'the family is without water tonight',
        by: { type: 'user', id: orgs.a.users.admin.id, name: orgs.a.users.admin.name },
      }),
    ]);
    expect((await member.get(`${A()}/decisions/${decision.id}`)).json().overrides).toHaveLength(1);

    const told = (await member.get(`${A()}/notifications`)).json().items.filter((n: { kind: string }) => n.kind === 'authority_overridden');
    expect(told).toEqual([
      expect.objectContaining({
        subjectType: 'decision',
        subjectId: decision.id,
        params: expect.objectContaining({ action: 'decision_taken', reason: 'the family is without water tonight' }),
      }),
    ]);
    const audit = (await admin.get(`${A()}/audit?action=team.authority_overridden`)).json().items;
    expect(audit.some((e: { entityId: string }) => e.entityId === orgs.a.team.id)).toBe(true);
  });

  it('needs no override from a member deciding for their own team, nor from the council on a team without the right', async () => {
    const decision = await openDecision(`Boiler ${unique()}`);
    const taken = await member.post(`${A()}/decisions/${decision.id}/decide`, { chosenOption: 1, rationale: 'ours to take' });
    expect(taken.statusCode, show(taken)).toBe(200);
    expect(taken.json().overrides).toEqual([]);
  });
});

type Change = {
  kind: string;
  /** Makes the thing to change (as the team's member, needing nothing); returns the request to send from above. */
  prepare(
    teamId: string,
  ): Promise<{ method: 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; body?: Record<string, unknown>; viaQuery?: boolean }>;
  ok: number;
};

async function roleOf(teamId: string, as: SignedInAgent = member) {
  return created(await as.post(`${A()}/teams/${teamId}/roles`, { name: `Role ${unique()}` }));
}
async function capabilityOf(teamId: string, as: SignedInAgent = member) {
  return created(await as.post(`${A()}/teams/${teamId}/capabilities`, { name: `Skill ${unique()}` }));
}
const reviewDate = '2030-01-01';

const CHANGES: Change[] = [
  {
    kind: 'create a role',
    ok: 201,
    prepare: async (teamId) => ({ method: 'POST', url: `${A()}/teams/${teamId}/roles`, body: { name: `Role ${unique()}` } }),
  },
  {
    kind: 'update a role',
    ok: 200,
    prepare: async (teamId) => ({ method: 'PATCH', url: `${A()}/roles/${(await roleOf(teamId)).id}`, body: { purpose: 'new' } }),
  },
  {
    kind: 'delete a role (query)',
    ok: 204,
    prepare: async (teamId) => ({ method: 'DELETE', url: `${A()}/roles/${(await roleOf(teamId)).id}`, viaQuery: true }),
  },
  {
    kind: 'assign a role member',
    ok: 201,
    prepare: async (teamId) => ({
      method: 'POST',
      url: `${A()}/roles/${(await roleOf(teamId)).id}/members`,
      body: { userId: orgs.a.users.viewer.id },
    }),
  },
  {
    kind: 'take a person off a role (body)',
    ok: 204,
    prepare: async (teamId) => {
      const role = await roleOf(teamId);
      await created(await member.post(`${A()}/roles/${role.id}/members`, { userId: orgs.a.users.member.id }));
      return { method: 'DELETE', url: `${A()}/roles/${role.id}/members/${orgs.a.users.member.id}` };
    },
  },
  {
    kind: 'create a capability',
    ok: 201,
    prepare: async (teamId) => ({ method: 'POST', url: `${A()}/teams/${teamId}/capabilities`, body: { name: `Skill ${unique()}` } }),
  },
  {
    kind: 'update a capability',
    ok: 200,
    prepare: async (teamId) => ({
      method: 'PATCH',
      url: `${A()}/capabilities/${(await capabilityOf(teamId)).id}`,
      body: { evidence: 'x' },
    }),
  },
  {
    kind: 'delete a capability',
    ok: 204,
    prepare: async (teamId) => ({ method: 'DELETE', url: `${A()}/capabilities/${(await capabilityOf(teamId)).id}` }),
  },
  {
    kind: 'record an agreement',
    ok: 201,
    prepare: async (teamId) => ({
      method: 'POST',
      url: `${A()}/agreements`,
      body: { title: `Rule ${unique()}`, driver: 'why', text: 'what', ownerType: 'team', ownerId: teamId, reviewDate },
    }),
  },
  {
    kind: 'change an agreement',
    ok: 200,
    prepare: async (teamId) => {
      const agreement = await created(
        await member.post(`${A()}/agreements`, {
          title: `Rule ${unique()}`,
          driver: 'why',
          text: 'what',
          ownerType: 'team',
          ownerId: teamId,
          reviewDate,
        }),
      );
      return { method: 'PATCH', url: `${A()}/agreements/${agreement.id}`, body: { criteria: 'measured' } };
    },
  },
  {
    kind: 'add a team member',
    ok: 201,
    prepare: async (teamId) => ({ method: 'POST', url: `${A()}/teams/${teamId}/members`, body: { userId: orgs.a.users.viewer.id } }),
  },
  {
    kind: 'remove a team member (query)',
    ok: 204,
    prepare: async (teamId) => {
      const res = await member.post(`${A()}/teams/${teamId}/members`, { userId: orgs.a.users.viewer.id });
      expect([201, 409]).toContain(res.statusCode);
      return { method: 'DELETE', url: `${A()}/teams/${teamId}/members/${orgs.a.users.viewer.id}`, viaQuery: true };
    },
  },
  {
    kind: 'set the split rule',
    ok: 200,
    prepare: async (teamId) => ({ method: 'PUT', url: `${A()}/teams/${teamId}/split-rule`, body: { rule: 'hours' } }),
  },
];

function send(as: SignedInAgent, req: Awaited<ReturnType<Change['prepare']>>, reason: string | null) {
  if (reason === null) return as.request({ method: req.method, url: req.url, body: req.body });
  if (req.viaQuery)
    return as.request({ method: req.method, url: `${req.url}?overrideReason=${encodeURIComponent(reason)}`, body: req.body });
  return as.request({ method: req.method, url: req.url, body: { ...req.body, ...override(reason) } });
}

describe('changing an autonomous team from above', () => {
  it.each(CHANGES)('$kind: 409 team_autonomy without an override, done and recorded with one', async (change) => {
    // Viewer out of the team first (a previous case may have added them).
    await member.delete(`${A()}/teams/${orgs.a.team.id}/members/${orgs.a.users.viewer.id}`);
    const req = await change.prepare(orgs.a.team.id);
    expectApiError(await send(admin, req, null), 409, 'team_autonomy', 'override.reason');
    const reason = `because ${change.kind} ${unique()}`;
    const done = await send(admin, req, reason);
    expect(done.statusCode, show(done)).toBe(change.ok);
    const list = (await member.get(`${A()}/teams/${orgs.a.team.id}/overrides?limit=1`)).json();
    expect(list.items[0]).toMatchObject({ reason, by: { id: orgs.a.users.admin.id } });
  });

  it.each(CHANGES)('$kind: a team without a delegated right needs no override', async (change) => {
    await admin.delete(`${A()}/teams/${plainTeamId}/members/${orgs.a.users.viewer.id}`);
    // The team's own member prepares; the plain team has the member in it for that.
    const joined = await admin.post(`${A()}/teams/${plainTeamId}/members`, { userId: orgs.a.users.member.id });
    expect([201, 409]).toContain(joined.statusCode);
    const req = await change.prepare(plainTeamId);
    const done = await send(admin, req, null);
    expect(done.statusCode, show(done)).toBe(change.ok);
  });

  it('the team’s own member changes it without an override; the council (not in the team) needs one', async () => {
    expect((await member.post(`${A()}/teams/${orgs.a.team.id}/roles`, { name: `Own ${unique()}` })).statusCode).toBe(201);
    expectApiError(await council.post(`${A()}/teams/${orgs.a.team.id}/capabilities`, { name: `C ${unique()}` }), 409, 'team_autonomy');
    const tokenRes = await t.app.inject({
      method: 'POST',
      url: `${A()}/teams/${orgs.a.team.id}/roles`,
      headers: { authorization: `Bearer ${orgs.a.token.secret}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: `Token role ${unique()}` }),
    });
    expectApiError(tokenRes, 409, 'team_autonomy', 'override.reason');
  });

  it('lists the team’s overrides newest first, a page at a time, and counts the quarter’s', async () => {
    const first = (await member.get(`${A()}/teams/${orgs.a.team.id}/overrides?limit=2`)).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    expect(Date.parse(first.items[0].at)).toBeGreaterThanOrEqual(Date.parse(first.items[1].at));
    const all: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = (
        await member.get(`${A()}/teams/${orgs.a.team.id}/overrides?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    // One decision and one per change kind.
    expect(all).toHaveLength(1 + CHANGES.length);
    const summary = (await member.get(`${A()}/overrides/summary`)).json();
    expect(summary.count).toBe(1 + CHANGES.length);
    expect(summary.quarter).toMatch(/^\d{4}-Q[1-4]$/);
    const other = await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password);
    expect((await other.get(`/api/v1/orgs/${orgs.b.slug}/overrides/summary`)).json().count).toBe(0);
  });
});
