/**
 * The HTTP layer's findings of the security review, each as the attack that found it:
 * deeply nested JSON, login CSRF by a form from another site, a portal logout with a slug that is
 * not one, the staff app's shell cached across an upgrade, and the headers every answer carries.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInputProblem, MAX_INPUT_DEPTH } from '../src/http/input.js';
import { WEB_DIST, webCacheControl } from '../src/http/server.js';
import type { OrgFixture } from './fixtures.js';
import { createTestApp, errorOf, type TestApp } from './harness.js';

let t: TestApp;
let a: OrgFixture;

beforeAll(async () => {
  t = await createTestApp();
  ({ a } = await t.seedTwoOrgs());
});

afterAll(async () => {
  await t?.close();
});

const nestedArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('deeply nested JSON (finding 1)', () => {
  it('finds the depth iteratively: a million levels do not overflow the stack', () => {
    const deep = JSON.parse(nestedArray(1_000_000));
    expect(findInputProblem(deep)).toEqual({ kind: 'too_deep', path: Array(MAX_INPUT_DEPTH).fill('0') });
    // 64 levels are allowed: the 64th array is still walked, its (empty) contents are not too deep.
    expect(findInputProblem(JSON.parse(nestedArray(MAX_INPUT_DEPTH)))).toBeNull();
    expect(findInputProblem(JSON.parse(nestedArray(MAX_INPUT_DEPTH + 1)))?.kind).toBe('too_deep');
  });

  it('still names the first string with a NUL, in document order', () => {
    expect(findInputProblem({ a: ['ok', { b: 'x\u0000' }], c: 'y\u0000' })).toEqual({ kind: 'unstorable', path: ['a', '1', 'b'] });
    expect(findInputProblem({ ['k\u0000']: 1 })).toEqual({ kind: 'unstorable', path: ['k\u0000'] });
    expect(findInputProblem({ events: Array.from({ length: 1000 }, (_, i) => ({ externalId: `e${i}`, good: true })) })).toBeNull();
  });

  for (const [name, payload] of [
    ['10,000 nested arrays', nestedArray(10_000)],
    ['100,000 nested arrays', nestedArray(100_000)],
    ['10,000 nested objects', nestedObject(10_000)],
  ] as const) {
    for (const url of ['/api/v1/auth/login', '/api/v1/setup', `/api/v1/orgs/${'a-org'}/teams`]) {
      it(`${name} to ${url} answer 400 invalid_json, signed in or not`, async () => {
        const res = await t.anonymous().request({ method: 'POST', url, raw: { payload, contentType: 'application/json' } });
        expect(res.statusCode).toBe(400);
        const error = errorOf(res);
        expect(error.code).toBe('invalid_json');
        expect(error.fields).toEqual([
          {
            path: 'body',
            code: 'invalid',
            params: { maximumDepth: MAX_INPUT_DEPTH },
            message: `nested deeper than ${MAX_INPUT_DEPTH} levels of arrays and objects`,
          },
        ]);
      });
    }
  }

  it('a deep value inside a real body of a signed-in admin is 400 too, and nothing is created', async () => {
    const admin = await t.signIn(a.users.admin.email, a.users.admin.password);
    const payload = `{"name":"Deep team","kind":"autonomous","purpose":${nestedObject(20_000)}}`;
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/orgs/${a.slug}/teams`,
      raw: { payload, contentType: 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    const teams = await admin.get(`/api/v1/orgs/${a.slug}/teams?limit=100`);
    expect((teams.json() as { items: { name: string }[] }).items.map((x) => x.name)).not.toContain('Deep team');
  });
});

describe('login CSRF and cross-site writes (finding 2)', () => {
  const form = (email: string, password: string) => `email=${encodeURIComponent(email)}&password=${encodeURIComponent(password)}`;

  it('the API takes no form: a form login (what a page elsewhere can post) is 415 and sets no cookie', async () => {
    const res = await t.anonymous().request({
      method: 'POST',
      url: '/api/v1/auth/login',
      raw: { payload: form(a.users.admin.email, a.users.admin.password), contentType: 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(415);
    expect(errorOf(res).code).toBe('unsupported_media_type');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('a JSON login from another site is refused by Origin, and by Sec-Fetch-Site', async () => {
    const body = { email: a.users.admin.email, password: a.users.admin.password };
    for (const headers of <Record<string, string>[]>[
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'http://localhost:3000.evil.example' },
    ]) {
      const res = await t.anonymous().request({ method: 'POST', url: '/api/v1/auth/login', body, headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(errorOf(res).code).toBe('csrf_failed');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('the same login from our own pages (same Origin, or the public address behind a proxy) works', async () => {
    const body = { email: a.users.admin.email, password: a.users.admin.password };
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' },
      { origin: 'http://localhost:3000', host: 'app.internal:8080' },
      {},
    ]) {
      const res = await t.anonymous().request({ method: 'POST', url: '/api/v1/auth/login', body, headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(200);
    }
  });

  it('a cookie-authenticated write from another site is refused even with the CSRF token; a token call is not judged', async () => {
    const admin = await t.signIn(a.users.admin.email, a.users.admin.password);
    const url = `/api/v1/orgs/${a.slug}/teams`;
    const cross = await admin.request({
      method: 'POST',
      url,
      body: { name: 'Cross-site team', kind: 'autonomous' },
      headers: { origin: 'https://evil.example' },
    });
    expect(cross.statusCode).toBe(403);
    expect(errorOf(cross).code).toBe('csrf_failed');
    const token = await t.withToken(a.token.secret).request({
      method: 'POST',
      url,
      body: { name: 'Token team', kind: 'autonomous' },
      headers: { origin: 'https://integration.example' },
    });
    expect(token.statusCode).toBe(201);
  });
});

describe('cross-site checks judge the route, not the URL as written (finding 2)', () => {
  it('a portal invitation posted cross-site through /%63/ (the router decodes it to /c/) is refused and sets no cookie', async () => {
    const invited = await t.withToken(a.token.secret).post(`/api/v1/orgs/${a.slug}/clients/${a.client.id}/invitations`, {});
    expect(invited.statusCode).toBe(201);
    const { token } = invited.json() as { token: string };
    for (const url of [`/%63/${a.slug}/invite/${token}`, `/c/${a.slug}/invite/${token}`]) {
      const res = await t.anonymous().request({
        method: 'POST',
        url,
        raw: { payload: 'x=1', contentType: 'text/plain' },
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      });
      expect(res.statusCode, url).toBe(403);
      expect(res.headers['set-cookie'], url).toBeUndefined();
    }
    // The link is not used up by the refused attempts: from the portal itself it still signs in.
    const own = await t
      .anonymous()
      .request({ method: 'POST', url: `/c/${a.slug}/invite/${token}`, headers: { origin: 'http://localhost:3000' } });
    expect(own.statusCode).toBe(303);
  });

  it('a form sent to /%61pi/… (the API, decoded) is refused like one sent to /api/…', async () => {
    const payload = `email=${encodeURIComponent(a.users.admin.email)}&password=${encodeURIComponent(a.users.admin.password)}`;
    const res = await t.anonymous().request({
      method: 'POST',
      url: '/%61pi/v1/auth/login',
      raw: { payload, contentType: 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('an API answer reached through /%61pi/… is no-store too', async () => {
    const admin = await t.signIn(a.users.admin.email, a.users.admin.password);
    const res = await admin.get('/%61pi/v1/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('Basic credentials (which a browser adds by itself behind a proxy) do not exempt a cross-site login', async () => {
    const res = await t.anonymous().request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: a.users.admin.email, password: a.users.admin.password },
      headers: { origin: 'https://evil.example', authorization: `Basic ${Buffer.from('proxy:secret').toString('base64')}` },
    });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('csrf_failed');
  });
});

describe('portal logout with a slug that is not one (finding 6)', () => {
  for (const slug of ['%3Cscript%3E', 'a%3Bb', 'no-such-org', '%E2%80%AE']) {
    it(`POST /c/${slug}/logout is a 404 page, not a 500`, async () => {
      const res = await t.anonymous().request({ method: 'POST', url: `/c/${slug}/logout`, headers: { cookie: 'cc_client=abc' } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).not.toContain('cookie');
      expect(res.body).not.toContain('<script>');
    });
  }

  it('a real organization still signs out and clears its cookie', async () => {
    const res = await t.anonymous().request({ method: 'POST', url: `/c/${a.slug}/logout` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/c/${a.slug}?signedOut=1`);
    expect(String(res.headers['set-cookie'])).toContain(`Path=/c/${a.slug}`);
  });
});

describe('caching of the staff app (finding 9)', () => {
  it('the shell is revalidated; hashed assets are kept a year', () => {
    const root = '/srv/cc/dist/web';
    expect(webCacheControl(root, `${root}/index.html`)).toBe('no-cache');
    expect(webCacheControl(root, `${root}/favicon.svg`)).toBe('no-cache');
    expect(webCacheControl(root, `${root}/assets/index-abc123.js`)).toBe('public, max-age=31536000, immutable');
    // A repository that happens to live under a folder named assets is not an asset.
    expect(webCacheControl('/home/assets/cc/dist/web', '/home/assets/cc/dist/web/index.html')).toBe('no-cache');
  });
});

describe('caching of the staff app as served (finding 9)', () => {
  it('index.html through any /app/ path is no-cache; a file under assets/ is immutable', async () => {
    // The real build is served when there is one; otherwise a stand-in is written and removed again.
    const made = !existsSync(path.join(WEB_DIST, 'index.html'));
    if (made) {
      mkdirSync(path.join(WEB_DIST, 'assets'), { recursive: true });
      writeFileSync(path.join(WEB_DIST, 'index.html'), '<!doctype html><title>t</title>');
      writeFileSync(path.join(WEB_DIST, 'assets', 'index-test.js'), 'console.log(1)');
    }
    const app = await createTestApp();
    try {
      for (const url of ['/app/', '/app/o/x/teams', '/app/index.html']) {
        const res = await app.anonymous().get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control'], url).toBe('no-cache');
      }
      const asset = readdirSync(path.join(WEB_DIST, 'assets')).find((f) => f.endsWith('.js')) as string;
      const res = await app.anonymous().get(`/app/assets/${asset}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    } finally {
      await app.close();
      if (made) rmSync(WEB_DIST, { recursive: true, force: true });
    }
  });
});

describe('headers (finding 12)', () => {
  it('authenticated JSON answers are no-store, errors too; the public board keeps its own max-age', async () => {
    const admin = await t.signIn(a.users.admin.email, a.users.admin.password);
    for (const url of [`/api/v1/orgs/${a.slug}/teams`, '/api/v1/auth/me', `/api/v1/orgs/${a.slug}/teams/nope`]) {
      const res = await admin.get(url);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const token = await t.withToken(a.token.secret).get(`/api/v1/orgs/${a.slug}/teams`);
    expect(token.headers['cache-control']).toBe('no-store');
    const board = await t.anonymous().get(`/c/${a.slug}/promises`);
    expect(board.headers['cache-control']).toBe('public, max-age=30');
  });

  it('every answer carries Permissions-Policy; HSTS only when the public address is https', async () => {
    const res = await t.anonymous().get('/healthz');
    expect(res.headers['permissions-policy']).toContain('camera=()');
    expect(res.headers['permissions-policy']).toContain('geolocation=()');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const https = await createTestApp({ publicUrl: 'https://clientocracy.example' });
    try {
      const secure = await https.anonymous().get('/healthz');
      expect(secure.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await https.close();
    }
  });
});
