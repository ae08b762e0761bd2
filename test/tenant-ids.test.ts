/**
 * Ids of another organization in bodies and queries: for every operation of the OpenAPI
 * document whose body or query holds ids (`teamId`, `segmentIds`, `factors.0.promiseId`…), A's admin
 * sends A's sample with one id replaced by B's id of the same kind. The answer is a 4xx naming that
 * field (or 404), shows nothing of B, and B stays exactly as it was. The fields are read from the
 * document, so a new one joins by itself; one whose kind cannot be told fails the test until it is
 * mapped below or listed as not an id of the organization's records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInAgent } from './agent.js';
import { backTeam } from './backing-fixture.js';
import { created } from './expect-api.js';
import { type OrgFixture, orgContext, secretsOf, snapshotOrg, type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, errorOf, type Response, show, type TestApp } from './harness.js';
import {
  fillPath,
  idFieldsOf,
  idHints,
  isIdName,
  type Operation,
  operationsOf,
  paramValues,
  sampleOf,
  schemaAt,
  withValueAt,
} from './operations.js';
import { fillReserve, freshReserveIds } from './reserve-fixture.js';
import { bodyFor, call, createThroughApi, isError, leaksIn, Problems, seedThroughApi } from './sweep.js';

/** Fields named like ids that hold no id of the organization's records, and why. */
const NOT_TENANT_IDS: Record<string, string> = {
  // A client's or an event's id in the organization's own systems: free text the API never looks up.
  externalId: 'an id in the organization’s own systems',
  // The event import's column mapping: the file's column header that holds the client, not an id.
  'mapping.clientId': 'a column header of the imported file',
};

/** Fields whose name does not say the kind of record they hold. */
const KIND_OF_FIELD: Record<string, string> = {
  intoId: 'proposal', // the proposal a duplicate is merged into
  targetIds: 'pain', // a value item's pains (a reliever's) or gains (a creator's)
  actorId: 'user', // the audit log's filter by who acted
  entityId: 'team', // the audit log's filter by any record's id: a team's stands for all
};

/**
 * What an operation's id field needs beyond the generic sample for A's own id to pass (otherwise
 * refusing B's would prove nothing): another record in the path, a body of the right kind, or
 * another of A's records as the id. `ids` holds A's ids, with those `seedStates` adds.
 */
type Setup = { params?: Record<string, string>; body?: (sample: Record<string, unknown>) => unknown; a?: string };
const SETUPS: Record<string, (ids: Record<string, string>) => Setup> = {
  'POST /api/v1/orgs/{org}/segments/{segmentId}/value-items targetIds': () => ({ body: (s) => ({ ...s, kind: 'reliever' }) }),
  'PATCH /api/v1/orgs/{org}/value-items/{valueItemId} targetIds': (ids) => ({ params: { valueItemId: ids.reliever! } }),
  'POST /api/v1/orgs/{org}/promises promiseeTeamId': (ids) => ({
    body: (s) => ({ ...s, kind: 'internal', promiseeSegmentId: undefined }),
    a: ids.otherTeam,
  }),
  'POST /api/v1/orgs/{org}/promises supportsPromiseId': (ids) => ({
    body: (s) => ({ ...s, kind: 'internal', promiseeSegmentId: undefined, promiseeTeamId: ids.otherTeam }),
  }),
  'POST /api/v1/orgs/{org}/promises/{promiseId}/versions promiserTeamId': (ids) => ({ params: { promiseId: ids.published! } }),
  'POST /api/v1/orgs/{org}/periods/{period}/trades promiseId': (ids) => ({ a: ids.internal }),
  'POST /api/v1/orgs/{org}/proposals/{proposalId}/implementation implementedId': (ids) => ({ params: { proposalId: ids.accepted! } }),
  // Triage takes an existing pain or a new one, not both: each id field is tried alone.
  'POST /api/v1/orgs/{org}/feedback/{feedbackId}/triage painId': () => ({ body: (s) => ({ ...s, newPain: undefined }) }),
  'POST /api/v1/orgs/{org}/feedback/{feedbackId}/triage newPain.segmentId': () => ({ body: (s) => ({ ...s, painId: undefined }) }),
};

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let ops: Operation[];
let idsA: Record<string, string>;
let idsB: Record<string, string>;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  ops = operationsOf(t.openapi).filter((op) => op.path.includes('{org}') && op.auth !== 'public');
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  idsA = await seedThroughApi(admin, ops, orgs.a);
  // A second proposal of A to merge the first into (merging one into itself proves nothing).
  idsA.mergeInto = (await createThroughApi(admin, ops, orgs.a, idsA, 'proposal')) ?? '';
  Object.assign(idsA, await seedStates(admin, orgs.a, idsA));
  idsB = await seedThroughApi(await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password), ops, orgs.b);
  before = await snapshotOrg(t.db, orgs.b.id);
});

