/**
 * Webhook hardening. SSRF: a webhook URL that points at this machine,
 * the private network or a cloud's metadata service is refused at registration and on change, in any
 * notation; at delivery the name's resolved addresses are checked where the connection is made, so a
 * name re-pointed at 127.0.0.1 (DNS rebinding) is not reached; the operator's allow list lets
 * on-premise receivers through; the log never tells a refused port from an unreachable one.
 * Replay and rotation: deliveries are signed over a timestamp and the body; an admin rotates the
 * secret and both secrets sign for 24 hours, then the new one alone.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { parseWebhookAllowList, type WebhookAllowList } from '../src/core/webhooks/address.js';
import { signWebhook, verifyWebhookSignature } from '../src/core/webhooks/webhooks.js';
import { deliverDue, forgetExpiredSecrets } from '../src/modules/webhooks/webhook.delivery.js';
import type { ResolveHost } from '../src/modules/webhooks/webhook.request.js';
import type { TwoOrgs } from './fixtures.js';
import { createTestApp, errorOf, type SignedInAgent, show, type TestApp } from './harness.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];
let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let council: SignedInAgent;
const base = () => `/api/v1/orgs/${orgs.a.slug}/webhooks`;

const allowOf = (text: string): WebhookAllowList => (parseWebhookAllowList(text) as { allow: WebhookAllowList }).allow;
const NOTHING_ALLOWED = allowOf('');

/** A receiver on 127.0.0.1 at a random port answering 204; `reset` drops each connection without an answer instead. */
async function receiver(options: { reset?: boolean } = {}) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (options.reset) req.socket.destroy();
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { port: (server.address() as AddressInfo).port, received };
}

/** A resolver that answers for every name with the given addresses, and counts the names it was asked. */
function resolver(...addresses: string[]) {
  const asked: string[] = [];
  const resolve: ResolveHost = async (hostname) => {
    asked.push(hostname);
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, asked };
}

async function register(url: string) {
  const res = await admin.post(base(), { url, eventTypes: ['promise.published'] });
  expect(res.statusCode, show(res)).toBe(201);
  return res.json() as { id: string; secret: string; url: string; previousSecretExpiresAt: string | null };
}

/** Queues a test ping to the endpoint and sends what is due at `now` (a second from now by default); returns the endpoint's latest delivery. */
async function ping(id: string, now: number | null, options: { allow?: WebhookAllowList; resolve?: ResolveHost } = {}) {
  expect((await admin.post(`${base()}/${id}/test`)).statusCode).toBe(202);
  await deliverDue(t.db, now ?? Date.now() + 1000, { dialect: t.dialect, timeoutMs: 2000, ...options });
  const res = await admin.get(`${base()}/${id}/deliveries`);
  return res.json().items[0] as { state: string; lastStatusCode: number | null; lastError: string | null; attemptCount: number };
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
});

afterEach(async () => {
  t.config.webhookAllow = undefined;
  // What one test queued must not be sent in the next one's runs.
  await t.db.deleteFrom('webhook_deliveries').execute();
});

afterAll(async () => {
  for (const server of servers) server.close();
  await t?.close();
});

// Every one of these reached this machine, its network or the cloud's metadata service before.
const REFUSED_URLS = [
  'http://169.254.169.254/latest/meta-data/',
  'http://10.0.0.1/',
  'http://localhost/',
  'http://localhost:3000/api',
  'http://[::1]/',
  'http://0.0.0.0/',
  'http://2130706433/',
  'http://0x7f000001/',
  'http://127.1/',
  'http://0177.0.0.1/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::]/',
  'http://[fe80::1]/',
  'http://[fd00::1]/',
  'http://172.16.0.1/',
  'http://192.168.0.1/',
  'http://100.64.0.1/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://printer.local/',
  'http://app.localhost/',
  'https://224.0.0.1/',
  'https://255.255.255.255/',
  'http://[::ffff:0:7f00:1]/',
  'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/',
  'https://192.0.2.1/',
  'https://198.51.100.1/',
  'https://203.0.113.1/',
  'https://[2001:db8::1]/',
];

