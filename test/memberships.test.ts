/** People of an organization: adding, changing roles, removing — and the organization always keeps an admin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInAgent } from './agent.js';
import { type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, errorOf, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let adminA: SignedInAgent;

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  adminA = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
});

afterAll(async () => {
  await t?.close();
});

async function roleOf(membershipId: string): Promise<string | undefined> {
  return (await t.db.selectFrom('memberships').select('role').where('id', '=', membershipId).executeTakeFirst())?.role;
}

describe('the last admin', () => {
  it('cannot be demoted or removed (409), and stays admin', async () => {
    const { membershipId } = orgs.a.users.admin;
    const demote = await adminA.patch(`/api/v1/orgs/${orgs.a.slug}/memberships/${membershipId}`, { role: 'member' });
    expect(demote.statusCode).toBe(409);
    expect(errorOf(demote)).toMatchObject({ code: 'conflict', fields: [{ path: 'role' }] });
    const remove = await adminA.delete(`/api/v1/orgs/${orgs.a.slug}/memberships/${membershipId}`);
    expect(remove.statusCode).toBe(409);
    expect(await roleOf(membershipId)).toBe('admin');
  });

  it('can step down once there is a second admin, who then becomes the last one', async () => {
    const adminB = await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password);
    const url = (id: string) => `/api/v1/orgs/${orgs.b.slug}/memberships/${id}`;
    expect((await adminB.patch(url(orgs.b.users.council.membershipId), { role: 'admin' })).statusCode).toBe(200);
    const stepDown = await adminB.patch(url(orgs.b.users.admin.membershipId), { role: 'member' });
    expect(stepDown.statusCode).toBe(200);
    expect(stepDown.json().role).toBe('member');

    // The former admin's own session now has a member's rights, at once.
    expect((await adminB.get(`/api/v1/orgs/${orgs.b.slug}/tokens`)).statusCode).toBe(403);
    const council = await t.signIn(orgs.b.users.council.email, orgs.b.users.council.password);
    expect((await council.patch(url(orgs.b.users.council.membershipId), { role: 'viewer' })).statusCode).toBe(409);
  });
});

describe('adding people', () => {
  it('adds a new person with name and password, who can then sign in and see the organization', async () => {
    const email = `new.${unique()}@example.test`;
    const res = await adminA.post(`/api/v1/orgs/${orgs.a.slug}/memberships`, {
      email: email.toUpperCase(),
      role: 'member',
      name: 'New Person',
      password: 'a-long-enough-password',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email, name: 'New Person', role: 'member' });
    const person = await t.signIn(email, 'a-long-enough-password');
    expect((await person.get(`/api/v1/orgs/${orgs.a.slug}/teams`)).statusCode).toBe(200);
  });

  it('refuses to add an existing member again (409 naming email)', async () => {
    const res = await adminA.post(`/api/v1/orgs/${orgs.a.slug}/memberships`, { email: orgs.a.users.viewer.email, role: 'admin' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).fields.map((f) => f.path)).toEqual(['email']);
    expect(await roleOf(orgs.a.users.viewer.membershipId)).toBe('viewer');
  });

  it.each([
    ['name', { password: 'a-long-enough-password' }],
    ['password', { name: 'No Password' }],
    ['password', { name: 'Short Password', password: 'short' }],
  ])('refuses a new person without a valid %s (422 naming it) and creates no account', async (field, extra) => {
    const email = `incomplete.${unique()}@example.test`;
    const res = await adminA.post(`/api/v1/orgs/${orgs.a.slug}/memberships`, { email, role: 'viewer', ...extra });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).fields.map((f) => f.path)).toEqual([field]);
    expect(await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined();
  });
});

describe('removing people', () => {
  it('removes a person from the organization and its teams; their session no longer reaches it', async () => {
    const email = `leaving.${unique()}@example.test`;
    const added = await adminA.post(`/api/v1/orgs/${orgs.a.slug}/memberships`, {
      email,
      role: 'member',
      name: 'Leaving Person',
      password: 'a-long-enough-password',
    });
    const { id, userId } = added.json();
    expect((await adminA.post(`/api/v1/orgs/${orgs.a.slug}/teams/${orgs.a.team.id}/members`, { userId })).statusCode).toBe(201);
    const leaving = await t.signIn(email, 'a-long-enough-password');

    expect((await adminA.delete(`/api/v1/orgs/${orgs.a.slug}/memberships/${id}`)).statusCode).toBe(204);
    const team = await adminA.get(`/api/v1/orgs/${orgs.a.slug}/teams/${orgs.a.team.id}`);
    expect(team.json().members.map((m: { userId: string }) => m.userId)).toEqual([orgs.a.users.member.id]);
    expect((await leaving.get(`/api/v1/orgs/${orgs.a.slug}/teams`)).statusCode).toBe(404);
    expect((await adminA.delete(`/api/v1/orgs/${orgs.a.slug}/memberships/${id}`)).statusCode).toBe(404);
  });
});
