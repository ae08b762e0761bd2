/** Signing in and out, sign-in limits, and CSRF protection of cookie-authenticated writes. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SESSION_COOKIE } from '../src/http/auth.js';
import { Agent } from './agent.js';
import type { TwoOrgs } from './fixtures.js';
import { createTestApp, errorOf, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
});

afterAll(async () => {
  await t?.close();
});

afterEach(() => {
  vi.useRealTimers();
});

const login = (agent: Agent, email: string, password: string) => agent.post('/api/v1/auth/login', { email, password });

async function countTeams(orgId: string): Promise<number> {
  return (await t.db.selectFrom('teams').select('id').where('org_id', '=', orgId).execute()).length;
}

describe('signing in', () => {
  it('sets an HttpOnly SameSite session cookie and returns the person, their organizations and a CSRF token', async () => {
    const { admin } = orgs.a.users;
    const res = await login(t.anonymous(), admin.email.toUpperCase(), admin.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 30 * 24 * 3600 });
    // The public URL of the test config is http://, so the cookie cannot be Secure-only.
    expect(cookie.secure).toBeUndefined();
    const body = res.json();
    expect(body.user).toEqual({ id: admin.id, email: admin.email, name: admin.name, locale: null });
    expect(body.organizations.map((o: { slug: string; role: string }) => [o.slug, o.role])).toEqual([[orgs.a.slug, 'admin']]);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body).not.toContain('scrypt');

    const me = await new Agent(t.app, {}, { [SESSION_COOKIE]: cookie.value }).get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(admin.id);
  });

  it('refuses a wrong password with 401 in the error shape, no cookie, and the same answer as an unknown e-mail', async () => {
    const wrong = await login(t.anonymous(), orgs.a.users.council.email, 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(errorOf(wrong).code).toBe('unauthenticated');
    expect(errorOf(wrong).fields).toEqual([
      { path: 'password', code: 'wrong_credentials', params: {}, message: 'wrong e-mail or password' },
    ]);
    expect(wrong.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    const unknown = await login(t.anonymous(), 'nobody@example.test', 'not-the-password');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('failed attempts for one e-mail from many addresses no longer lock its owner out (the old 10-a-minute limit did)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Math.ceil(Date.now() / 60_000) * 60_000 + 1_000);
    const { viewer } = orgs.a.users;
    // Eleven addresses, one wrong guess each, within a minute: under 20 the account is not slowed down at all.
    for (let i = 0; i < 11; i++) expect((await login(t.anonymous(), viewer.email, 'wrong-password')).statusCode).toBe(401);
    expect((await login(t.anonymous(), viewer.email, viewer.password)).statusCode).toBe(200);
  });

  it('from one address, five failures for one e-mail make the next attempt wait 1 s, the one after 2 s (429, Retry-After)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    vi.setSystemTime(start);
    const { council } = orgs.b.users;
    const attacker = t.anonymous();
    for (let i = 0; i < 5; i++) expect((await login(attacker, council.email, 'wrong-password')).statusCode).toBe(401);
    const limited = await login(attacker, council.email, council.password);
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited).code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    vi.setSystemTime(start + 1_000);
    expect((await login(attacker, council.email, 'wrong-password')).statusCode).toBe(401);
    expect((await login(attacker, council.email, council.password)).headers['retry-after']).toBe('2');
    vi.setSystemTime(start + 3_000);
    expect((await login(attacker, council.email, council.password)).statusCode).toBe(200);
  });

  it('answers the 11th attempt within a minute from one address with 429, whatever the e-mail', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Math.ceil(Date.now() / 60_000) * 60_000 + 30_000);
    const sameAddress = t.anonymous();
    for (let i = 0; i < 10; i++) expect((await login(sameAddress, `guess${i}@example.test`, 'x')).statusCode).toBe(401);
    const limited = await login(sameAddress, orgs.b.users.member.email, orgs.b.users.member.password);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('30');
  });
});

describe('CSRF protection of cookie-authenticated writes', () => {
  it('refuses a write without X-CSRF-Token with 403 csrf_failed and changes nothing; with the token it succeeds', async () => {
    const admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
    const url = `/api/v1/orgs/${orgs.a.slug}/teams`;
    const before = await countTeams(orgs.a.id);
    const forged = await admin.withoutCsrf().post(url, { name: 'Forged', kind: 'autonomous' });
    expect(forged.statusCode).toBe(403);
    expect(errorOf(forged).code).toBe('csrf_failed');
    expect(await countTeams(orgs.a.id)).toBe(before);

    const res = await admin.post(url, { name: 'Genuine', kind: 'autonomous' });
    expect(res.statusCode).toBe(201);
    expect(await countTeams(orgs.a.id)).toBe(before + 1);
  });

  it.each([
    ['another session’s token', 'other'],
    ['a token of the right length in ASCII', 'x'],
    ['a token of the right length in non-ASCII characters', 'é'],
  ])('refuses %s with 403 csrf_failed', async (_label, kind) => {
    const admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
    const other = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
    const token = kind === 'other' ? other.csrfToken : kind.repeat(admin.csrfToken.length);
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgs.a.slug}`,
      body: { name: 'Renamed by a forger' },
      headers: { 'x-csrf-token': token },
    });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('csrf_failed');
  });

  it('needs no CSRF token for reads, nor for writes with an API token', async () => {
    const admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
    expect((await admin.withoutCsrf().get(`/api/v1/orgs/${orgs.a.slug}/teams`)).statusCode).toBe(200);
    const res = await t.withToken(orgs.a.token.secret).post(`/api/v1/orgs/${orgs.a.slug}/teams`, { name: 'By token', kind: 'council' });
    expect(res.statusCode).toBe(201);
  });
});

describe('signing out and credentials', () => {
  it('logout ends the session: the same cookie is refused with 401 afterwards', async () => {
    const member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
    expect((await member.get('/api/v1/auth/me')).statusCode).toBe(200);
    const out = await member.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    const cleared = out.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cleared.value).toBe('');
    const me = await member.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(401);
    expect(errorOf(me).code).toBe('unauthenticated');
    expect((await member.get(`/api/v1/orgs/${orgs.a.slug}/teams`)).statusCode).toBe(401);
  });

  it('a session used at least once a week lasts 30 days, then ends', async () => {
    const viewer = await t.signIn(orgs.b.users.viewer.email, orgs.b.users.viewer.password);
    const start = Date.now();
    const day = 24 * 3600 * 1000;
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const days of [6, 12, 18, 24, 29]) {
      vi.setSystemTime(start + days * day);
      expect((await viewer.get('/api/v1/auth/me')).statusCode, `day ${days}`).toBe(200);
    }
    vi.setSystemTime(start + 30 * day + 1_000);
    expect((await viewer.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('a person chooses their interface language, or null to follow the organization', async () => {
    const council = await t.signIn(orgs.b.users.council.email, orgs.b.users.council.password);
    expect((await council.patch('/api/v1/auth/me', { locale: 'ru' })).statusCode).toBe(200);
    expect((await council.get('/api/v1/auth/me')).json().user.locale).toBe('ru');
    expect((await council.patch('/api/v1/auth/me', { locale: null })).statusCode).toBe(200);
    expect((await council.get('/api/v1/auth/me')).json().user.locale).toBeNull();
  });

  it.each([
    ['no credentials', {}],
    ['an unknown bearer token', { authorization: 'Bearer cc_unknown' }],
    ['a malformed Authorization header', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['an unknown session cookie', { cookie: `${SESSION_COOKIE}=made-up` }],
  ])('answers %s with 401 unauthenticated', async (_label, headers) => {
    const res = await new Agent(t.app, headers).get(`/api/v1/orgs/${orgs.a.slug}/teams`);
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('unauthenticated');
  });
});