describe('a webhook URL pointing inside', () => {
  it.each(REFUSED_URLS)('%s is refused at registration with 422 naming url', async (url) => {
    const res = await admin.post(base(), { url, eventTypes: ['promise.published'] });
    expect(res.statusCode, show(res)).toBe(422);
    const error = errorOf(res);
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((f) => f.path)).toEqual(['url']);
    expect(error.fields[0]!.message).toMatch(/^must not point to .*CLIENTOCRACY_WEBHOOK_ALLOW$/);
  });

  it('is refused when an endpoint is changed to it, and the endpoint keeps its URL', async () => {
    const hook = await register('https://hooks.example.test/in');
    for (const url of REFUSED_URLS) {
      const res = await admin.patch(`${base()}/${hook.id}`, { url });
      expect(res.statusCode, `${url}: ${show(res)}`).toBe(422);
      expect(errorOf(res).fields.map((f) => f.path)).toEqual(['url']);
    }
    expect((await admin.get(`${base()}/${hook.id}`)).json().url).toBe('https://hooks.example.test/in');
  });

  it('is taken when the operator allows it: by network, by address and by name', async () => {
    expect((await admin.post(base(), { url: 'http://10.1.2.3:8080/hooks', eventTypes: ['promise.published'] })).statusCode).toBe(422);
    t.config.webhookAllow = allowOf('10.0.0.0/8, [::1], hooks.corp.internal');
    for (const url of ['http://10.1.2.3:8080/hooks', 'http://[::1]:9000/', 'https://hooks.corp.internal/in']) {
      expect((await register(url)).url).toBe(url);
    }
    // Only what is listed: the rest stays refused.
    for (const url of ['http://127.0.0.1/', 'http://169.254.169.254/', 'http://other.corp.internal/']) {
      expect((await admin.post(base(), { url, eventTypes: ['promise.published'] })).statusCode, url).toBe(422);
    }
  });
});

describe('CLIENTOCRACY_WEBHOOK_ALLOW', () => {
  const env = { CLIENTOCRACY_SECRET: 'x'.repeat(32), CLIENTOCRACY_DATA_DIR: '/nonexistent/clientocracy' };

  it('is read into the configuration', () => {
    expect(loadConfig({ ...env, CLIENTOCRACY_WEBHOOK_ALLOW: 'hooks.corp.example, 10.0.0.0/8' }).webhookAllow).toEqual({
      hosts: ['hooks.corp.example'],
      networks: [{ family: 4, value: 0x0a000000n, prefix: 8 }],
    });
    expect(loadConfig(env).webhookAllow).toEqual({ hosts: [], networks: [] });
  });

  it('stops the start with an error naming the variable and the bad entry', () => {
    expect(() => loadConfig({ ...env, CLIENTOCRACY_WEBHOOK_ALLOW: '10.0.0.0/8,10.0.0.0/40' })).toThrow(
      'CLIENTOCRACY_WEBHOOK_ALLOW: not a host name, an IP address or a CIDR block: "10.0.0.0/40"',
    );
  });
});

