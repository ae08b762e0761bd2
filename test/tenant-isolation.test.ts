/**
 * Tenant isolation, swept over every operation of the OpenAPI document that takes `{org}`: nobody
 * from organization A — in any role, or with A's API token — can read or change anything of B, by
 * B's slug or by guessing B's ids under A's slug. Routes added later are swept without editing this.
 * Its siblings: tenant-ids.test.ts (B's ids in bodies and queries), tenant-portal.test.ts (the portal).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/core/access/permissions.js';
import type { Agent, SignedInAgent } from './agent.js';
import { secretsOf, snapshotOrg, type TwoOrgs } from './fixtures.js';
import { createTestApp, errorOf, type TestApp } from './harness.js';
import { type Operation, operationsOf, paramValues, resourceOf } from './operations.js';
import { bodyFor, call, callWith, isError, leaksIn, Problems, seedThroughApi } from './sweep.js';

let t: TestApp;
let orgs: TwoOrgs;
let ops: Operation[];
let principals: [string, Agent][];
let snapshotBefore: Record<string, unknown[]>;
/** Fixture ids plus one of every kind later modules add, made through the API. */
let idsA: Record<string, string>;
let idsB: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  // Public operations (the promise board) answer anyone by design; they are not a tenant's.
  ops = operationsOf(t.openapi).filter((op) => op.path.includes('{org}') && op.auth !== 'public');
  const agents: [string, SignedInAgent][] = [];
  for (const role of ROLES) agents.push([role, await t.signIn(orgs.a.users[role as Role].email, orgs.a.users[role as Role].password)]);
  principals = [...agents, ['token of A (scope all)', t.withToken(orgs.a.token.secret)]];
  idsA = await seedThroughApi(agents[0]![1], ops, orgs.a);
  idsB = await seedThroughApi(await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password), ops, orgs.b);
  snapshotBefore = await snapshotOrg(t.db, orgs.b.id);
});

afterAll(async () => {
  await t?.close();
});

/** B's ids to try for a path parameter; a kind the fixture does not know gets each of B's ids in turn. */
function candidatesFor(op: Operation, param: string): string[] {
  const kind = resourceOf(op.path, param);
  return idsB[kind] ? [idsB[kind]] : [...new Set(Object.values(idsB))];
}

/** Everything of B that must not show: the fixture's values and the ids of what the API made. */
function forbiddenOfB(): string[] {
  return [...new Set([...secretsOf(orgs.b), ...Object.values(idsB), orgs.b.slug])];
}

describe('tenant isolation', () => {
  it('sweeps every route that takes {org}', () => {
    // Guards against a sweep that silently covers nothing (e.g. the document's shape changed).
    expect(ops.length).toBeGreaterThanOrEqual(20);
    expect(ops.some((op) => op.method === 'DELETE')).toBe(true);
  });

  it('answers 403/404 to every role and token of A on every route of B, and shows none of B', async () => {
    const problems = new Problems();
    const forbidden = forbiddenOfB();
    for (const [who, agent] of principals) {
      for (const op of ops) {
        const body = bodyFor(op, orgs.b, idsB);
        const params = op.pathParams.filter((p) => p !== 'org' && p !== 'period'); // a month is a value, not an id
        // Every combination of candidates is small: one id per known kind.
        const variants = params.length === 0 ? [{}] : expand(params.map((p) => candidatesFor(op, p).map((id) => [p, id] as const)));
        for (const variant of variants) {
          const res = await call(
            agent,
            op,
            { org: orgs.b.slug, ...(op.pathParams.includes('period') && { period: '2001-01' }), ...variant },
            body,
          );
          const what = `${op.name} as ${who} with B's slug`;
          if (!isError(res, [403, 404])) problems.add(what, res, 'expected 403 or 404 in the error shape');
          const leaked = leaksIn(res, forbidden, [orgs.b.slug]);
          if (leaked.length) problems.add(what, res, `shows B's ${leaked.join(', ')}`);
        }
      }
    }
    expect(problems.list).toEqual([]);
  });

  it('answers 404 to A guessing B ids under A’s own slug, alone or mixed with A’s ids', async () => {
    const problems = new Problems();
    const forbidden = forbiddenOfB();
    const guessers: [string, Agent][] = [principals[0] as [string, Agent], principals[principals.length - 1] as [string, Agent]];
    for (const [who, agent] of guessers) {
      for (const op of ops) {
        const params = op.pathParams.filter((p) => p !== 'org' && p !== 'period'); // a month is a value, not an id
        if (params.length === 0) continue;
        // All of B's ids, then each parameter alone with B's id and the rest with A's.
        const variants = [params, ...(params.length > 1 ? params.map((p) => [p]) : [])];
        for (const fromB of variants) {
          const values = paramValues(op, orgs.a.slug, idsA);
          for (const p of fromB) values[p] = idsB[resourceOf(op.path, p)] ?? idsB.team!;
          const res = await call(agent, op, values, bodyFor(op, orgs.a, idsA));
          const what = `${op.name} as ${who} of A with B's ${fromB.join(', ')}`;
          if (!isError(res, [404], 'not_found')) problems.add(what, res, 'expected 404 not_found');
          const leaked = leaksIn(res, forbidden, Object.values(values));
          if (leaked.length) problems.add(what, res, `shows B's ${leaked.join(', ')}`);
        }
      }
    }
    expect(problems.list).toEqual([]);
  });

  it('GET /orgs/A/teams/{B team id} is 404, exactly like a team that does not exist', async () => {
    const admin = principals[0]![1];
    const res = await admin.get(`/api/v1/orgs/${orgs.a.slug}/teams/${orgs.b.team.id}`);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('not_found');
    expect(res.body).not.toContain(orgs.b.team.name);
  });

  it('refuses to add a person of B to a team of A by user id (422 naming userId)', async () => {
    const admin = principals[0]![1];
    const res = await admin.post(`/api/v1/orgs/${orgs.a.slug}/teams/${orgs.a.team.id}/members`, { userId: orgs.b.users.viewer.id });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).fields.map((f) => f.path)).toContain('userId');
    const members = await t.db.selectFrom('team_members').select('user_id').where('team_id', '=', orgs.a.team.id).execute();
    expect(members.map((m) => m.user_id)).toEqual([orgs.a.users.member.id]);
  });

  it('answers 401 to an anonymous caller on every route of B', async () => {
    const problems = new Problems();
    const anonymous = t.anonymous();
    for (const op of ops) {
      const res = await callWith(anonymous, op, orgs.b.slug, idsB, bodyFor(op, orgs.b, idsB));
      if (!isError(res, [401], 'unauthenticated')) problems.add(`${op.name} anonymously`, res, 'expected 401 unauthenticated');
    }
    expect(problems.list).toEqual([]);
  });

  it('leaves every row of B exactly as it was after all of the above', async () => {
    expect(await snapshotOrg(t.db, orgs.b.id)).toEqual(snapshotBefore);
  });
});

/** The cartesian product of per-parameter choices, as path values. */
function expand(choices: (readonly [string, string])[][]): Record<string, string>[] {
  return choices.reduce<Record<string, string>[]>(
    (acc, options) => acc.flatMap((partial) => options.map(([name, value]) => ({ ...partial, [name]: value }))),
    [{}],
  );
}
