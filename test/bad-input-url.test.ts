/**
 * Bad input in the URL, swept over every operation of the OpenAPI document: query parameters of the
 * wrong kind, cursors this server never made, NUL characters and broken percent-escapes in paths and
 * queries. The answer is always a 4xx in the one error shape naming the parameter — never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../src/core/pagination.js';
import type { Agent, SignedInAgent } from './agent.js';
import type { OrgFixture } from './fixtures.js';
import { createTestApp, type TestApp } from './harness.js';
import { fillPath, isList, type Operation, operationsOf, paramValues } from './operations.js';
import { expectError, namesField, Problems, requiredQueryOf, seedThroughApi } from './sweep.js';

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

function urlOf(op: Operation, values: Record<string, string> = {}): string {
  return fillPath(op.path, { ...paramValues(op, a.slug, ids), ...values });
}

describe('bad query parameters', () => {
  let lists: Operation[];
  beforeAll(() => {
    lists = ops.filter(isList);
  });

  it('sweeps every list', () => {
    expect(lists.length).toBeGreaterThanOrEqual(8);
  });

  const cases: [string, string][] = [
    ['limit=abc', 'limit'],
    ['limit=0', 'limit'],
    ['limit=100000', 'limit'],
    ['limit=2.5', 'limit'],
    ['cursor=garbage', 'cursor'],
    // Well-formed base64url JSON that this server never makes: a fractional or an unsafe time.
    [`cursor=${encodeCursor({ t: 1.5, id: 'x' })}`, 'cursor'],
    [`cursor=${encodeCursor({ t: 1e300, id: 'x' })}`, 'cursor'],
    [`cursor=${Buffer.from('{"t":1}').toString('base64url')}`, 'cursor'],
    ['cursor=%00', 'cursor'],
  ];

  it.each(cases)('?%s is 422 naming %s on every list', async (query, field) => {
    const problems = new Problems();
    for (const op of lists) {
      // A list that needs a query parameter of its own (`?text=` of a search) gets a valid one: only the page is bad.
      const required = requiredQueryOf(op);
      const res = await agentFor(op).get(`${urlOf(op)}${required ? `${required}&` : '?'}${query}`);
      if (expectError(problems, `${op.name}?${query}`, res, 422, 'validation_failed') && !namesField(res, field)) {
        problems.add(`${op.name}?${query}`, res, `does not name ${field}`);
      }
    }
    expect(problems.list).toEqual([]);
  });

  it('every numeric query parameter given a word is 422 naming it', async () => {
    const problems = new Problems();
    let count = 0;
    for (const op of ops.filter((o) => o.method === 'GET')) {
      for (const param of op.queryParams.filter((p) => ['integer', 'number'].includes(String(p.schema.type)))) {
        count += 1;
        const res = await agentFor(op).get(`${urlOf(op)}?${param.name}=abc`);
        if (expectError(problems, `${op.name}?${param.name}=abc`, res, 422) && !namesField(res, param.name)) {
          problems.add(`${op.name}?${param.name}=abc`, res, `does not name ${param.name}`);
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(10);
    expect(problems.list).toEqual([]);
  });

  it('every query parameter given the NUL character is 422 naming it', async () => {
    const problems = new Problems();
    let count = 0;
    for (const op of ops.filter((o) => o.method === 'GET')) {
      for (const param of op.queryParams) {
        count += 1;
        const res = await agentFor(op).get(`${urlOf(op)}?${param.name}=a%00b`);
        if (expectError(problems, `${op.name}?${param.name}=a%00b`, res, 422) && !namesField(res, param.name)) {
          problems.add(`${op.name}?${param.name}=a%00b`, res, `does not name ${param.name}`);
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(15);
    expect(problems.list).toEqual([]);
  });
});

describe('bad path parameters', () => {
  it('a path parameter with the NUL character is a 4xx in the error shape on every route', async () => {
    const problems = new Problems();
    for (const op of ops) {
      for (const param of op.pathParams) {
        const res = await agentFor(op).request({
          method: op.method,
          url: urlOf(op, { [param]: 'a\u0000b' }),
          body: op.body ? {} : undefined,
        });
        expectError(problems, `${op.name} with NUL in {${param}}`, res);
      }
    }
    expect(problems.list).toEqual([]);
  });

  it('a broken percent-escape in the path is 400 in the error shape', async () => {
    const problems = new Problems();
    for (const op of ops.filter((o) => o.pathParams.length > 0)) {
      // The first path parameter (the organization's slug on organization routes) gets the broken escape.
      const url = urlOf(op, { [op.pathParams[0] as string]: 'BROKEN' }).replace('BROKEN', '%FF');
      expectError(problems, `${op.name} at ${url}`, await agentFor(op).request({ method: op.method, url }), 400, 'bad_request');
    }
    expect(problems.list).toEqual([]);
  });

  it('a path or id far longer than any id is a 4xx, not a 5xx', async () => {
    const problems = new Problems();
    for (const op of ops) {
      for (const param of op.pathParams) {
        const res = await agentFor(op).request({ method: op.method, url: urlOf(op, { [param]: 'x'.repeat(400) }) });
        expectError(problems, `${op.name} with a long {${param}}`, res);
      }
    }
    expect(problems.list).toEqual([]);
  });
});