describe('delivery, where the connection is made', () => {
  it('does not connect to a name that now resolves to 127.0.0.1 (DNS rebinding), and logs a failed connection', async () => {
    const target = await receiver();
    const hook = await register(`http://hooks.example.test:${target.port}/hooks`);
    const rebound = resolver('127.0.0.1');
    const entry = await ping(hook.id, null, { allow: NOTHING_ALLOWED, resolve: rebound.resolve });
    expect(rebound.asked).toEqual(['hooks.example.test']);
    expect(target.received).toEqual([]);
    expect(entry).toMatchObject({ state: 'pending', attemptCount: 1, lastStatusCode: null, lastError: 'connection failed' });
  });

  it('refuses the name when any of its addresses is refused, whichever would be tried first', async () => {
    const target = await receiver();
    const hook = await register(`http://hooks.example.test:${target.port}/hooks`);
    for (const addresses of [['93.184.216.34', '127.0.0.1'], ['127.0.0.1', '93.184.216.34'], ['::ffff:127.0.0.1'], ['169.254.169.254']]) {
      const entry = await ping(hook.id, null, { allow: NOTHING_ALLOWED, resolve: resolver(...addresses).resolve });
      expect(entry.lastError, addresses.join()).toBe('connection failed');
    }
    expect(target.received).toEqual([]);
  });

  it('connects through the same resolver when the allow list holds the address or names the host', async () => {
    const target = await receiver();
    const hook = await register(`http://hooks.example.test:${target.port}/hooks`);
    const viaNetwork = await ping(hook.id, null, { allow: allowOf('127.0.0.0/8'), resolve: resolver('127.0.0.1').resolve });
    expect(viaNetwork).toMatchObject({ state: 'delivered', lastStatusCode: 204, lastError: null });
    const viaName = await ping(hook.id, null, { allow: allowOf('hooks.example.test'), resolve: resolver('127.0.0.1').resolve });
    expect(viaName).toMatchObject({ state: 'delivered', lastStatusCode: 204 });
    expect(target.received).toHaveLength(2);
    expect(target.received[0]!.headers.host).toBe(`hooks.example.test:${target.port}`);
  });

  it('logs a name that resolves to a refused address as one that does not resolve at all: internal names cannot be enumerated', async () => {
    // With split-horizon DNS, db.corp.example resolves (to 10.0.0.5) only inside; a different line
    // for it than for a name that does not exist would tell the admin which internal names are real.
    const internal = await register('https://db.corp.example/');
    const missing = await register('https://no-such-host.corp.example/');
    const split: ResolveHost = async (hostname) => {
      if (hostname === 'db.corp.example') return [{ address: '10.0.0.5', family: 4 }];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    };
    const toInternal = await ping(internal.id, null, { allow: NOTHING_ALLOWED, resolve: split });
    const toMissing = await ping(missing.id, null, { allow: NOTHING_ALLOWED, resolve: split });
    const logged = ({ state, attemptCount, lastStatusCode, lastError }: typeof toInternal) => ({
      state,
      attemptCount,
      lastStatusCode,
      lastError,
    });
    expect(logged(toInternal)).toEqual({ state: 'pending', attemptCount: 1, lastStatusCode: null, lastError: 'connection failed' });
    expect(logged(toMissing)).toEqual(logged(toInternal));
    // The attempts in the log read the same too, apart from when and how long.
    const attemptsOf = async (id: string) =>
      ((await admin.get(`${base()}/${id}/deliveries`)).json().items[0].attempts as Record<string, unknown>[]).map(
        ({ at: _at, durationMs: _ms, ...rest }) => rest,
      );
    expect(await attemptsOf(missing.id)).toEqual(await attemptsOf(internal.id));
  });

  it('judges a literal address again at each attempt: an endpoint allowed once is not reached once the allow list drops it', async () => {
    const target = await receiver();
    t.config.webhookAllow = allowOf('127.0.0.1');
    const hook = await register(`http://127.0.0.1:${target.port}/hooks`);
    const never = resolver('127.0.0.1');
    expect(await ping(hook.id, null, { allow: allowOf('127.0.0.1') })).toMatchObject({ state: 'delivered' });
    expect(await ping(hook.id, null, { allow: NOTHING_ALLOWED, resolve: never.resolve })).toMatchObject({
      lastStatusCode: null,
      lastError: 'address not allowed',
    });
    expect(target.received).toHaveLength(1);
  });

  it('logs a closed port and a connection reset alike, without the system reason', async () => {
    const open = await receiver({ reset: true });
    const closed = await receiver();
    await new Promise<void>((resolve) => servers.at(-1)!.close(() => resolve()));
    t.config.webhookAllow = allowOf('127.0.0.1');
    const allow = allowOf('127.0.0.1');
    const toClosed = await ping((await register(`http://127.0.0.1:${closed.port}/`)).id, null, { allow });
    const toReset = await ping((await register(`http://127.0.0.1:${open.port}/`)).id, null, { allow });
    const unresolvable = await register('https://no-such-host.example.test/');
    const failing: ResolveHost = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND no-such-host.example.test'), { code: 'ENOTFOUND' });
    };
    const toNowhere = await ping(unresolvable.id, null, { allow, resolve: failing });
    for (const entry of [toClosed, toReset, toNowhere]) {
      expect(entry).toMatchObject({ state: 'pending', lastStatusCode: null, lastError: 'connection failed' });
    }
    expect(open.received).toHaveLength(1);
  });
});

