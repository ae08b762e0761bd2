/**
 * Teams and governance through the API: roles, capabilities, decision rights
 * granted by the organization or council, sub-delegated within limits, narrowed and revoked with a
 * cascade, with the history kept — and the backing check the Promises module will call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingBacking } from '../src/modules/governance/rights.service.js';
import type { TwoOrgs } from './fixtures.js';
import { type Agent, createTestApp, errorOf, type SignedInAgent, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: Agent;
let council: SignedInAgent;
let member: SignedInAgent;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;

async function created(res: Awaited<ReturnType<Agent['post']>>) {
  expect(res.statusCode, show(res)).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = t.withToken(orgs.a.token.secret);
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
});
afterAll(() => t.close());

describe('delegation of a decision right', () => {
  let warranty: string;
  let engineers: string;
  let rightId: string;
  let councilGrant: { id: string };
  let subGrant: { id: string };
  let role: { id: string };

  beforeAll(async () => {
    warranty = (await created(await admin.post(`${A()}/teams`, { name: 'Гарантийный сервис', kind: 'autonomous' }))).id;
    engineers = (await created(await admin.post(`${A()}/teams`, { name: 'Инженеры', kind: 'autonomous' }))).id;
    role = await created(
      await admin.post(`${A()}/teams/${warranty}/roles`, { name: 'Дежурный инженер', accountabilities: ['принимает обращения'] }),
    );
    rightId = (
      await created(await council.post(`${A()}/rights`, { name: 'Решать гарантийные случаи', description: 'ремонт и компенсации' }))
    ).id;
  });

  it('lets the council grant a right with a cap, and a holder sub-delegate it within that cap', async () => {
    councilGrant = await created(
      await council.post(`${A()}/grants`, {
        rightId,
        holderType: 'team',
        holderId: warranty,
        limits: { spendingCap: 150_000_00 },
        reason: 'pilot',
      }),
    );
    expect(councilGrant).toMatchObject({
      grantedBy: 'council',
      holderName: 'Гарантийный сервис',
      active: true,
      limits: { spendingCap: 150_000_00 },
    });
    subGrant = await created(
      await council.post(`${A()}/grants`, {
        rightId,
        holderType: 'role',
        holderId: role.id,
        parentGrantId: councilGrant.id,
        limits: { spendingCap: 50_000_00 },
      }),
    );
    expect(subGrant).toMatchObject({ grantedBy: 'delegation', holderName: 'Гарантийный сервис / Дежурный инженер' });
  });

  it('refuses a sub-delegation wider than the granter, or uncapped under a cap, naming limits.spendingCap', async () => {
    for (const spendingCap of [200_000_00, null]) {
      const res = await council.post(`${A()}/grants`, {
        rightId,
        holderType: 'team',
        holderId: engineers,
        parentGrantId: councilGrant.id,
        limits: { spendingCap },
      });
      expect(res.statusCode).toBe(422);
      expect(errorOf(res).fields[0]?.path).toBe('limits.spendingCap');
    }
  });

  it('keeps members from granting rights (403) while they read the delegation', async () => {
    const res = await member.post(`${A()}/grants`, { rightId, holderType: 'team', holderId: engineers });
    expect(res.statusCode).toBe(403);
    expect((await member.get(`${A()}/grants?rightId=${rightId}`)).json().items).toHaveLength(2);
  });

  it('narrows a grant and its sub-grants above the new cap, with history', async () => {
    const res = await council.post(`${A()}/grants/${councilGrant.id}/narrow`, {
      limits: { spendingCap: 40_000_00, scope: null },
      reason: 'too many disputes',
    });
    expect(res.statusCode, show(res)).toBe(200);
    const sub = (await council.get(`${A()}/grants?holderId=${role.id}`)).json().items[0];
    expect(sub.limits.spendingCap).toBe(40_000_00);
    const wider = await council.post(`${A()}/grants/${councilGrant.id}/narrow`, {
      limits: { spendingCap: 90_000_00, scope: null },
      reason: 'x',
    });
    expect(errorOf(wider).fields[0]?.path).toBe('limits.spendingCap');
  });

  it('answers the backing question: the team holds the capability and the right, until it is revoked', async () => {
    const capability = await created(
      await admin.post(`${A()}/teams/${warranty}/capabilities`, {
        name: 'Выездная бригада',
        capacity: { value: 3, unit: 'бригады' },
        evidence: 'график',
        // The team holds a delegated right: the admin, not in it, says why (issue 17).
        override: { reason: 'записываем способность по графику бригады' },
      }),
    );
    const ask = () => missingBacking(t.db, orgs.a.id, warranty, { capabilityIds: [capability.id], rightIds: [rightId] });
    expect(await ask()).toEqual({ capabilities: [], rights: [] });
    const engineersLack = await missingBacking(t.db, orgs.a.id, engineers, { capabilityIds: [capability.id], rightIds: [rightId] });
    expect(engineersLack).toEqual({ capabilities: [capability.id], rights: [rightId] });

    const revoked = await council.post(`${A()}/grants/${councilGrant.id}/revoke`, { reason: 'reorganisation' });
    expect(revoked.json().revoked).toEqual([councilGrant.id, subGrant.id]);
    expect(await ask()).toEqual({ capabilities: [], rights: [rightId] });
    const grants = (await council.get(`${A()}/grants?rightId=${rightId}`)).json().items;
    expect(grants.every((g: { active: boolean }) => !g.active)).toBe(true);
  });

  it('keeps the full history of a sub-grant: granted, narrowed, revoked — who and why', async () => {
    const history = (await council.get(`${A()}/grants/${subGrant.id}/history`)).json().items;
    expect(history.map((e: { kind: string }) => e.kind)).toEqual(['granted', 'narrowed', 'revoked']);
    expect(history[2].reason).toContain('reorganisation');
    expect(history[2].actor.label).toBe(orgs.a.users.council.email);
    expect((await council.post(`${A()}/grants/${councilGrant.id}/revoke`, { reason: 'again' })).statusCode).toBe(409);
  });

  it('prints the delegation tree with revoked grants marked', async () => {
    const tree = (await council.get(`${A()}/rights/tree`)).json();
    expect(tree.text).toContain('Решать гарантийные случаи');
    expect(tree.text).toMatch(/team Гарантийный сервис ≤ .*40.*\[revoked\] ← council/);
    expect(tree.text).toMatch(/\n {4}└ role Гарантийный сервис \/ Дежурный инженер .*\[revoked\]/);
  });
});

describe('roles and capabilities', () => {
  it('assigns people of the organization to roles (joining the team), not outsiders; refuses to delete a role holding a right', async () => {
    const team = await created(await admin.post(`${A()}/teams`, { name: 'Бригада', kind: 'autonomous' }));
    const role = await created(await admin.post(`${A()}/teams/${team.id}/roles`, { name: 'Бригадир' }));
    const outsider = await admin.post(`${A()}/roles/${role.id}/members`, { userId: orgs.b.users.viewer.id });
    expect(errorOf(outsider).fields[0]?.path).toBe('userId');
    const assigned = await created(await admin.post(`${A()}/roles/${role.id}/members`, { userId: orgs.a.users.viewer.id }));
    expect(assigned.members.map((m: { userId: string }) => m.userId)).toEqual([orgs.a.users.viewer.id]);
    const teamNow = (await admin.get(`${A()}/teams/${team.id}`)).json();
    expect(teamNow.members.map((m: { userId: string }) => m.userId)).toContain(orgs.a.users.viewer.id);
    const right = await created(await admin.post(`${A()}/rights`, { name: 'Менять график работ' }));
    await created(await admin.post(`${A()}/grants`, { rightId: right.id, holderType: 'role', holderId: role.id }));
    expect((await admin.delete(`${A()}/roles/${role.id}`)).statusCode).toBe(409);
  });

  it('refuses a grant to a team of another organization, naming holderId', async () => {
    const right = await created(await admin.post(`${A()}/rights`, { name: 'Закупки' }));
    const res = await admin.post(`${A()}/grants`, { rightId: right.id, holderType: 'team', holderId: orgs.b.team.id });
    expect(errorOf(res).fields[0]?.path).toBe('holderId');
  });
});
