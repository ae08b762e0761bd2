/**
 * Webhooks: an admin registers an endpoint and sees its secret once; deliveries are signed
 * POSTs a receiver can verify; a receiver that fails is tried again with backoff until it answers or
 * 24 hours pass; the delivery log shows every response code; "send test" delivers a ping; bad input
 * is refused naming the field; only admins manage webhooks.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseWebhookAllowList, type WebhookAllowList } from '../src/core/webhooks/address.js';
import { verifyWebhookSignature } from '../src/core/webhooks/webhooks.js';
import { DELIVERY_LOG_DAYS, deliverDue, pruneDeliveries } from '../src/modules/webhooks/webhook.delivery.js';
import { enqueueWebhookEvent } from '../src/modules/webhooks/webhook.service.js';
import type { TwoOrgs } from './fixtures.js';
import { createTestApp, errorOf, type SignedInAgent, show, type TestApp } from './harness.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver on 127.0.0.1 at a random port, answering with the given statuses in turn (the last one from then on). */
async function receiver(statuses: number[] = [200], delayMs = 0) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] as number;
      setTimeout(() => res.writeHead(status, { 'content-type': 'text/plain' }).end('ok'), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { url: `http://127.0.0.1:${port}/hooks`, received };
}

const servers: Server[] = [];
let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let council: SignedInAgent;
const base = () => `/api/v1/orgs/${orgs.a.slug}/webhooks`;
// The receivers below listen on 127.0.0.1: an on-premise target the operator allows, as CLIENTOCRACY_WEBHOOK_ALLOW=127.0.0.1 would.
const allow = (parseWebhookAllowList('127.0.0.1') as { allow: WebhookAllowList }).allow;
/** An instant as the API writes it. */
const iso = (ms: number) => new Date(ms).toISOString();
const deliver = (now: number, options: { timeoutMs?: number } = {}) => deliverDue(t.db, now, { dialect: t.dialect, allow, ...options });

async function register(url: string, eventTypes: string[] = ['promise.published', 'promise.status_changed']) {
  const res = await admin.post(base(), { url, description: 'Our status page', eventTypes });
  expect(res.statusCode, show(res)).toBe(201);
  return res.json() as { id: string; secret: string; url: string; eventTypes: string[]; active: boolean };
}

async function log(id: string) {
  const res = await admin.get(`${base()}/${id}/deliveries`);
  expect(res.statusCode, show(res)).toBe(200);
  return res.json().items as {
    id: string;
    eventType: string;
    state: string;
    attemptCount: number;
    /** Instants are ISO 8601. */
    nextAttemptAt: string | null;
    lastStatusCode: number | null;
    lastError: string | null;
    attempts: { at: string; statusCode: number | null; error: string | null }[];
    failedAt: string | null;
    payload: Record<string, unknown>;
  }[];
}

/** A promise event queued as the promise services will (in their transaction). */
const emit = (type: 'promise.published' | 'promise.status_changed' | 'promise.unbacked', data: unknown, now: number) =>
  t.db.transaction().execute((tx) => enqueueWebhookEvent(tx, orgs.a.id, type, data, now));

beforeAll(async () => {
  t = await createTestApp();
  t.config.webhookAllow = allow;
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
});

afterEach(async () => {
  // Deliveries left over from one test must not reach the next one's receivers.
  await t.db.updateTable('webhook_endpoints').set({ disabled_at: 1 }).where('org_id', '=', orgs.a.id).execute();
});

afterAll(async () => {
  for (const server of servers) server.close();
  await t?.close();
});

