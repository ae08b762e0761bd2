/** Teams: unique names, partial updates that change only what they name, and team members. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInAgent } from './agent.js';
import type { OrgFixture } from './fixtures.js';
import { createTestApp, errorOf, type TestApp } from './harness.js';

let t: TestApp;
let a: OrgFixture;
let member: SignedInAgent;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ a } = await t.seedTwoOrgs());
  member = await t.signIn(a.users.member.email, a.users.member.password);
  base = `/api/v1/orgs/${a.slug}/teams`;
});

afterAll(async () => {
  await t?.close();
});

async function newTeam(name: string, purpose = 'Answer every call within a day') {
  const res = await member.post(base, { name, kind: 'autonomous', purpose });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; name: string; purpose: string; memberCount: number };
}

describe('teams', () => {
  it('refuses a second team with the same name, on create and on rename (409 naming name)', async () => {
    await newTeam('Support');
    const other = await newTeam('Billing');
    const create = await member.post(base, { name: '  Support ', kind: 'autonomous' });
    expect(create.statusCode).toBe(409);
    expect(errorOf(create).fields.map((f) => f.path)).toEqual(['name']);
    const rename = await member.patch(`${base}/${other.id}`, { name: 'Support' });
    expect(rename.statusCode).toBe(409);
    expect((await member.patch(`${base}/${other.id}`, { name: 'Billing' })).statusCode).toBe(200);
  });

  it('a partial update changes only what it names', async () => {
    const team = await newTeam('Field service', 'Fix it on the first visit');
    const res = await member.patch(`${base}/${team.id}`, { name: 'Field crew' });
    expect(res.json()).toMatchObject({ name: 'Field crew', kind: 'autonomous', purpose: 'Fix it on the first visit' });
    const empty = await member.patch(`${base}/${team.id}`, {});
    expect(empty.statusCode).toBe(422);
    expect((await member.get(`${base}/${team.id}`)).json().purpose).toBe('Fix it on the first visit');
  });

  it('adds and removes members of the organization; the count and the list follow', async () => {
    const team = await newTeam('Installers');
    const url = `${base}/${team.id}/members`;
    // Whoever makes a team staffs it, starting with themselves.
    expect((await member.post(url, { userId: a.users.member.id })).statusCode).toBe(201);
    expect((await member.post(url, { userId: a.users.viewer.id })).statusCode).toBe(201);
    const added = await member.post(url, { userId: a.users.council.id });
    expect(
      added
        .json()
        .items.map((m: { userId: string }) => m.userId)
        .sort(),
    ).toEqual([a.users.member.id, a.users.viewer.id, a.users.council.id].sort());
    const twice = await member.post(url, { userId: a.users.viewer.id });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice).fields.map((f) => f.path)).toEqual(['userId']);
    expect((await member.get(`${base}/${team.id}`)).json().memberCount).toBe(3);

    expect((await member.delete(`${url}/${a.users.viewer.id}`)).statusCode).toBe(204);
    expect((await member.delete(`${url}/${a.users.viewer.id}`)).statusCode).toBe(404);
    const page = await member.get(url);
    expect(
      page
        .json()
        .items.map((m: { userId: string }) => m.userId)
        .sort(),
    ).toEqual([a.users.member.id, a.users.council.id].sort());
  });

  it('a member of another team may not add or remove people (nor themselves) on a staffed team; its own members may', async () => {
    const team = await newTeam('Roofers');
    const url = `${base}/${team.id}/members`;
    const admin = await t.signIn(a.users.admin.email, a.users.admin.password);
    expect((await admin.post(url, { userId: a.users.council.id })).statusCode).toBe(201);
    const outsider = await member.post(url, { userId: a.users.member.id });
    expect([outsider.statusCode, errorOf(outsider).code]).toEqual([403, 'forbidden']);
    expect((await member.delete(`${url}/${a.users.council.id}`)).statusCode).toBe(403);
    expect((await admin.post(url, { userId: a.users.member.id })).statusCode).toBe(201);
    expect((await member.post(url, { userId: a.users.viewer.id })).statusCode).toBe(201);
  });

  it('deleting a team removes its memberships of the team, not the people from the organization', async () => {
    const team = await newTeam('Temporary');
    await member.post(`${base}/${team.id}/members`, { userId: a.users.viewer.id });
    expect((await member.delete(`${base}/${team.id}`)).statusCode).toBe(204);
    expect((await member.get(`${base}/${team.id}`)).statusCode).toBe(404);
    expect(await t.db.selectFrom('team_members').select('id').where('team_id', '=', team.id).execute()).toEqual([]);
    const people = await member.get(`/api/v1/orgs/${a.slug}/memberships?limit=200`);
    expect(people.json().items.map((m: { userId: string }) => m.userId)).toContain(a.users.viewer.id);
  });
});
