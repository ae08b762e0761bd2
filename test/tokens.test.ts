/** API tokens: scopes limit what a token may do, revoking stops it at once, the secret is shown once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/core/ids.js';
import type { SignedInAgent } from './agent.js';
import type { TwoOrgs } from './fixtures.js';
import { createTestApp, errorOf, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
});

afterAll(async () => {
  await t?.close();
});

async function makeToken(scopes: string[]): Promise<{ id: string; token: string; scopes: string[] }> {
  const res = await admin.post(`/api/v1/orgs/${orgs.a.slug}/tokens`, { name: `scopes ${scopes.join(' ')}`, scopes });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('API tokens', () => {
  it('a token with teams:read lists teams but gets 403 forbidden creating one', async () => {
    const { token } = await makeToken(['teams:read']);
    const agent = t.withToken(token);
    const list = await agent.get(`/api/v1/orgs/${orgs.a.slug}/teams`);
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((team: { id: string }) => team.id)
        .sort(),
    ).toEqual([orgs.a.team.id, orgs.a.otherTeam.id].sort());

    const create = await agent.post(`/api/v1/orgs/${orgs.a.slug}/teams`, { name: 'Not allowed', kind: 'autonomous' });
    expect(create.statusCode).toBe(403);
    expect(errorOf(create).code).toBe('forbidden');
    expect(errorOf(create).message).toContain('teams:write');
    expect((await agent.get(`/api/v1/orgs/${orgs.a.slug}/clients`)).statusCode).toBe(403);
  });

  it('a revoked token is refused with 401 at once; revoking it again is 409', async () => {
    const { id, token } = await makeToken(['all']);
    const agent = t.withToken(token);
    expect((await agent.get(`/api/v1/orgs/${orgs.a.slug}`)).statusCode).toBe(200);
    const revoke = await admin.delete(`/api/v1/orgs/${orgs.a.slug}/tokens/${id}`);
    expect(revoke.statusCode).toBe(200);
    // The instant it was revoked, as stored, in ISO 8601 on the wire.
    const stored = await t.db.selectFrom('api_tokens').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(revoke.json().revokedAt).toBe(new Date(Number(stored.revoked_at)).toISOString());

    const after = await agent.get(`/api/v1/orgs/${orgs.a.slug}`);
    expect(after.statusCode).toBe(401);
    expect(errorOf(after).code).toBe('unauthenticated');
    expect((await admin.delete(`/api/v1/orgs/${orgs.a.slug}/tokens/${id}`)).statusCode).toBe(409);
  });

  it('shows the secret once: the list and the database hold only its prefix and hash', async () => {
    const created = await makeToken(['clients:read']);
    expect(created.token).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);
    const list = await admin.get(`/api/v1/orgs/${orgs.a.slug}/tokens?limit=200`);
    expect(list.body).not.toContain(created.token);
    const listed = list.json().items.find((item: { id: string }) => item.id === created.id);
    expect(listed.prefix).toBe(created.token.slice(0, 10));
    const row = await t.db.selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashSecret(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
  });

  it('stores scopes in table order without duplicates, and `all` as `all`', async () => {
    expect((await makeToken(['teams:write', 'org:read', 'teams:write'])).scopes).toEqual(['org:read', 'teams:write']);
    expect((await makeToken(['all', 'teams:read'])).scopes).toEqual(['all']);
    const bogus = await admin.post(`/api/v1/orgs/${orgs.a.slug}/tokens`, { name: 'bogus', scopes: ['root'] });
    expect(bogus.statusCode).toBe(422);
    expect(errorOf(bogus).fields[0]?.path).toBe('scopes.0');
  });

  it('a token may grant only scopes it holds: tokens:manage alone cannot mint an `all` token', async () => {
    const manager = t.withToken((await makeToken(['tokens:manage', 'teams:read'])).token);
    const url = `/api/v1/orgs/${orgs.a.slug}/tokens`;
    for (const scopes of [['all'], ['teams:write'], ['teams:read', 'clients:read']]) {
      const res = await manager.post(url, { name: 'escalation', scopes });
      expect(res.statusCode, JSON.stringify(scopes)).toBe(403);
      expect(errorOf(res)).toMatchObject({ code: 'forbidden', fields: [{ path: 'scopes' }] });
    }
    expect((await manager.post(url, { name: 'narrower', scopes: ['teams:read'] })).statusCode).toBe(201);
    expect((await t.withToken(orgs.a.token.secret).post(url, { name: 'by all', scopes: ['all'] })).statusCode).toBe(201);
  });

  it('records when a token was last used', async () => {
    const { id, token } = await makeToken(['org:read']);
    const before = Date.now();
    await t.withToken(token).get(`/api/v1/orgs/${orgs.a.slug}`);
    const row = await t.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.last_used_at).toBeGreaterThanOrEqual(before);
  });

  it('a token acts only on its organization’s routes, never as a person', async () => {
    const agent = t.withToken(orgs.a.token.secret);
    const me = await agent.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(403);
    expect(errorOf(me).code).toBe('forbidden');
    const create = await agent.post('/api/v1/orgs', {
      slug: 'made-by-token',
      name: 'Made by a token',
      kind: 'business',
      locale: 'en',
      currency: 'EUR',
      timeZone: 'UTC',
    });
    expect(create.statusCode).toBe(403);
    const other = await agent.get(`/api/v1/orgs/${orgs.b.slug}`);
    expect(other.statusCode).toBe(404);
  });
});
