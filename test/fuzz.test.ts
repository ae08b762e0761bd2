/**
 * A fuzz sweep driven by the OpenAPI document: every API operation gets about twenty
 * hostile requests — a body field (or a query parameter, or a path parameter) replaced by a wrong
 * type, a huge string, deep nesting or a unicode edge case, chosen by a seeded generator — and none
 * may answer 5xx; every error is in the one documented shape. Deterministic by default; set
 * FUZZ_SEED to explore other cases (the seed is in every problem reported, so a find replays).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_DEPTH } from '../src/http/input.js';
import type { Agent, SignedInAgent } from './agent.js';
import type { OrgFixture } from './fixtures.js';
import { createTestApp, errorOf, type Response, show, type TestApp } from './harness.js';
import { fillPath, type JsonSchema, nonNull, type Operation, operationsOf, paramValues, resourceOf } from './operations.js';
import { bodyFor, seedThroughApi } from './sweep.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const CASES_PER_OPERATION = 20;
/** About 5 s alone on SQLite; PostgreSQL and a busy machine take several times that. */
const FUZZ_TIMEOUT_MS = 240_000;

let t: TestApp;
let a: OrgFixture;
let admin: SignedInAgent;
let viewer: SignedInAgent;
let ops: Operation[];
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  ({ a } = await t.seedTwoOrgs());
  admin = await t.signIn(a.users.admin.email, a.users.admin.password);
  viewer = await t.signIn(a.users.viewer.email, a.users.viewer.password);
  ops = operationsOf(t.openapi);
  ids = await seedThroughApi(admin, ops, a);
});

afterAll(async () => {
  await t?.close();
});