afterAll(async () => {
  await t?.close();
});

/** Records of A in the states some operations act on, made through the API (and a reserve round). */
async function seedStates(agent: SignedInAgent, org: OrgFixture, ids: Record<string, string>): Promise<Record<string, string>> {
  const base = `/api/v1/orgs/${org.slug}`;
  const reliever = await created(
    await agent.post(`${base}/segments/${ids.segment}/value-items`, { kind: 'reliever', name: `Reliever ${unique()}`, description: '' }),
  );
  const promises = ops.find((op) => op.name === 'POST /api/v1/orgs/{org}/promises')!;
  // A client promise publishes with a capability of its team and a right granted to it, declared.
  const backing = await backTeam(agent, org.slug, org.team.id);
  const published = await created(await agent.post(`${base}/promises`, { ...(bodyFor(promises, org, ids) as object), ...backing }));
  // The admin is not in the team: acting for it says why (issue 17).
  const publishing = await agent.post(`${base}/promises/${published.id}/publish`, {
    override: { reason: 'the sweep publishes for the team' },
  });
  expect(publishing.statusCode, show(publishing)).toBe(200);
  const internal = await created(
    await agent.post(`${base}/promises`, {
      ...(bodyFor(promises, org, ids) as object),
      kind: 'internal',
      promiseeSegmentId: undefined,
      promiseeTeamId: ids.otherTeam,
    }),
  );
  const proposal = await created(await agent.post(`${base}/proposals`, { title: `Accepted ${unique()}`, body: 'Open on Saturdays' }));
  const accepting = await agent.post(`${base}/proposals/${proposal.id}/status`, { status: 'accepted', answer: 'We will' });
  expect(accepting.statusCode, show(accepting)).toBe(200);
  const ctx = await orgContext(t.db, org.slug, { type: 'user', id: org.users.admin.id, label: org.users.admin.email });
  // A month other than the sweeps' own (2001-01), which must stay open for ledger lines and trades.
  await fillReserve({ ...ctx, role: 'admin' }, '2000-12', 1_000_000);
  const reserve = await freshReserveIds({ ...ctx, role: 'admin' }, '/reserve-rounds', org.client.id);
  return { reliever: reliever.id, published: published.id, internal: internal.id, accepted: proposal.id, ...reserve };
}

/** The value at a dotted path of a body, or undefined. */
function valueAt(body: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
    body,
  );
}

/**
 * The kind of record an id field holds: its `…Type` sibling's value when it has one (`subjectType`),
 * the table above, its own name (`segmentIds` → segment, `valueItemId` → value-item), or the last
 * word of it (`promiserTeamId` → team). Undefined when none of these names a kind B has.
 */
function kindOf(field: string, body: unknown): string | undefined {
  const path = field.split('.');
  const name = path.at(-1) as string;
  const stem = name.replace(/Ids?$/, '');
  const sibling = valueAt(body, [...path.slice(0, -1), `${stem}Type`]);
  const candidates = [
    typeof sibling === 'string' ? sibling : undefined,
    KIND_OF_FIELD[name],
    stem.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
    /[A-Z][a-z]*$/.exec(stem)?.[0].toLowerCase(),
  ];
  return candidates.find((kind) => kind !== undefined && idsB[kind] !== undefined && idsA[kind] !== undefined);
}

