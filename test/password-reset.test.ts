import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashSecret } from '../src/core/ids.js';
import { type Browser, cookieOf, newPerson, PASSWORD, type Person, signInFrom } from './account-support.js';
import { expectApiError } from './expect-api.js';
import type { TwoOrgs } from './fixtures.js';
import { createTestApp, show, type TestApp } from './harness.js';

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

describe('resetting a forgotten password by e-mail', () => {
  const ask = (email: string, from = t.anonymous()) => from.post('/api/v1/auth/password-reset', { email });
  const confirm = (token: string, password: string, from = t.anonymous()) =>
    from.post('/api/v1/auth/password-reset/confirm', { token, password });
  const mailsTo = (email: string) =>
    t.db.selectFrom('outbox').selectAll().where('to_email', '=', email).orderBy('created_at').orderBy('id').execute();

  /** The reset link's token, read from the newest message in the outbox to `email`. */
  async function tokenFor(email: string): Promise<string> {
    const mails = await mailsTo(email);
    const body = mails[mails.length - 1]?.body ?? '';
    const match = /http:\/\/localhost:3000\/app\/reset-password\?token=([A-Za-z0-9_-]{43})\n/.exec(body);
    if (!match) throw new Error(`no reset link in the outbox for ${email}: ${body}`);
    return match[1] as string;
  }

  it('e-mails a single-use link through the outbox; using it sets the password and ends every session', async () => {
    const person = await newPerson(t.db);
    const signedIn = [await signIn(person), await signIn(person)];
    const asked = await ask(person.email.toUpperCase());
    expect(asked.statusCode, show(asked)).toBe(202);
    expect(asked.json()).toEqual({ accepted: true });

    const [mail, ...more] = await mailsTo(person.email);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      org_id: null,
      topic: 'account.password_reset',
      status: 'pending',
      subject: 'Сброс пароля в Clientocracy',
    });
    const token = await tokenFor(person.email);
    const stored = await t.db.selectFrom('password_resets').selectAll().where('user_id', '=', person.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toBe(hashSecret(token));
    expect(Number(stored[0]!.expires_at) - Number(stored[0]!.created_at)).toBe(3_600_000);
    expect(JSON.stringify(stored)).not.toContain(token);

    expectApiError(await confirm(token, 'short'), 422, 'validation_failed', 'password');
    const done = await confirm(token, NEW_PASSWORD);
    expect(done.statusCode, show(done)).toBe(200);
    expect(cookieOf(done, 'cc_device')).toMatch(/^[\w-]{22}\.[\w-]{43}$/);
    for (const b of signedIn) expect((await me(b)).statusCode).toBe(401);
    expect((await t.anonymous().post('/api/v1/auth/login', { email: person.email, password: PASSWORD })).statusCode).toBe(401);
    expect((await t.anonymous().post('/api/v1/auth/login', { email: person.email, password: NEW_PASSWORD })).statusCode).toBe(200);

    const again = await confirm(token, 'third-password-here');
    expectApiError(again, 422, 'validation_failed', 'token');
    expect((await t.anonymous().post('/api/v1/auth/login', { email: person.email, password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('answers an unknown e-mail exactly as a known one, and mails nothing', async () => {
    const person = await newPerson(t.db);
    const known = await ask(person.email);
    const unknown = await ask(`nobody.${person.id}@example.test`);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    const headersOf = (res: typeof known) =>
      Object.keys(res.headers)
        .filter((h) => h !== 'date')
        .sort();
    expect(headersOf(unknown)).toEqual(headersOf(known));
    expect(unknown.headers['set-cookie']).toBeUndefined();
    expect(await mailsTo(`nobody.${person.id}@example.test`)).toEqual([]);
    expect(await mailsTo(person.email)).toHaveLength(1);
  });

  it('a link works for an hour, not a second longer', async () => {
    const person = await newPerson(t.db);
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    await ask(person.email);
    const late = await tokenFor(person.email);
    vi.setSystemTime(start + 3_600_000);
    expectApiError(await confirm(late, NEW_PASSWORD), 422, 'validation_failed', 'token');
    await ask(person.email);
    const onTime = await tokenFor(person.email);
    vi.setSystemTime(start + 2 * 3_600_000 - 1_000);
    expect((await confirm(onTime, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('a made-up token is refused naming the token, never a 500', async () => {
    expectApiError(await confirm('x'.repeat(43), NEW_PASSWORD), 422, 'validation_failed', 'token');
    expectApiError(await confirm('', NEW_PASSWORD), 422, 'validation_failed', 'token');
  });

  it('changing the password or using one link makes the person’s other links useless', async () => {
    const person = await newPerson(t.db);
    await ask(person.email);
    const first = await tokenFor(person.email);
    await ask(person.email);
    const second = await tokenFor(person.email);
    expect((await confirm(second, NEW_PASSWORD)).statusCode).toBe(200);
    expectApiError(await confirm(first, 'third-password-here'), 422, 'validation_failed', 'token');

    const other = await newPerson(t.db);
    await ask(other.email);
    const pending = await tokenFor(other.email);
    const browser = await signIn(other);
    expect((await browser.agent.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(
      200,
    );
    expectApiError(await confirm(pending, 'third-password-here'), 422, 'validation_failed', 'token');
  });

  it('writes in the person’s language, else their first organization’s', async () => {
    const english = await newPerson(t.db, 'en');
    await ask(english.email);
    const [toEnglish] = await mailsTo(english.email);
    expect(toEnglish!.subject).toBe('Reset your Clientocracy password');
    expect(toEnglish!.body).toContain(`Hello, ${english.name}!`);
    expect(toEnglish!.body).toContain('it works once, for 60 minutes');

    // Organization A of the fixtures speaks English; its member has no language of their own.
    const member = orgs.a.users.viewer;
    await ask(member.email);
    expect((await mailsTo(member.email))[0]!.subject).toBe('Reset your Clientocracy password');

    const russian = await newPerson(t.db);
    await ask(russian.email);
    const [toRussian] = await mailsTo(russian.email);
    expect(toRussian!.body).toContain(`Здравствуйте, ${russian.name}!`);
    expect(toRussian!.body).toContain('она действует один раз, 60 минут');
  });

  it('mails one address at most 3 times an hour, answering the same; one IP may ask 10 times an hour', async () => {
    const person = await newPerson(t.db);
    for (let i = 0; i < 5; i++) expect((await ask(person.email)).statusCode).toBe(202);
    expect(await mailsTo(person.email)).toHaveLength(3);

    const sameAddress = t.anonymous();
    for (let i = 0; i < 10; i++) expect((await ask(`probe${i}.${person.id}@example.test`, sameAddress)).statusCode).toBe(202);
    const limited = await ask(person.email, sameAddress);
    expectApiError(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('the staff reset mail is in no organization’s outbox', async () => {
    const member = orgs.b.users.member;
    await ask(member.email);
    const admin = await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password);
    const res = await admin.get(`/api/v1/orgs/${orgs.b.slug}/outbox?limit=200`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.filter((m: { to: string }) => m.to === member.email)).toEqual([]);
  });
});