describe('signatures over a timestamp, and rotating the secret', () => {
  it('signs with the old and the new secret for 24 hours after a rotation, then with the new one alone', async () => {
    const target = await receiver();
    t.config.webhookAllow = allowOf('127.0.0.1');
    const allow = allowOf('127.0.0.1');
    const hook = await register(`http://127.0.0.1:${target.port}/hooks`);
    expect(hook.previousSecretExpiresAt).toBeNull();

    const before = Date.now();
    const res = await admin.post(`${base()}/${hook.id}/rotate-secret`);
    expect(res.statusCode, show(res)).toBe(200);
    const rotated = res.json() as { id: string; secret: string; previousSecretExpiresAt: string };
    expect(rotated.secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(rotated.secret).not.toBe(hook.secret);
    // An instant, ISO 8601: the stored end of the overlap, 24 hours from the rotation.
    const ends = Date.parse(rotated.previousSecretExpiresAt);
    expect(rotated.previousSecretExpiresAt).toBe(new Date(ends).toISOString());
    const stored = await t.db
      .selectFrom('webhook_endpoints')
      .select('previous_secret_expires_at')
      .where('id', '=', hook.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.previous_secret_expires_at)).toBe(ends);
    expect(ends).toBeGreaterThanOrEqual(before + 24 * 3_600_000);
    expect(ends).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000);
    const shown = await admin.get(`${base()}/${hook.id}`);
    expect(shown.json().previousSecretExpiresAt).toBe(rotated.previousSecretExpiresAt);
    expect(shown.body).not.toContain(rotated.secret);

    const at = [ends - 2 * 3_600_000, ends - 1000, ends];
    for (const now of at) expect(await ping(hook.id, now, { allow })).toMatchObject({ state: 'delivered' });
    const signatures = target.received.map((r) => r.headers['x-clientocracy-signature'] as string);
    const seconds = at.map((now) => Math.floor(now / 1000));
    expect(target.received.map((r) => r.headers['x-clientocracy-timestamp'])).toEqual(seconds.map(String));
    expect(signatures.map((s) => s.match(/v1=/g)?.length)).toEqual([2, 2, 1]);
    target.received.forEach((request, i) => {
      const header = signatures[i];
      expect(verifyWebhookSignature(header, request.body, rotated.secret, seconds[i]!), `new secret, delivery ${i}`).toBe(true);
      expect(verifyWebhookSignature(header, request.body, hook.secret, seconds[i]!), `old secret, delivery ${i}`).toBe(i < 2);
      // A captured delivery replayed 5 minutes and a second later is refused.
      expect(verifyWebhookSignature(header, request.body, rotated.secret, seconds[i]! + 301)).toBe(false);
    });

    // The API stops showing the overlap once it has ended; the hourly clean-up drops the old secret.
    expect(await forgetExpiredSecrets(t.db, ends - 1)).toBe(0);
    expect(await forgetExpiredSecrets(t.db, ends)).toBe(1);
    const row = await t.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', hook.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ secret: rotated.secret, previous_secret: null, previous_secret_expires_at: null });
    expect((await admin.get(`${base()}/${hook.id}`)).json().previousSecretExpiresAt).toBeNull();
  });

  it('keeps only the last two secrets when rotated twice within a day', async () => {
    const target = await receiver();
    t.config.webhookAllow = allowOf('127.0.0.1');
    const hook = await register(`http://127.0.0.1:${target.port}/hooks`);
    const first = (await admin.post(`${base()}/${hook.id}/rotate-secret`)).json() as { secret: string };
    const second = (await admin.post(`${base()}/${hook.id}/rotate-secret`)).json() as { secret: string };
    const now = Date.now() + 60_000;
    await ping(hook.id, now, { allow: allowOf('127.0.0.1') });
    const [request] = target.received;
    const header = request!.headers['x-clientocracy-signature'];
    const seconds = Math.floor(now / 1000);
    expect(verifyWebhookSignature(header, request!.body, second.secret, seconds)).toBe(true);
    expect(verifyWebhookSignature(header, request!.body, first.secret, seconds)).toBe(true);
    expect(verifyWebhookSignature(header, request!.body, hook.secret, seconds)).toBe(false);
  });

  it('is recorded in the audit log without either secret, for admins only, inside the organization', async () => {
    const hook = await register('https://hooks.example.test/audit');
    const res = await admin.post(`${base()}/${hook.id}/rotate-secret`);
    const { secret } = res.json() as { secret: string };
    const audit = await admin.get(`/api/v1/orgs/${orgs.a.slug}/audit?entityId=${hook.id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['webhook.secret_rotated', 'webhook.created']);
    expect(audit.body).not.toContain(secret);
    expect(audit.body).not.toContain(hook.secret);

    expect((await council.post(`${base()}/${hook.id}/rotate-secret`)).statusCode).toBe(403);
    const adminB = await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password);
    expect((await adminB.post(`/api/v1/orgs/${orgs.b.slug}/webhooks/${hook.id}/rotate-secret`)).statusCode).toBe(404);
    const row = await t.db.selectFrom('webhook_endpoints').select('secret').where('id', '=', hook.id).executeTakeFirstOrThrow();
    expect(row.secret).toBe(secret);
  });
});

describe("the README's receiver snippet", () => {
  type Verify = (header: unknown, rawBody: string | Buffer, secret: string) => boolean;
  /** The ```js block of README.md that defines verifyClientocracySignature, run as a receiver would (CommonJS). */
  function readmeVerify(): Verify {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)]
      .map((m) => m[1]!)
      .find((code) => code.includes('function verifyClientocracySignature'));
    expect(block, 'README.md has the snippet').toBeDefined();
    return new Function('require', `${block}\nreturn verifyClientocracySignature;`)(createRequire(import.meta.url)) as Verify;
  }

  it('accepts a fresh delivery and refuses a replayed, tampered, missing or short one, never throwing', () => {
    const verify = readmeVerify();
    const secret = 'whsec_readme';
    const body = '{"id":"e1","type":"ping","data":{"x":"привет"}}';
    const now = Math.floor(Date.now() / 1000);
    const fresh = `t=${now},v1=${createHmac('sha256', secret).update(`${now}.${body}`).digest('hex')}`;
    expect(signWebhook([secret], body, now)).toBe(fresh);
    expect(verify(fresh, body, secret)).toBe(true);
    expect(verify(fresh, Buffer.from(body), secret)).toBe(true);
    // During a rotation: two v1= entries, the receiver holds either secret.
    expect(verify(signWebhook(['whsec_new', secret], body, now), body, secret)).toBe(true);
    expect(verify(signWebhook([secret], body, now - 120), body, secret)).toBe(true);

    const cases: [string, unknown, string][] = [
      ['replayed 10 minutes later', signWebhook([secret], body, now - 600), body],
      ['tampered body', fresh, body.replace('ping', 'pong')],
      ['another secret', signWebhook(['whsec_other'], body, now), body],
      ['missing header', undefined, body],
      ['empty header', '', body],
      ['short signature', `t=${now},v1=abc`, body],
      ['no timestamp', fresh.replace(/^t=\d+,/, ''), body],
      ['the old sha256= header', `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`, body],
      ['garbage', '=,,t==,v1=zz,🙂', body],
      ['an array of headers', [fresh], body],
      ['two timestamps', `t=${now - 600},${fresh}`, body],
    ];
    for (const [name, header, candidate] of cases) {
      expect(() => verify(header, candidate, secret), name).not.toThrow();
      expect(verify(header, candidate, secret), name).toBe(false);
    }
  });
});