/**
 * A's id for the field — the sample's own when it already holds one of A's records (a request's
 * other team), else A's record of the kind — and B's record in the same place.
 */
function counterparts(kind: string, given: unknown): [string, string] {
  const own = Array.isArray(given) ? given[0] : given;
  const key = Object.keys(idsA).find((k) => idsA[k] === own);
  if (!key) return [idsA[kind] as string, idsB[kind] as string];
  return [idsA[key] as string, (idsB[key] ?? idsB[kind]) as string];
}

/**
 * True when the answer refuses the field: a 4xx naming it, or 404; or, from a batch that takes what
 * it can (events), a 2xx that accepted nothing and names the field in every rejection.
 */
function refusesField(res: Response, field: string): boolean {
  if (res.statusCode < 300) {
    const batch = res.json() as { accepted?: unknown; rejected?: { reason?: string }[] };
    const name = field.split('.').at(-1) as string;
    return batch.accepted === 0 && !!batch.rejected?.length && batch.rejected.every((r) => r.reason?.includes(name));
  }
  return isError(res, [400, 403, 404, 409, 422]) && (res.statusCode === 404 || namesIdField(res, field));
}

/** A sample of an operation's query parameters (a polymorphic filter's type among them). */
function querySampleOf(op: Operation): Record<string, unknown> {
  return Object.fromEntries(op.queryParams.map((q) => [q.name, sampleOf(q.schema, {}, q.name)]));
}

/** True when the error names the field: its path, or its name in the message. */
function namesIdField(res: Response, field: string): boolean {
  const name = field.split('.').at(-1) as string;
  const error = errorOf(res);
  return (
    error.fields.some((f) => f.path === field || f.path.startsWith(`${field}.`) || f.path.endsWith(name)) || error.message.includes(name)
  );
}

function forbiddenOfB(): string[] {
  return [...new Set([...secretsOf(orgs.b), ...Object.values(idsB), orgs.b.slug])];
}

/** Operations with id fields in their body, each with those fields' paths. */
function bodyIdFields(): [Operation, string[]][] {
  return ops.flatMap((op): [Operation, string[]][] => {
    const fields = op.body
      ? idFieldsOf(op.body).filter((f) => !(f in NOT_TENANT_IDS) && !((f.split('.').at(-1) as string) in NOT_TENANT_IDS))
      : [];
    return fields.length ? [[op, fields]] : [];
  });
}

