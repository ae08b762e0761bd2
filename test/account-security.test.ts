/**
 * A staff person's own security: sessions that end when idle, changing the password (other sessions
 * end), seeing and ending sessions, and the upgrade that brings them (resetting a forgotten password
 * is in password-reset.test.ts).
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SESSION_IDLE_DAYS, loadConfig } from '../src/config.js';
import { hashSecret } from '../src/core/ids.js';
import * as accountSecurity from '../src/db/migrations/20261207T1100_account_security.js';
import * as loginKnownAddresses from '../src/db/migrations/20261207T1300_login_known_addresses.js';
import { buildServer } from '../src/http/server.js';
import { pruneAccounts } from '../src/modules/auth/auth.prune.js';
import { type Browser, cookieOf, newPerson, PASSWORD, type Person, signInFrom } from './account-support.js';
import { Agent } from './agent.js';
import { expectApiError } from './expect-api.js';
import type { TwoOrgs } from './fixtures.js';
import { createTestApp, createTestDatabase, errorOf, show, type TestApp, testConfig } from './harness.js';

const MINUTE = 60_000;
const DAY = 24 * 3_600_000;
const FIREFOX = 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const NEW_PASSWORD = 'second-password-longer';

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

const me = (browser: Browser) => browser.agent.get('/api/v1/auth/me');
const signIn = (person: Person, options: Parameters<typeof signInFrom>[3] = {}) => signInFrom(t.app, person.email, PASSWORD, options);

async function lastSeenOf(sessionCookie: string): Promise<number> {
  const row = await t.db
    .selectFrom('sessions')
    .select('last_seen_at')
    .where('id_hash', '=', hashSecret(sessionCookie))
    .executeTakeFirstOrThrow();
  return Number(row.last_seen_at);
}

describe('the idle timeout', () => {
  it(`ends a session unused for ${DEFAULT_SESSION_IDLE_DAYS} days; each use starts the count again`, async () => {
    const person = await newPerson(t.db);
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const used = await signIn(person);
    const unused = await signIn(person);
    vi.setSystemTime(start + 7 * DAY - MINUTE);
    expect((await me(used)).statusCode).toBe(200);
    vi.setSystemTime(start + 7 * DAY);
    expect((await me(unused)).statusCode).toBe(401);
    expect((await me(used)).statusCode).toBe(200);
    vi.setSystemTime(start + 14 * DAY - 2 * MINUTE);
    expect((await me(used)).statusCode).toBe(200);
    vi.setSystemTime(start + 21 * DAY - 2 * MINUTE);
    expect((await me(used)).statusCode).toBe(401);
  });

  it('records the last use at most once a minute', async () => {
    const person = await newPerson(t.db);
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const browser = await signIn(person);
    expect(await lastSeenOf(browser.sessionCookie)).toBe(start);
    vi.setSystemTime(start + 30_000);
    await me(browser);
    vi.setSystemTime(start + 60_000);
    await me(browser);
    expect(await lastSeenOf(browser.sessionCookie)).toBe(start);
    vi.setSystemTime(start + 61_000);
    await me(browser);
    expect(await lastSeenOf(browser.sessionCookie)).toBe(start + 61_000);
  });

  it('follows CLIENTOCRACY_SESSION_IDLE_DAYS', async () => {
    const database = await createTestDatabase();
    const config = testConfig({ sessionIdleDays: 1 });
    const app = await buildServer({ db: database.db, dialect: database.dialect, config });
    try {
      const person = await newPerson(database.db);
      vi.useFakeTimers({ toFake: ['Date'] });
      const start = Date.now();
      const browser = await signInFrom(app, person.email, PASSWORD);
      vi.setSystemTime(start + DAY - MINUTE);
      expect((await me(browser)).statusCode).toBe(200);
      vi.setSystemTime(start + 2 * DAY - MINUTE);
      expect((await me(browser)).statusCode).toBe(401);
    } finally {
      await app.close();
      await database.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    }
  });

  it('reads CLIENTOCRACY_SESSION_IDLE_DAYS, 7 when absent, and names it when wrong', () => {
    const base = { CLIENTOCRACY_SECRET: 'test-secret' };
    expect(loadConfig(base).sessionIdleDays).toBe(7);
    expect(loadConfig({ ...base, CLIENTOCRACY_SESSION_IDLE_DAYS: '3' }).sessionIdleDays).toBe(3);
    for (const bad of ['0', '31', '1.5', 'week', '-2']) {
      expect(() => loadConfig({ ...base, CLIENTOCRACY_SESSION_IDLE_DAYS: bad }), bad).toThrow(/^CLIENTOCRACY_SESSION_IDLE_DAYS: /);
    }
  });

  it('pruning removes idle and expired sessions, and only those', async () => {
    const person = await newPerson(t.db);
    const start = Date.now();
    const idle = await signIn(person);
    const fresh = await signIn(person);
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: start - 8 * DAY })
      .where('id_hash', '=', hashSecret(idle.sessionCookie))
      .execute();
    await pruneAccounts(t.db, start);
    const left = await t.db.selectFrom('sessions').select('id_hash').where('user_id', '=', person.id).execute();
    expect(left.map((r) => r.id_hash)).toEqual([hashSecret(fresh.sessionCookie)]);
  });
});

describe('changing the password', () => {
  it('checks the current password, ends every other session of the person and keeps this one', async () => {
    const person = await newPerson(t.db);
    const here = await signIn(person);
    const elsewhere = await signIn(person);
    const someoneElse = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);

    const wrong = await here.agent.post('/api/v1/auth/password', { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD });
    expectApiError(wrong, 422, 'validation_failed', 'currentPassword');
    expect(errorOf(wrong).fields).toEqual([
      { path: 'currentPassword', code: 'wrong_password', params: {}, message: 'wrong current password' },
    ]);
    expectApiError(
      await here.agent.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'short' }),
      422,
      'validation_failed',
      'newPassword',
    );
    expectApiError(
      await here.agent.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD }),
      422,
      'validation_failed',
      'newPassword',
    );
    expect((await me(elsewhere)).statusCode, 'failed attempts end nothing').toBe(200);

    const changed = await here.agent.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.statusCode, show(changed)).toBe(200);
    expect(changed.json()).toEqual({ endedSessions: 1 });
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await someoneElse.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await t.anonymous().post('/api/v1/auth/login', { email: person.email, password: PASSWORD })).statusCode).toBe(401);
    expect((await t.anonymous().post('/api/v1/auth/login', { email: person.email, password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('is limited to 10 attempts an hour per person, right or wrong', async () => {
    const person = await newPerson(t.db);
    const browser = await signIn(person);
    for (let i = 0; i < 10; i++) {
      expect(
        (await browser.agent.post('/api/v1/auth/password', { currentPassword: `guess-${i}`, newPassword: NEW_PASSWORD })).statusCode,
      ).toBe(422);
    }
    const limited = await browser.agent.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expectApiError(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('needs the CSRF token like every cookie-authenticated write', async () => {
    const person = await newPerson(t.db);
    const browser = await signIn(person);
    const forged = new Agent(t.app, {}, { cc_session: browser.sessionCookie });
    expectApiError(
      await forged.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
      403,
      'csrf_failed',
    );
  });
});

describe('the person’s sessions', () => {
  it('lists live sessions newest first with when, where and which browser, marking this one', async () => {
    const person = await newPerson(t.db);
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Math.floor(Date.now() / 1000) * 1000;
    vi.setSystemTime(start);
    const firefox = await signIn(person, { headers: { 'user-agent': FIREFOX } });
    vi.setSystemTime(start + 1_000);
    const chrome = await signIn(person, { headers: { 'user-agent': CHROME } });
    vi.setSystemTime(start + 2_000);
    const curl = await signIn(person, { headers: { 'user-agent': 'curl/8.5.0' } });
    const idle = await signIn(person);
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: start - 8 * DAY })
      .where('id_hash', '=', hashSecret(idle.sessionCookie))
      .execute();
    vi.setSystemTime(start + 5 * MINUTE);
    await me(firefox);

    const res = await chrome.agent.get('/api/v1/auth/sessions');
    expect(res.statusCode, show(res)).toBe(200);
    const { items, nextCursor } = res.json();
    expect(nextCursor).toBeNull();
    expect(items.map((s: { browser: string }) => s.browser)).toEqual(['curl 8', 'Chrome 131 · Windows', 'Firefox 133 · Linux']);
    expect(items.map((s: { isCurrent: boolean }) => s.isCurrent)).toEqual([false, true, false]);
    const [, , first] = items;
    expect(first).toMatchObject({
      createdAt: new Date(start).toISOString(),
      lastSeenAt: new Date(start + 5 * MINUTE).toISOString(),
      expiresAt: new Date(start + 30 * DAY).toISOString(),
      idleExpiresAt: new Date(start + 5 * MINUTE + 7 * DAY).toISOString(),
      ip: firefox.ip,
      userAgent: FIREFOX,
    });
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    // Neither the cookies' secrets nor the hashes the sessions are looked up by ever leave the server.
    for (const b of [firefox, chrome, curl]) {
      expect(res.body).not.toContain(b.sessionCookie);
      expect(res.body).not.toContain(hashSecret(b.sessionCookie));
    }

    const page1 = (await chrome.agent.get('/api/v1/auth/sessions?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await chrome.agent.get(`/api/v1/auth/sessions?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2).toEqual({ items: [items[2]], nextCursor: null });
  });

  it('ends one session by its id; another person’s session id is 404 and stays', async () => {
    const person = await newPerson(t.db);
    const other = await newPerson(t.db);
    const here = await signIn(person);
    const there = await signIn(person);
    const theirs = await signIn(other);
    const idOf = async (browser: Browser) => {
      const list = (await browser.agent.get('/api/v1/auth/sessions')).json().items as { id: string; isCurrent: boolean }[];
      return list.find((s) => s.isCurrent)!.id;
    };
    const thereId = await idOf(there);
    const theirId = await idOf(theirs);

    expectApiError(await here.agent.delete(`/api/v1/auth/sessions/${theirId}`), 404, 'not_found');
    expect((await me(theirs)).statusCode).toBe(200);
    expect((await here.agent.delete(`/api/v1/auth/sessions/${thereId}`)).statusCode).toBe(204);
    expect((await me(there)).statusCode).toBe(401);
    expect((await me(here)).statusCode).toBe(200);
    expectApiError(await here.agent.delete(`/api/v1/auth/sessions/${thereId}`), 404, 'not_found');
    // The id is not the lookup hash: sending the hash of a session's cookie finds nothing.
    expectApiError(await here.agent.delete(`/api/v1/auth/sessions/${hashSecret(here.sessionCookie)}`), 404, 'not_found');

    const hereId = await idOf(here);
    const self = await here.agent.delete(`/api/v1/auth/sessions/${hereId}`);
    expect(self.statusCode).toBe(204);
    expect(cookieOf(self, 'cc_session')).toBe('');
    expect((await me(here)).statusCode).toBe(401);
  });

  it('"sign out everywhere else" ends every other session of the person and no one else’s', async () => {
    const person = await newPerson(t.db);
    const here = await signIn(person);
    const others = [await signIn(person), await signIn(person)];
    const someoneElse = await signIn(await newPerson(t.db));
    const res = await here.agent.post('/api/v1/auth/sessions/end-others');
    expect(res.statusCode, show(res)).toBe(200);
    expect(res.json()).toEqual({ endedSessions: 2 });
    for (const b of others) expect((await me(b)).statusCode).toBe(401);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(someoneElse)).statusCode).toBe(200);
    expect((await here.agent.get('/api/v1/auth/sessions')).json().items).toHaveLength(1);
  });

  it('is for people only: an API token is refused', async () => {
    expectApiError(await t.withToken(orgs.a.token.secret).get('/api/v1/auth/sessions'), 403, 'forbidden');
  });
});

describe('the upgrade', () => {
  it('sessions open before it keep working: each gets a public id, its last use is its start', async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      // The two tables as the foundation migration made them, with one open session.
      await database.db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .execute();
      await database.db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      // biome-ignore lint/suspicious/noExplicitAny: the tables as they were, not as typed now
      const old = database.db as any;
      await old.insertInto('users').values({ id: 'u1' }).execute();
      await old
        .insertInto('sessions')
        .values([
          { id_hash: 'h1', user_id: 'u1', created_at: 1_000, expires_at: 2_000 },
          { id_hash: 'h2', user_id: 'u1', created_at: 1_500, expires_at: 2_500 },
        ])
        .execute();
      await accountSecurity.up(database.db);
      const rows = await database.db.selectFrom('sessions').selectAll().orderBy('id_hash').execute();
      expect(rows.map((r) => [r.id_hash, Number(r.last_seen_at), r.ip, r.user_agent])).toEqual([
        ['h1', 1_000, null, null],
        ['h2', 1_500, null, null],
      ]);
      expect(rows[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(rows[1]!.id).not.toBe(rows[0]!.id);
    } finally {
      await database.close();
    }
  });

  it('the addresses open sessions were signed in from are usual at once (old device cookies count no more)', async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      await database.db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .execute();
      // Sessions as the account-security migration left them: the address each was opened from, if known.
      await database.db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('ip', 'text')
        .execute();
      // biome-ignore lint/suspicious/noExplicitAny: the tables as they were, not as typed now
      const old = database.db as any;
      await old
        .insertInto('users')
        .values([{ id: 'u1' }, { id: 'u2' }])
        .execute();
      await old
        .insertInto('sessions')
        .values([
          { id_hash: 'h1', user_id: 'u1', created_at: 1_000, ip: '192.0.2.1' },
          { id_hash: 'h2', user_id: 'u1', created_at: 3_000, ip: '192.0.2.1' },
          { id_hash: 'h3', user_id: 'u1', created_at: 2_000, ip: '192.0.2.2' },
          { id_hash: 'h4', user_id: 'u2', created_at: 4_000, ip: '192.0.2.1' },
          { id_hash: 'h5', user_id: 'u2', created_at: 5_000, ip: null },
        ])
        .execute();
      await loginKnownAddresses.up(database.db);
      const rows = await database.db.selectFrom('login_known_addresses').selectAll().orderBy('user_id').orderBy('ip').execute();
      expect(rows.map((r) => [r.user_id, r.ip, Number(r.epoch), Number(r.last_success_at)])).toEqual([
        ['u1', '192.0.2.1', 0, 3_000],
        ['u1', '192.0.2.2', 0, 2_000],
        ['u2', '192.0.2.1', 0, 4_000],
      ]);
    } finally {
      await database.close();
    }
  });
});
