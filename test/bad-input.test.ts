/**
 * Bad input, swept over every write operation with a body and every list operation of the OpenAPI
 * document: whatever a caller sends, the answer is a 4xx in the one error shape — never a 5xx — and
 * a validation error names the offending field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, SignedInAgent } from './agent.js';
import type { OrgFixture } from './fixtures.js';
import { createTestApp, type TestApp } from './harness.js';
import { fillPath, nonNull, type Operation, operationsOf, paramValues, wrongTypeFor } from './operations.js';
import { bodyFor, expectError, namesField, Problems, seedThroughApi } from './sweep.js';

let t: TestApp;
let a: OrgFixture;
let admin: SignedInAgent;
let ops: Operation[];
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  ({ a } = await t.seedTwoOrgs());
  admin = await t.signIn(a.users.admin.email, a.users.admin.password);
  ops = operationsOf(t.openapi);
  ids = await seedThroughApi(admin, ops, a);
});

afterAll(async () => {
  await t?.close();
});

/** Who calls the operation: anonymous for public ones, A's admin otherwise. */
function agentFor(op: Operation): Agent {
  return op.auth === 'public' ? t.anonymous() : admin;
}

function urlOf(op: Operation): string {
  return fillPath(op.path, paramValues(op, a.slug, ids));
}

describe('bad request bodies', () => {
  let writes: Operation[];
  beforeAll(() => {
    writes = ops.filter((op) => op.method !== 'GET' && op.body);
  });

  it('sweeps every write with a body, public and signed-in', () => {
    expect(writes.length).toBeGreaterThanOrEqual(12);
    expect(writes.some((op) => op.auth === 'public')).toBe(true);
  });

  it('malformed JSON is 400 invalid_json naming the body', async () => {
    const problems = new Problems();
    for (const op of writes) {
      const res = await agentFor(op).request({
        method: op.method,
        url: urlOf(op),
        raw: { payload: '{"a":', contentType: 'application/json' },
      });
      if (expectError(problems, op.name, res, 400, 'invalid_json') && !namesField(res, 'body'))
        problems.add(op.name, res, 'does not name body');
    }
    expect(problems.list).toEqual([]);
  });

  it('an empty object is 422 naming every required field; a PATCH with nothing to change is 422 too', async () => {
    const problems = new Problems();
    for (const op of writes) {
      const res = await agentFor(op).request({ method: op.method, url: urlOf(op), body: {} });
      const required = op.body?.required ?? [];
      if (required.length === 0 && op.method !== 'PATCH') {
        // Every field is optional (e.g. an invitation's expiry): `{}` may succeed, but never with a 5xx.
        if (res.statusCode >= 500) problems.add(`${op.name} with {}`, res, 'a 5xx');
        continue;
      }
      if (!expectError(problems, `${op.name} with {}`, res, 422, 'validation_failed')) continue;
      const missing = required.filter((field) => !namesField(res, field));
      if (missing.length) problems.add(`${op.name} with {}`, res, `does not name ${missing.join(', ')}`);
    }
    expect(problems.list).toEqual([]);
  });

  it('no body at all is 422 naming the body, where the body has required fields', async () => {
    const problems = new Problems();
    for (const op of writes.filter((o) => (o.body?.required ?? []).length > 0)) {
      const res = await agentFor(op).request({ method: op.method, url: urlOf(op) });
      if (expectError(problems, `${op.name} without a body`, res, 422, 'validation_failed') && !namesField(res, 'body')) {
        problems.add(`${op.name} without a body`, res, 'does not name body');
      }
    }
    expect(problems.list).toEqual([]);
  });

  it('a property of the wrong JSON type is 422 naming that property', async () => {
    const problems = new Problems();
    let cases = 0;
    for (const op of writes) {
      const base = bodyFor(op, a, ids) as Record<string, unknown>;
      for (const [field, schema] of Object.entries(op.body?.properties ?? {})) {
        const wrong = wrongTypeFor(schema);
        if (wrong === undefined) continue;
        cases += 1;
        const what = `${op.name} with ${field}=${JSON.stringify(wrong)}`;
        const res = await agentFor(op).request({ method: op.method, url: urlOf(op), body: { ...base, [field]: wrong } });
        if (expectError(problems, what, res, 422, 'validation_failed') && !namesField(res, field))
          problems.add(what, res, `does not name ${field}`);
      }
    }
    expect(cases).toBeGreaterThanOrEqual(25);
    expect(problems.list).toEqual([]);
  });

  it('a string with the NUL character is 422 naming the field, on either database', async () => {
    const problems = new Problems();
    let cases = 0;
    for (const op of writes) {
      const base = bodyFor(op, a, ids) as Record<string, unknown>;
      for (const [field, schema] of Object.entries(op.body?.properties ?? {})) {
        if (nonNull(schema).type !== 'string' || nonNull(schema).enum) continue;
        cases += 1;
        const what = `${op.name} with NUL in ${field}`;
        const res = await agentFor(op).request({ method: op.method, url: urlOf(op), body: { ...base, [field]: 'a\u0000b' } });
        if (expectError(problems, what, res, 422, 'validation_failed') && !namesField(res, field))
          problems.add(what, res, `does not name ${field}`);
      }
    }
    expect(cases).toBeGreaterThanOrEqual(10);
    expect(problems.list).toEqual([]);
  });

  it('a body that is not an object (array, string, number) is 422', async () => {
    const problems = new Problems();
    for (const op of writes) {
      for (const body of [[1, 2], 'text', 42]) {
        const res = await agentFor(op).request({ method: op.method, url: urlOf(op), body });
        expectError(problems, `${op.name} with ${JSON.stringify(body)}`, res, 422, 'validation_failed');
      }
    }
    expect(problems.list).toEqual([]);
  });

  it('a body over 1 MB (or over the route’s own documented limit) is 413 payload_too_large', async () => {
    const problems = new Problems();
    for (const op of writes) {
      const payload = JSON.stringify({ name: 'x'.repeat((op.bodyLimit ?? 1024 * 1024) + 10) });
      const res = await agentFor(op).request({ method: op.method, url: urlOf(op), raw: { payload, contentType: 'application/json' } });
      expectError(problems, op.name, res, 413, 'payload_too_large');
    }
    expect(problems.list).toEqual([]);
  });

  it('a body that is not JSON is refused: 415 for an unknown type, 4xx for text or a form', async () => {
    const problems = new Problems();
    for (const op of writes) {
      const payload = JSON.stringify(bodyFor(op, a, ids));
      const url = urlOf(op);
      const xml = await agentFor(op).request({ method: op.method, url, raw: { payload: '<a/>', contentType: 'application/xml' } });
      expectError(problems, `${op.name} as XML`, xml, 415, 'unsupported_media_type');
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
        const res = await agentFor(op).request({ method: op.method, url, raw: { payload, contentType } });
        // An update whose every field is optional could accept `{}` from a form; nothing else may pass.
        if (res.statusCode < 400 && !(contentType.includes('form') && !(op.body?.required ?? []).length)) {
          problems.add(`${op.name} as ${contentType}`, res, 'accepted a body that is not JSON');
        } else if (res.statusCode >= 400) expectError(problems, `${op.name} as ${contentType}`, res);
      }
    }
    expect(problems.list).toEqual([]);
  });
});