describe('ids of another organization in bodies and queries', () => {
  it('finds the id fields in the document, and knows the kind of every one', () => {
    const fields = bodyIdFields();
    // Guards against a sweep that silently covers nothing (e.g. the document's shape changed).
    expect(fields.length).toBeGreaterThanOrEqual(20);
    expect(fields.flatMap(([op, list]) => list.map((f) => `${op.name} ${f}`))).toContain(
      'PUT /api/v1/orgs/{org}/canvases/{canvasId} factors.0.promiseId',
    );
    const unknown = fields.flatMap(([op, list]) =>
      list.filter((f) => kindOf(f, bodyFor(op, orgs.a, idsA)) === undefined).map((f) => `${op.name} ${f}`),
    );
    const queries = ops.flatMap((op) =>
      op.queryParams
        .filter((q) => isIdName(q.name) && !(q.name in NOT_TENANT_IDS) && !kindOf(q.name, querySampleOf(op)))
        .map((q) => `${op.name} ?${q.name}`),
    );
    // A new id field: map its kind in KIND_OF_FIELD, or say in NOT_TENANT_IDS why it holds no tenant's id.
    expect([...unknown, ...queries]).toEqual([]);
  });

  it('refuses B’s id in any id field of a body with a 4xx naming the field (or 404), showing nothing of B', async () => {
    const problems = new Problems();
    const forbidden = forbiddenOfB();
    for (const [op, fields] of bodyIdFields()) {
      for (const field of fields) {
        const setup = SETUPS[`${op.name} ${field}`]?.(idsA) ?? {};
        const values = { ...paramValues(op, orgs.a.slug, idsA), ...setup.params };
        const generic = bodyFor(op, orgs.a, idsA) as Record<string, unknown>;
        const sample = setup.body ? setup.body(generic) : generic;
        const kind = kindOf(field, sample);
        if (!kind) continue; // reported by the test above
        const [a, b] = counterparts(kind, setup.a ?? valueAt(sample, field.split('.')));
        const isList = schemaAt(op.body!, field)?.type === 'array';
        const hints = idHints(idsA);
        const what = `${op.name} with B's ${kind} in ${field}`;
        const res = await call(admin, op, values, withValueAt(sample, op.body!, field, isList ? [a, b] : b, hints));
        if (!refusesField(res, field)) {
          problems.add(what, res, 'expected a 4xx naming the field, or 404');
        }
        const leaked = leaksIn(res, forbidden, [b]);
        if (leaked.length) problems.add(what, res, `shows B's ${leaked.join(', ')}`);
        // The same body with A's id must get past that field: otherwise the refusal above proves nothing.
        const control = await call(admin, op, values, withValueAt(sample, op.body!, field, isList ? [a] : a, hints));
        const refusedOnField =
          control.statusCode >= 500 ||
          (isError(control, [404], 'not_found') && res.statusCode === 404) ||
          (isError(control, [400, 422], 'validation_failed') && namesIdField(control, field));
        if (refusedOnField)
          problems.add(`${op.name} with A's ${kind} in ${field}`, control, 'the sample is refused on the same field with A’s own id');
      }
    }
    expect(problems.list).toEqual([]);
  });

  it('answers B’s id in an id filter of a query with a 4xx naming it or an empty page, showing nothing of B', async () => {
    const problems = new Problems();
    const forbidden = forbiddenOfB();
    for (const op of ops.filter((o) => o.method === 'GET')) {
      for (const { name } of op.queryParams.filter((q) => isIdName(q.name) && !(q.name in NOT_TENANT_IDS))) {
        const sample = querySampleOf(op);
        const kind = kindOf(name, sample);
        if (!kind) continue;
        const b = idsB[kind] as string;
        // A polymorphic filter goes with its type (`subjectType=team&subjectId=…`).
        const typed = `${name.replace(/Ids?$/, '')}Type`;
        const query = new URLSearchParams({ ...(typed in sample && { [typed]: String(sample[typed]) }), [name]: b });
        const url = `${fillPath(op.path, paramValues(op, orgs.a.slug, idsA))}?${query}`;
        const res = await admin.get(url);
        const what = `${op.name}?${name}=B's ${kind}`;
        if (res.statusCode >= 500) problems.add(what, res, 'expected no 5xx');
        else if (res.statusCode < 300) {
          // A download (`…/export`) answers CSV: its rows are the lines after the header.
          const isCsv = String(res.headers['content-type'] ?? '').startsWith('text/csv');
          const items = isCsv
            ? res.rawPayload.toString('utf8').trimEnd().split('\r\n').slice(1)
            : (res.json() as { items?: unknown[] }).items;
          if (items && items.length > 0) problems.add(what, res, 'expected no rows: none of A’s records holds B’s id');
        } else if (!isError(res, [400, 404, 422]) || (res.statusCode !== 404 && !namesIdField(res, name))) {
          problems.add(what, res, 'expected a 4xx naming the field, or 404');
        }
        const leaked = leaksIn(res, forbidden, [b]);
        if (leaked.length) problems.add(what, res, `shows B's ${leaked.join(', ')}`);
      }
    }
    expect(problems.list).toEqual([]);
  });

  it('leaves every row of B exactly as it was', async () => {
    expect(await snapshotOrg(t.db, orgs.b.id)).toEqual(before);
  });
});