describe('registering an endpoint', () => {
  it('shows the secret once, at creation, and never in the list, the endpoint or the audit log', async () => {
    const hook = await register('https://example.test/hooks');
    expect(hook).toMatchObject({
      url: 'https://example.test/hooks',
      eventTypes: ['promise.published', 'promise.status_changed'],
      active: true,
    });
    expect(hook.secret).toMatch(/^whsec_[\w-]{43}$/);
    const one = await admin.get(`${base()}/${hook.id}`);
    const list = await admin.get(base());
    const audit = await admin.get(`/api/v1/orgs/${orgs.a.slug}/audit?entityId=${hook.id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['webhook.created']);
    for (const res of [one, list, audit]) {
      expect(res.statusCode, show(res)).toBe(200);
      expect(res.body).not.toContain(hook.secret);
    }
    expect(list.json().items.map((w: { id: string }) => w.id)).toContain(hook.id);
  });

  it('refuses bad input with 422 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'ftp://example.test/hooks', eventTypes: ['promise.published'] }, 'url'],
      [{ url: 'https://user:secret@example.test/', eventTypes: ['promise.published'] }, 'url'],
      [{ url: 'not a url', eventTypes: ['promise.published'] }, 'url'],
      [{ url: 'https://example.test/', eventTypes: ['promise.exploded'] }, 'eventTypes.0'],
      [{ url: 'https://example.test/', eventTypes: [] }, 'eventTypes'],
      [{ url: 'https://example.test/' }, 'eventTypes'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post(base(), body);
      expect(res.statusCode, `${JSON.stringify(body)}: ${show(res)}`).toBe(422);
      expect(errorOf(res).fields.map((f) => f.path)).toContain(field);
    }
    const hook = await register('https://example.test/ok');
    const patched = await admin.patch(`${base()}/${hook.id}`, { url: 'ftp://example.test/' });
    expect(patched.statusCode, show(patched)).toBe(422);
    expect(errorOf(patched).fields.map((f) => f.path)).toEqual(['url']);
  });

  it('is for admins only: the council and members get 403', async () => {
    const res = await council.post(base(), { url: 'https://example.test/x', eventTypes: ['promise.published'] });
    expect(res.statusCode, show(res)).toBe(403);
    expect((await council.get(base())).statusCode).toBe(403);
  });
});

describe('deliveries', () => {
  it('signs each delivery so that the receiver can verify it with the secret', async () => {
    const target = await receiver([204]);
    const hook = await register(target.url);
    const now = Date.now();
    const test = await admin.post(`${base()}/${hook.id}/test`);
    expect(test.statusCode, show(test)).toBe(202);
    expect(test.json()).toMatchObject({ eventType: 'ping', state: 'pending', attemptCount: 0 });

    expect(await deliver(now + 1000)).toMatchObject({ attempted: 1, delivered: 1 });
    expect(target.received).toHaveLength(1);
    const [request] = target.received;
    // Signed at the attempt's time (the worker's clock, which the test drives): t=<seconds>,v1=<HMAC of "<t>.<body>">.
    const seconds = Math.floor((now + 1000) / 1000);
    expect(request!.headers['x-clientocracy-timestamp']).toBe(String(seconds));
    expect(request!.headers['x-clientocracy-signature']).toMatch(new RegExp(`^t=${seconds},v1=[0-9a-f]{64}$`));
    expect(verifyWebhookSignature(request!.headers['x-clientocracy-signature'], request!.body, hook.secret, seconds)).toBe(true);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-clientocracy-event']).toBe('ping');
    const body = JSON.parse(request!.body);
    expect(Object.keys(body)).toEqual(['id', 'type', 'createdAt', 'organization', 'data']);
    expect(body).toMatchObject({ type: 'ping', organization: { id: orgs.a.id, slug: orgs.a.slug }, data: { webhookId: hook.id } });
    expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);
    // Another secret, another body or a replay after 5 minutes does not verify.
    expect(verifyWebhookSignature(request!.headers['x-clientocracy-signature'], request!.body, 'whsec_other', seconds)).toBe(false);
    expect(verifyWebhookSignature(request!.headers['x-clientocracy-signature'], `${request!.body} `, hook.secret, seconds)).toBe(false);
    expect(verifyWebhookSignature(request!.headers['x-clientocracy-signature'], request!.body, hook.secret, seconds + 301)).toBe(false);

    const [entry] = await log(hook.id);
    expect(entry).toMatchObject({ eventType: 'ping', state: 'delivered', attemptCount: 1, lastStatusCode: 204, lastError: null });
    expect(await deliver(now + 60_000)).toMatchObject({ attempted: 0 });
    expect(target.received).toHaveLength(1);
  });

  it('tries a receiver that answered 500 again 30 s later, with the same body, and logs both codes', async () => {
    const target = await receiver([500, 200]);
    const hook = await register(target.url);
    const now = Date.now();
    expect(await emit('promise.published', { promise: { id: 'p1', title: 'Answer within a day' } }, now)).toBe(1);

    expect(await deliver(now)).toMatchObject({ attempted: 1, delivered: 0, retrying: 1 });
    let [entry] = await log(hook.id);
    expect(entry).toMatchObject({ state: 'pending', attemptCount: 1, lastStatusCode: 500, nextAttemptAt: iso(now + 30_000) });
    expect(entry!.lastError).toContain('500');

    // Not before it is due.
    expect(await deliver(now + 29_000)).toMatchObject({ attempted: 0 });
    expect(await deliver(now + 30_000)).toMatchObject({ attempted: 1, delivered: 1 });
    [entry] = await log(hook.id);
    expect(entry).toMatchObject({ state: 'delivered', attemptCount: 2, lastStatusCode: 200, nextAttemptAt: null });
    expect(entry!.attempts.map((a) => [Date.parse(a.at) - now, a.statusCode])).toEqual([
      [0, 500],
      [30_000, 200],
    ]);
    expect(target.received.map((r) => r.body)).toEqual([target.received[0]!.body, target.received[0]!.body]);
    expect(JSON.parse(target.received[0]!.body)).toMatchObject({ type: 'promise.published', data: { promise: { id: 'p1' } } });
  });

  it('backs off exponentially and gives up 24 hours after the event', async () => {
    const target = await receiver([503]);
    const hook = await register(target.url, ['promise.unbacked']);
    const start = Date.now();
    await emit('promise.unbacked', { promise: { id: 'p2' } }, start);
    let now = start;
    for (let i = 0; i < 100; i++) {
      await deliver(now);
      const [entry] = await log(hook.id);
      if (entry!.state !== 'pending') break;
      now = Date.parse(entry!.nextAttemptAt!);
    }
    const [entry] = await log(hook.id);
    expect(entry!.state).toBe('failed');
    const gaps = entry!.attempts.slice(1).map((a, i) => Date.parse(a.at) - Date.parse(entry!.attempts[i]!.at));
    expect(gaps.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(Math.max(...gaps)).toBe(3_600_000);
    expect(entry!.attempts.at(-1)!.at).toBe(iso(start + 24 * 3_600_000));
    expect(entry!.attemptCount).toBe(target.received.length);
    expect(entry!.attempts.every((a) => a.statusCode === 503)).toBe(true);
  });

  it('logs a receiver that cannot be reached or does not answer in time, without a status code', async () => {
    const closed = await receiver();
    const hung = await receiver([200], 2000);
    await new Promise<void>((resolve) => servers.at(-2)!.close(() => resolve()));
    const unreachable = await register(closed.url, ['promise.published']);
    const slow = await register(hung.url, ['promise.published']);
    const now = Date.now();
    await emit('promise.published', { promise: { id: 'p3' } }, now);
    expect(await deliver(now, { timeoutMs: 300 })).toMatchObject({ attempted: 2, retrying: 2 });
    const [refused] = await log(unreachable.id);
    expect(refused).toMatchObject({ state: 'pending', lastStatusCode: null });
    // Not the system's reason (ECONNREFUSED): that would tell open ports from closed ones.
    expect(refused!.lastError).toBe('connection failed');
    const [timedOut] = await log(slow.id);
    expect(timedOut).toMatchObject({ state: 'pending', lastStatusCode: null, lastError: 'no answer within 300 ms' });
  });

  it('sends an event only to active endpoints subscribed to it; one paused holds what was queued until resumed', async () => {
    const subscribed = await receiver();
    const other = await receiver();
    const later = await receiver();
    await register(subscribed.url, ['promise.status_changed']);
    await register(other.url, ['promise.published']);
    const p = await register(later.url, ['promise.status_changed']);

    const now = Date.now();
    expect(await emit('promise.status_changed', { promise: { id: 'p4' }, from: 'kept', to: 'broken' }, now)).toBe(2);
    expect((await admin.patch(`${base()}/${p.id}`, { active: false })).json()).toMatchObject({ active: false, url: later.url });
    await deliver(now);
    expect([subscribed.received.length, other.received.length, later.received.length]).toEqual([1, 0, 0]);
    expect((await log(p.id)).map((d) => d.state)).toEqual(['pending']);

    // Nothing is queued for it while paused; what was queued goes once it is active again.
    expect(await emit('promise.status_changed', { promise: { id: 'p5' } }, now + 1000)).toBe(1);
    expect((await admin.patch(`${base()}/${p.id}`, { active: true })).json()).toMatchObject({ active: true });
    await deliver(now + 2000);
    expect(later.received.map((r) => JSON.parse(r.body).data.promise.id)).toEqual(['p4']);
    expect(subscribed.received.map((r) => JSON.parse(r.body).data.promise.id)).toEqual(['p4', 'p5']);
  });

  it('keeps the log per endpoint and organization: another organization sees none of it', async () => {
    const target = await receiver();
    const hook = await register(target.url);
    await admin.post(`${base()}/${hook.id}/test`);
    const adminB = await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password);
    expect((await adminB.get(`/api/v1/orgs/${orgs.b.slug}/webhooks/${hook.id}/deliveries`)).statusCode).toBe(404);
    expect((await adminB.post(`/api/v1/orgs/${orgs.b.slug}/webhooks/${hook.id}/test`)).statusCode).toBe(404);
    const removed = await admin.delete(`${base()}/${hook.id}`);
    expect(removed.statusCode, show(removed)).toBe(200);
    expect((await admin.get(`${base()}/${hook.id}/deliveries`)).statusCode).toBe(404);
    expect(await t.db.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', hook.id).execute()).toEqual([]);
  });
});

describe('the delivery log', () => {
  it(`keeps finished deliveries ${DELIVERY_LOG_DAYS} days, and pending ones whatever their age`, async () => {
    const ok = await receiver([200]);
    const down = await receiver([503]);
    const delivered = await register(ok.url, ['promise.published']);
    const failing = await register(down.url, ['promise.unbacked']);
    const day = 24 * 3_600_000;
    const start = Date.now() - 40 * day;
    // Delivered 40 days ago; delivered 10 days ago; given up 24 h after an event 40 days ago; still pending.
    await emit('promise.published', { promise: { id: 'old' } }, start);
    await deliver(start);
    await emit('promise.published', { promise: { id: 'recent' } }, start + 30 * day);
    await deliver(start + 30 * day);
    await emit('promise.unbacked', { promise: { id: 'gave-up' } }, start);
    let now = start;
    for (let i = 0; i < 100 && (await log(failing.id))[0]!.state === 'pending'; i++) {
      await deliver(now);
      const next = (await log(failing.id))[0]!.nextAttemptAt;
      now = next === null ? now : Date.parse(next);
    }
    const pending = await register(down.url, ['promise.status_changed']);
    await emit('promise.status_changed', { promise: { id: 'waiting' } }, start);

    expect(await pruneDeliveries(t.db, start + 40 * day)).toBe(2);
    expect((await log(delivered.id)).map((d) => (d.payload as { data: { promise: { id: string } } }).data.promise.id)).toEqual(['recent']);
    expect(await log(failing.id)).toEqual([]);
    expect(await log(pending.id)).toMatchObject([{ state: 'pending' }]);
    expect(await pruneDeliveries(t.db, start + 40 * day)).toBe(0);
  });
});
