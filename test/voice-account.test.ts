/**
 * Client accounts for client voice: clients in segments, self-registration confirmed by an
 * e-mail link, sign-in links by e-mail, the outbox every message waits in without SMTP (API and
 * CLI), voice settings, and rate limits on public writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/cli/commands.js';
import { hitRateLimit, pruneRateLimits } from '../src/modules/auth/rate-limit.js';
import { deliverMail } from '../src/modules/mail/mail.delivery.js';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.routes.js';
import type { SignedInAgent } from './agent.js';
import { created, expectApiError, expectInstantWithin } from './expect-api.js';
import type { TwoOrgs } from './fixtures.js';
import { createTestApp, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let member: SignedInAgent;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
});

afterAll(async () => {
  await t?.close();
});

/** Posts a portal form as a browser would; each test uses its own IP so rate limits do not cross. */
function form(url: string, fields: Record<string, string>, opts: { cookie?: string; ip?: string } = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
    cookies: opts.cookie ? { [CLIENT_COOKIE]: opts.cookie } : {},
    remoteAddress: opts.ip ?? '10.0.0.1',
  });
}

function visit(url: string, cookie?: string) {
  return t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' }, cookies: cookie ? { [CLIENT_COOKIE]: cookie } : {} });
}

async function outbox(to: string) {
  const res = await admin.get(`${A()}/outbox?limit=200`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as { to: string; subject: string; body: string; topic: string; status: string }[]).filter((m) => m.to === to);
}

/** Opens the link in an e-mail and presses its button; returns the portal cookie. */
async function followMailLink(body: string): Promise<string> {
  const url = /https?:\/\/\S+\/c\/\S+\/invite\/\S+/.exec(body)?.[0];
  expect(url).toBeDefined();
  const path = new URL(url as string).pathname;
  expect((await visit(path)).statusCode).toBe(200);
  const res = await form(path, {});
  expect(res.statusCode).toBe(303);
  return res.cookies.find((c) => c.name === CLIENT_COOKIE)!.value;
}

async function settings(patch: Record<string, unknown>) {
  const current = (await admin.get(`${A()}/voice-settings`)).json();
  const { answerPromiseId: _p, updatedAt: _u, smtpConfigured: _s, ...input } = current;
  const res = await admin.put(`${A()}/voice-settings`, { ...input, ...patch });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('voice settings', () => {
  it('start from the defaults, are saved by an admin, checked field by field, and refused to members', async () => {
    const fresh = (await admin.get(`${A()}/voice-settings`)).json();
    expect(fresh).toMatchObject({
      thresholdKind: 'count',
      thresholdValue: 10,
      responseDays: 14,
      hideAfterReports: 3,
      smtpConfigured: false,
    });
    const saved = await settings({ thresholdKind: 'share', thresholdValue: 500, responseDays: 7 });
    expect(saved).toMatchObject({ thresholdKind: 'share', thresholdValue: 500, responseDays: 7 });
    const input = { ...saved, answerPromiseId: undefined, updatedAt: undefined, smtpConfigured: undefined };
    expectApiError(
      await admin.put(`${A()}/voice-settings`, { ...input, thresholdValue: 20_000 }),
      422,
      'validation_failed',
      'thresholdValue',
    );
    expectApiError(
      await admin.put(`${A()}/voice-settings`, { ...input, answerTeamId: orgs.b.team.id }),
      422,
      'validation_failed',
      'answerTeamId',
    );
    expect((await member.put(`${A()}/voice-settings`, input)).statusCode).toBe(403);
    expect((await member.get(`${A()}/voice-settings`)).statusCode).toBe(200);
    await settings({ thresholdKind: 'count', thresholdValue: 10, responseDays: 14 });
  });
});

describe('clients in segments', () => {
  it('a client belongs to segments of its organization; another organization’s segment is refused by index', async () => {
    const seg = await created(await admin.post(`${A()}/segments`, { name: 'Warranty clients', kind: 'customer' }));
    const foreign = await created(
      await (await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password)).post(`/api/v1/orgs/${orgs.b.slug}/segments`, {
        name: 'Theirs',
        kind: 'customer',
      }),
    );
    const client = await created(await admin.post(`${A()}/clients`, { name: 'Segmented', segmentIds: [seg.id] }));
    expect(client.segmentIds).toEqual([seg.id]);
    expect(client.origin).toBe('staff');
    expectApiError(
      await admin.patch(`${A()}/clients/${client.id}`, { segmentIds: [seg.id, foreign.id] }),
      422,
      'validation_failed',
      'segmentIds.1',
    );
    expect((await admin.get(`${A()}/clients/${client.id}`)).json().segmentIds).toEqual([seg.id]);
    expect((await admin.patch(`${A()}/clients/${client.id}`, { segmentIds: [] })).json().segmentIds).toEqual([]);
    // Deleting the segment takes clients out of it.
    await admin.patch(`${A()}/clients/${client.id}`, { segmentIds: [seg.id] });
    expect((await admin.delete(`${A()}/segments/${seg.id}`)).statusCode).toBe(204);
    expect((await admin.get(`${A()}/clients/${client.id}`)).json().segmentIds).toEqual([]);
  });
});

