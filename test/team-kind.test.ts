/**
 * A member widens their own team: a council team decides under any right, so
 * only the organization (admins, the council, a token holding governance:write) makes a team one or
 * changes a team's kind; and opening a decision needs the right — the team holds it — or an
 * org-level role, whatever the team's kind.
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
const A = () => `/api/v1/orgs/${orgs.a.slug}`;

const options = [
  { title: 'Buy the van', description: '' },
  { title: 'Lease the van', description: '' },
];

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
});
afterAll(() => t.close());

async function teamRow(id: string) {
  return t.db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe("who changes a team's kind", () => {
  it('refuses a member making their own team a council (403 naming kind); the team stays as it was', async () => {
    const before = await teamRow(orgs.a.team.id);
    const res = await member.patch(`${A()}/teams/${orgs.a.team.id}`, { kind: 'council', purpose: 'We decide everything now' });
    expectApiError(res, 403, 'forbidden', 'kind');
    expect(await teamRow(orgs.a.team.id)).toEqual(before);
    const audit = await admin.get(`${A()}/audit?entityId=${orgs.a.team.id}&action=team.updated`);
    expect(audit.json().items).toEqual([]);
  });

  it('lets a member edit their team when the kind sent is the one it has', async () => {
    const res = await member.patch(`${A()}/teams/${orgs.a.team.id}`, { kind: 'autonomous', purpose: 'Answer every call within a day' });
    expect(res.statusCode, show(res)).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'autonomous', purpose: 'Answer every call within a day' });
  });

  it('refuses a member creating a council team (403 naming kind), and nothing is created', async () => {
    const name = `Shadow council ${unique()}`;
    expectApiError(await member.post(`${A()}/teams`, { name, kind: 'council' }), 403, 'forbidden', 'kind');
    expect(await t.db.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst()).toBeUndefined();
    // An autonomous team is still every member's to make.
    expect((await created(await member.post(`${A()}/teams`, { name, kind: 'autonomous' }))).kind).toBe('autonomous');
  });

  it('lets an admin and the council change kinds and create council teams', async () => {
    const team = await created(await admin.post(`${A()}/teams`, { name: `Board ${unique()}`, kind: 'council' }));
    const byCouncil = await created(await council.post(`${A()}/teams`, { name: `Circle ${unique()}`, kind: 'council' }));
    expect([team.kind, byCouncil.kind]).toEqual(['council', 'council']);
    const back = await council.patch(`${A()}/teams/${team.id}`, { kind: 'autonomous' });
    expect(back.statusCode, show(back)).toBe(200);
    expect(back.json().kind).toBe('autonomous');
    const again = await admin.patch(`${A()}/teams/${team.id}`, { kind: 'council' });
    expect(again.json().kind).toBe('council');
    // Nor may a member unmake one.
    expectApiError(await member.patch(`${A()}/teams/${team.id}`, { kind: 'autonomous' }), 403, 'forbidden', 'kind');
  });

  it('lets a token change a kind only when it holds governance:write, as the council does', async () => {
    const mint = async (scopes: string[]) =>
      t.withToken((await created(await admin.post(`${A()}/tokens`, { name: `Sync ${unique()}`, scopes }))).token);
    const narrow = await mint(['teams:read', 'teams:write']);
    const wide = await mint(['teams:write', 'governance:write']);
    const team = await created(await narrow.post(`${A()}/teams`, { name: `Synced ${unique()}`, kind: 'autonomous' }));
    expectApiError(await narrow.patch(`${A()}/teams/${team.id}`, { kind: 'council' }), 403, 'forbidden', 'kind');
    expectApiError(await narrow.post(`${A()}/teams`, { name: `Synced ${unique()}`, kind: 'council' }), 403, 'forbidden', 'kind');
    expect((await teamRow(team.id)).kind).toBe('autonomous');
    expect((await wide.patch(`${A()}/teams/${team.id}`, { kind: 'council' })).json().kind).toBe('council');
  });
});

describe('who opens a decision under a right', () => {
  let right: { id: string };
  let held: { id: string };
  let board: { id: string };
  const open = (teamId: string, rightId: string) => ({ title: `Van ${unique()}`, teamId, rightId, options });

  beforeAll(async () => {
    right = await created(await admin.post(`${A()}/rights`, { name: `Buy vehicles ${unique()}`, description: '' }));
    held = await created(await admin.post(`${A()}/rights`, { name: `Plan routes ${unique()}`, description: '' }));
    await created(await council.post(`${A()}/grants`, { rightId: held.id, holderType: 'team', holderId: orgs.a.team.id, limits: {} }));
    // A council team the admin made, with the fixture member in it: being in it gives no right.
    board = await created(await admin.post(`${A()}/teams`, { name: `Board ${unique()}`, kind: 'council' }));
    await created(await admin.post(`${A()}/teams/${board.id}/members`, { userId: orgs.a.users.member.id }));
  });

  it('refuses a member opening a decision under a right their team does not hold (403 naming rightId)', async () => {
    expectApiError(await member.post(`${A()}/decisions`, open(orgs.a.team.id, right.id)), 403, 'decider_lacks_right', 'rightId');
    expectApiError(await member.post(`${A()}/decisions`, open(board.id, right.id)), 403, 'decider_lacks_right', 'rightId');
    const none = await t.db
      .selectFrom('decisions')
      .select('id')
      .where('right_id', '=', right.id)
      .where('team_id', 'in', [orgs.a.team.id, board.id])
      .execute();
    expect(none).toEqual([]);
  });

  it('lets a member open one under a right their team holds', async () => {
    const decision = await created(await member.post(`${A()}/decisions`, open(orgs.a.team.id, held.id)));
    expect(decision.right.id).toBe(held.id);
  });

  it('lets an admin and the council open a council team’s decision under any right, as before', async () => {
    expect((await created(await admin.post(`${A()}/decisions`, open(board.id, right.id)))).teamId).toBe(board.id);
    expect((await created(await council.post(`${A()}/decisions`, open(board.id, right.id)))).teamId).toBe(board.id);
    // For an autonomous team the right must still be the team's, for them too.
    expectApiError(await admin.post(`${A()}/decisions`, open(orgs.a.team.id, right.id)), 422, 'validation_failed', 'rightId');
  });
});