/** mulberry32: a small, fast, seedable generator; the same seed gives the same cases everywhere. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nesting as JSON text: V8's JSON.stringify itself recurses and could not write it from a value. */
const nest = (depth: number, leaf: string, asObject: boolean): string =>
  asObject ? `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}` : `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;

/** Values that break naive code: each has a name (for the report) and an expectation, if any. */
interface Mutation {
  name: string;
  /** The value as JSON text. */
  json: string;
  /** The exact answer required, when the value can only be refused this way. */
  expect?: { status: number; code: string };
}

const literal = (name: string, value: unknown, expect?: Mutation['expect']): Mutation => ({ name, json: JSON.stringify(value), expect });

const UNICODE = [
  ['right-to-left override', 'abc\u202Edef'],
  ['byte order mark', '\uFEFFname'],
  ['zero-width joiner family', '👩\u200D👩\u200D👧'],
  ['combining marks', 'e\u0301\u0301\u0301\u0301'],
  ['astral plane', '𝕏𝔸𝕄𝕃'],
  ['non-character', '\uFFFF\uFFFE'],
  ['NFKC ligature', 'ﬁﬂ'],
  ['Cyrillic with Latin look-alikes', 'Сlientосrасу'],
  ['only whitespace', ' \t\r\n '],
  ['line separators', 'a\u2028b\u2029c'],
  ['markup', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
  ['SQL', "' OR 1=1; DROP TABLE users; --"],
  ['path traversal', '../../../../etc/passwd'],
  ['percent escapes', '%00%FF%E2%80%AE'],
  ['format string', `%s%s%s%n \${7*7} {{7*7}}`],
] as const;

const MUTATIONS: Mutation[] = [
  literal('null', null),
  literal('true', true),
  literal('negative', -1),
  literal('huge number', 1e308),
  literal('unsafe integer', 2 ** 53 + 1),
  literal('fraction', 0.1 + 0.2),
  literal('numeric string', '12'),
  literal('empty string', ''),
  literal('empty array', []),
  literal('array of junk', [null, {}, [], 'x', 1]),
  literal('object', { x: 1 }),
  { name: 'prototype keys', json: '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}' },
  literal('huge ASCII string', 'x'.repeat(200_000)),
  literal('huge Cyrillic string', 'я'.repeat(100_000)),
  literal(
    '10,000-element array',
    Array.from({ length: 10_000 }, (_, i) => i),
  ),
  literal('lone surrogate', 'a\uD800b', { status: 422, code: 'validation_failed' }),
  literal('NUL', 'a\u0000b', { status: 422, code: 'validation_failed' }),
  { name: 'nested arrays past the cap', json: nest(MAX_INPUT_DEPTH * 3, '1', false), expect: { status: 400, code: 'invalid_json' } },
  { name: 'nested objects past the cap', json: nest(5_000, '"x"', true), expect: { status: 400, code: 'invalid_json' } },
  ...UNICODE.map(([name, value]) => literal(name, value)),
];

/** Strings for query and path parameters (a URL carries text only). */
const URL_VALUES = ['', '-1', '1e308', 'null', '[]', '{"a":1}', 'x'.repeat(3000), ...UNICODE.map(([, v]) => v)];

/** The body's fields, nested ones too, as paths: `title`, `metric.kind`, `events.0.good`. */
function fieldPaths(schema: JsonSchema | undefined, sample: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (!schema || depth > 3) return [];
  const s = nonNull(schema);
  const paths: string[][] = [];
  if (s.type === 'object' && sample && typeof sample === 'object' && !Array.isArray(sample)) {
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      paths.push([...prefix, key]);
      paths.push(...fieldPaths(child, (sample as Record<string, unknown>)[key], [...prefix, key], depth + 1));
    }
  } else if (s.type === 'array' && Array.isArray(sample) && sample.length > 0 && s.items) {
    paths.push(...fieldPaths(s.items, sample[0], [...prefix, '0'], depth + 1));
  }
  return paths;
}

const MARK = '__fuzz_value__';

/** The body as JSON text with the field at `at` replaced by the mutation's JSON text. */
function withValueAt(body: unknown, at: string[], json: string): string {
  const copy = structuredClone(body) as Record<string, unknown>;
  let node = copy as Record<string, unknown>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[at.at(-1) as string] = MARK;
  return JSON.stringify(copy).replace(`"${MARK}"`, () => json);
}

interface Case {
  what: string;
  url: string;
  /** The body as JSON text; absent sends none. */
  body?: string;
  expect?: Mutation['expect'];
}

/** About twenty cases for one operation: body fields first, then query and path parameters. */
function casesFor(op: Operation, random: () => number): Case[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const values = paramValues(op, a.slug, ids);
  const url = fillPath(op.path, values);
  const base = bodyFor(op, a, ids);
  const baseJson = base === undefined ? undefined : JSON.stringify(base);
  const fields = fieldPaths(op.body, base);
  const queries = op.queryParams.map((q) => q.name);
  const params = op.pathParams.filter((p) => p !== 'org');
  const cases: Case[] = [];
  for (let i = 0; i < CASES_PER_OPERATION; i++) {
    const slot = random();
    if (op.body && (fields.length === 0 || slot < 0.1)) {
      // The whole body replaced: a document that is not the object the schema wants.
      const m = pick(MUTATIONS);
      cases.push({ what: `body = ${m.name}`, url, body: m.json, expect: m.expect });
    } else if (fields.length > 0 && slot < 0.8) {
      const field = pick(fields);
      const m = pick(MUTATIONS);
      cases.push({ what: `${field.join('.')} = ${m.name}`, url, body: withValueAt(base, field, m.json), expect: m.expect });
    } else if (queries.length > 0 && slot < 0.9) {
      const name = pick(queries);
      const value = pick(URL_VALUES);
      cases.push({ what: `?${name}=${value.slice(0, 20)}`, url: `${url}?${name}=${encodeURIComponent(value)}`, body: baseJson });
    } else if (params.length > 0) {
      const name = pick(params);
      const value = pick(URL_VALUES) || 'x';
      cases.push({ what: `{${name}}=${value.slice(0, 20)}`, url: fillPath(op.path, { ...values, [name]: value }), body: baseJson });
    } else {
      const m = pick(MUTATIONS);
      cases.push({ what: `?unknown = ${m.name}`, url: `${url}?unknown=${encodeURIComponent(m.json.slice(0, 2000))}`, body: baseJson });
    }
  }
  return cases;
}

/** Sessions end on their own routes (logout, password changes): those run as the viewer, not the admin. */
function agentFor(op: Operation): Agent {
  if (op.auth === 'public') return t.anonymous();
  return op.path.startsWith('/api/v1/auth/') ? viewer : admin;
}

/** Why the answer is wrong, or null when it is an honest answer. */
function judge(res: Response, expected: Case['expect']): string | null {
  if (res.statusCode >= 500) return 'a 5xx';
  if (res.statusCode < 400) return expected ? `accepted; expected ${expected.status} ${expected.code}` : null;
  let code: string;
  try {
    code = errorOf(res).code;
  } catch (error) {
    return (error as Error).message;
  }
  if (expected && (res.statusCode !== expected.status || code !== expected.code)) {
    // A refusal that comes first (a missing right, an unknown id in the path, a rate limit) is honest too.
    if (![401, 403, 404, 409, 429].includes(res.statusCode)) return `expected ${expected.status} ${expected.code}`;
  }
  return null;
}

describe(`fuzzing every operation of the OpenAPI document (seed ${SEED})`, () => {
  it(
    `sends ${CASES_PER_OPERATION} hostile requests to each: no 5xx, every error in the one shape`,
    async () => {
      const random = generator(SEED);
      const problems: string[] = [];
      let sent = 0;
      const statuses: Record<number, number> = {};
      // Deletions last, so the things other operations name still exist while they are fuzzed; signing
      // out after them, so the viewer's session lasts through every other route of /auth.
      const rank = (op: Operation) => (op.path.endsWith('/logout') ? 2 : op.method === 'DELETE' ? 1 : 0);
      const ordered = [...ops].sort((x, y) => rank(x) - rank(y));
      for (const op of ordered) {
        for (const c of casesFor(op, random)) {
          const raw = op.method !== 'GET' && c.body !== undefined ? { payload: c.body, contentType: 'application/json' } : undefined;
          const res = await agentFor(op).request({ method: op.method, url: c.url, raw });
          sent += 1;
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          const why = judge(res, c.expect);
          if (why) problems.push(`${op.name} with ${c.what}: ${why} — got ${show(res)}`);
        }
      }
      expect(ops.length).toBeGreaterThanOrEqual(150);
      expect(sent).toBe(ops.length * CASES_PER_OPERATION);
      if (process.env.FUZZ_REPORT) console.log(JSON.stringify(statuses));
      expect(problems).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );

  it('the admin and the viewer are still signed in: the sweep exercised the routes, not the sign-in page', async () => {
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});

/** Percent-encodes, and sends half a surrogate pair as the bytes a careless client would. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

/** The client portal's pages, as the OpenAPI document lists them (`x-page`, under /c/). */
function portalPages(doc: Record<string, unknown>): { method: 'GET' | 'POST'; path: string }[] {
  const paths = doc.paths as Record<string, Record<string, { 'x-page'?: boolean }>>;
  return Object.entries(paths).flatMap(([path, methods]) =>
    path.startsWith('/c/')
      ? Object.entries(methods)
          .filter(([, op]) => op['x-page'])
          .map(([method]) => ({ method: method.toUpperCase() as 'GET' | 'POST', path }))
      : [],
  );
}

describe(`fuzzing the client portal's forms (seed ${SEED})`, () => {
  it(
    'every documented portal page takes hostile form fields, queries and ids without a 5xx, signed in or not',
    async () => {
      const random = generator(SEED + 1);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
      // A client of A signs in with the fixture's invitation, as a browser would: the link, then its button.
      const signIn = await t.app.inject({ method: 'POST', url: `/c/${a.slug}/invite/${a.invitation.token}` });
      const cookie = signIn.cookies.find((c) => c.name === 'cc_client')?.value;
      expect(signIn.statusCode).toBe(303);
      expect(cookie).toBeTruthy();
      const pages = portalPages(t.openapi);
      expect(pages.filter((p) => p.method === 'POST').length).toBeGreaterThanOrEqual(10);
      const fill = (path: string, overrides: Record<string, string> = {}) =>
        path.replace(/\{(\w+)\}/g, (_m, name: string) =>
          encode(overrides[name] ?? (name === 'org' ? a.slug : (ids[resourceOf(path, name)] ?? 'none'))),
        );
      // The form fields are read from the portal's own pages: a new form joins the sweep by construction.
      const names = new Set<string>(['text', 'title', 'score', 'email', 'name', 'comment']);
      for (const page of pages.filter((p) => p.method === 'GET')) {
        const html = (await t.app.inject({ method: 'GET', url: fill(page.path), cookies: { cc_client: cookie as string } })).body;
        for (const match of html.matchAll(/name="([^"]+)"/g)) names.add(match[1] as string);
      }
      const fields = [...names];
      if (process.env.FUZZ_REPORT) console.log(fields.join(' '));
      const formValues = [
        ...URL_VALUES,
        'a\u0000b',
        'a\uD800b',
        '9'.repeat(400),
        '-0',
        'NaN',
        'Infinity',
        '1e-400',
        '0x10',
        'я'.repeat(20_000),
      ];
      const problems: string[] = [];
      let sent = 0;
      for (const page of pages) {
        for (let i = 0; i < CASES_PER_OPERATION; i++) {
          const slot = random();
          // The organization's slug too: it becomes a cookie's path on some pages.
          const idParams = [...page.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
          const url =
            idParams.length > 0 && slot < 0.2
              ? fill(page.path, { [pick(idParams)]: pick(URL_VALUES) || 'x' })
              : `${fill(page.path)}${slot < 0.35 ? `?${pick(fields)}=${encode(pick(formValues))}` : ''}`;
          const form = new URLSearchParams();
          for (const name of fields) if (random() < 0.5) form.append(name, pick(formValues));
          // A field given twice becomes a list: the forms must take that too.
          if (random() < 0.3) form.append(pick(fields), pick(formValues));
          const signedIn = random() < 0.7;
          const res = await t.app.inject({
            method: page.method,
            url,
            cookies: signedIn ? { cc_client: cookie as string } : {},
            ...(page.method === 'POST' && {
              payload: form.toString(),
              headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' },
            }),
          });
          sent += 1;
          if (res.statusCode >= 500) problems.push(`${page.method} ${url.slice(0, 120)}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
      expect(sent).toBe(pages.length * CASES_PER_OPERATION);
      expect(problems).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );
});