describe('e-mail links and the outbox', () => {
  it('an invitation sent by e-mail waits in the outbox; opening it signs in and confirms the address', async () => {
    const client = await created(await admin.post(`${A()}/clients`, { name: 'Mailed Client', email: 'mailed@example.test' }));
    expectApiError(
      await admin.post(`${A()}/clients/${(await created(await admin.post(`${A()}/clients`, { name: 'No Mail' }))).id}/invitations`, {
        send: true,
      }),
      422,
      'validation_failed',
      'send',
    );
    const invitation = await created(await admin.post(`${A()}/clients/${client.id}/invitations`, { send: true }));
    expect(invitation.sentTo).toBe('mailed@example.test');
    const [mail] = await outbox('mailed@example.test');
    expect(mail).toMatchObject({ topic: 'client.invite', status: 'pending' });
    expect(mail!.body).toContain(invitation.url);
    const following = Date.now();
    const cookie = await followMailLink(mail!.body);
    expectInstantWithin((await admin.get(`${A()}/clients/${client.id}`)).json().emailConfirmedAt, following, Date.now());
    expect((await visit(`/c/${orgs.a.slug}`, cookie)).body).toContain('Welcome, Mailed Client');
    // A link copied by staff, not e-mailed, signs in but proves nothing about the address.
    const other = await created(await admin.post(`${A()}/clients`, { name: 'Copied Link', email: 'copied@example.test' }));
    const copied = await created(await admin.post(`${A()}/clients/${other.id}/invitations`, {}));
    await followMailLink(copied.url);
    expect((await admin.get(`${A()}/clients/${other.id}`)).json().emailConfirmedAt).toBeNull();
  });

  it('a sign-in link goes only to a known address, and the page says the same either way', async () => {
    await created(await admin.post(`${A()}/clients`, { name: 'Known Client', email: 'known@example.test' }));
    const known = await form(`/c/${orgs.a.slug}/sign-in`, { email: 'Known@Example.test' }, { ip: '10.0.1.1' });
    const unknown = await form(`/c/${orgs.a.slug}/sign-in`, { email: 'nobody@example.test' }, { ip: '10.0.1.1' });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    const sent = (b: string) => b.includes('a sign-in link is on its way');
    expect(sent(known.body) && sent(unknown.body)).toBe(true);
    expect(await outbox('nobody@example.test')).toEqual([]);
    const [mail] = await outbox('known@example.test');
    expect(mail).toMatchObject({ topic: 'client.sign_in', subject: expect.stringContaining(orgs.a.name) });
    const cookie = await followMailLink(mail!.body);
    expect((await visit(`/c/${orgs.a.slug}`, cookie)).body).toContain('Welcome, Known Client');
    const bad = await form(`/c/${orgs.a.slug}/sign-in`, { email: 'not an address' }, { ip: '10.0.1.1' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Please check the field “email”');
  });

  it('registration is closed until the organization opens it; then a confirm link signs the new client in', async () => {
    expect((await visit(`/c/${orgs.a.slug}/register`)).statusCode).toBe(404);
    expect((await form(`/c/${orgs.a.slug}/register`, { name: 'Early', email: 'early@example.test' }, { ip: '10.0.2.1' })).statusCode).toBe(
      404,
    );
    await settings({ allowRegistration: true });
    expect((await visit(`/c/${orgs.a.slug}/register`)).statusCode).toBe(200);
    const res = await form(`/c/${orgs.a.slug}/register`, { name: 'Self Made', email: 'self@example.test' }, { ip: '10.0.2.1' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('we have sent a link to self@example.test');
    const list = (await admin.get(`${A()}/clients?q=self@example.test`)).json().items;
    expect(list).toMatchObject([{ name: 'Self Made', origin: 'self', emailConfirmedAt: null }]);
    const [mail] = await outbox('self@example.test');
    expect(mail!.topic).toBe('client.confirm');
    const following = Date.now();
    const cookie = await followMailLink(mail!.body);
    expect((await visit(`/c/${orgs.a.slug}?confirmed=1`, cookie)).body).toContain('Your e-mail address is confirmed.');
    expectInstantWithin((await admin.get(`${A()}/clients/${list[0].id}`)).json().emailConfirmedAt, following, Date.now());
    // Registering a known address again makes no second client: a sign-in link goes to it instead.
    await form(`/c/${orgs.a.slug}/register`, { name: 'Impostor', email: 'self@example.test' }, { ip: '10.0.2.1' });
    expect((await admin.get(`${A()}/clients?q=self@example.test`)).json().items).toHaveLength(1);
    expect((await outbox('self@example.test')).map((m) => m.topic)).toEqual(['client.sign_in', 'client.confirm']);
    await settings({ allowRegistration: false });
  });

  it('a portal form posted from another site is refused; from the portal itself it goes through', async () => {
    const post = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/c/${orgs.a.slug}/sign-in`,
        payload: 'email=csrf@example.test',
        headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'portal.example', ...headers },
        remoteAddress: '10.5.0.1',
      });
    expect((await post({ origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await post({ origin: 'null' })).statusCode).toBe(403);
    expect((await post({ origin: 'http://portal.example', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await post({})).statusCode).toBe(200);
  });

  it('one address gets at most three links an hour, however many ask, and the page says the same', async () => {
    await created(await admin.post(`${A()}/clients`, { name: 'Flooded', email: 'flooded@example.test' }));
    for (let i = 0; i < 6; i++) {
      const res = await form(`/c/${orgs.a.slug}/sign-in`, { email: 'flooded@example.test' }, { ip: `10.4.0.${i}` });
      expect(res.body).toContain('a sign-in link is on its way');
    }
    expect(await outbox('flooded@example.test')).toHaveLength(3);
  });

  it('public writes are rate limited per IP: 429 with Retry-After, and nothing more is sent', async () => {
    let last = await form(`/c/${orgs.a.slug}/sign-in`, { email: 'flood@example.test' }, { ip: '10.9.9.9' });
    for (let i = 0; i < 40 && last.statusCode !== 429; i++)
      last = await form(`/c/${orgs.a.slug}/sign-in`, { email: 'flood@example.test' }, { ip: '10.9.9.9' });
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.body).toContain('Too many attempts');
    // Another address is not held back.
    expect((await form(`/c/${orgs.a.slug}/sign-in`, { email: 'flood@example.test' }, { ip: '10.9.9.8' })).statusCode).toBe(200);
  });

  it('rate limits count exactly under concurrency, across a window’s end, without deadlocks', async () => {
    const keys = ['conc:a', 'conc:b', 'conc:c'];
    const minute = 60_000;
    const t0 = 1_700_000_000_000 - (1_700_000_000_000 % minute);
    // Counters left from an earlier window, then 40 hits at once on the same keys in the next one.
    await Promise.all(keys.map((k) => hitRateLimit(t.db, [k], 1000, minute, t0 + 5)));
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => hitRateLimit(t.db, i % 2 ? keys : [...keys].reverse(), 30, minute, t0 + minute + 10)),
    );
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []));
    // Past 30 a caller is told to wait (at least the last 10; interleaved callers may see another
    // key over first) — nothing else goes wrong, and every hit is counted once.
    expect(reasons.every((code) => code === 'rate_limited')).toBe(true);
    expect(reasons.length).toBeGreaterThanOrEqual(10);
    const rows = await t.db.selectFrom('rate_limits').select(['key', 'count']).where('key', 'in', keys).orderBy('key').execute();
    expect(rows.map((r) => Number(r.count))).toEqual([40, 40, 40]);
    expect(await pruneRateLimits(t.db, t0 + 3 * 24 * 3_600_000)).toBeGreaterThanOrEqual(3);
  });

  it('the outbox is the admins’ only, scoped to the organization, and the CLI prints it', async () => {
    expect((await member.get(`${A()}/outbox`)).statusCode).toBe(403);
    const theirs = await (await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password)).get(`/api/v1/orgs/${orgs.b.slug}/outbox`);
    expect(theirs.json().items.filter((m: { to: string }) => m.to.endsWith('@example.test'))).toEqual([]);
    const out = await runCommand(t.db, {
      command: 'outbox',
      values: { org: orgs.a.slug, limit: '50' },
      readInput: () => '',
      now: Date.now(),
    });
    expect(out.stdout).toContain('To: self@example.test');
    expect(out.stdout).toContain('not sent');
    await expect(runCommand(t.db, { command: 'outbox', values: { limit: '0' }, readInput: () => '', now: Date.now() })).rejects.toThrow(
      '--limit',
    );
  });

  it('with SMTP, delivery sends each pending message once and retries a failure', async () => {
    const sent: string[] = [];
    let fail = true;
    const transport = {
      async send(m: { to: string }) {
        if (m.to === 'known@example.test' && fail) throw new Error('421 try later');
        sent.push(m.to);
      },
    };
    const first = await deliverMail(t.db, transport, 'test@example.test', Date.now());
    expect(first.sent).toBeGreaterThan(0);
    expect(sent).not.toContain('known@example.test');
    const retry = await outbox('known@example.test');
    expect(retry[0]).toMatchObject({ status: 'pending' });
    fail = false;
    // Several runs at once (two servers) still send each message once.
    await Promise.all([1, 2, 3].map(() => deliverMail(t.db, transport, 'test@example.test', Date.now())));
    expect(sent.filter((to) => to === 'known@example.test')).toHaveLength(1);
    expect((await outbox('known@example.test'))[0]).toMatchObject({ status: 'sent' });
    // Each send marked one message sent: none went twice.
    const all = (await admin.get(`${A()}/outbox?limit=200`)).json().items as { status: string }[];
    expect(all.filter((m) => m.status === 'sent')).toHaveLength(sent.length);
  });
});
