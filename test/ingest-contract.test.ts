/**
 * The ingest contract: only a malformed envelope refuses a batch; every problem
 * of one event — its shape, its range, its client, whether it can be judged, an externalId taken by a
 * different payload — is refused alone with its index, path and code while the rest are accepted,
 * in JSON and in text/csv (rows as the file counts them). A void takes an event out of every counter
 * level, is audited, and only admins and tokens with events:write may do it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOrganization, importOrganization, ZExportFile } from '../src/modules/export-file.js';
import { evaluateDue } from '../src/modules/promises/evaluator.service.js';
import { rebuildCounters } from '../src/modules/promises/ingest.service.js';
import { created, expectApiError as expectError } from './expect-api.js';
import { type TwoOrgs, unique } from './fixtures.js';
import { type Agent, createTestApp, createTestDatabase, type SignedInAgent, show, type TestApp } from './harness.js';
import { dereferenced } from './operations.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let member: SignedInAgent;
let viewer: SignedInAgent;
let token: Agent;
let segmentId: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const DAY = 24 * 3600 * 1000;
const now = Date.now();
const daysAgo = (days: number) => new Date(now - days * DAY).toISOString();

async function ratioPromise(): Promise<string> {
  const p = await created(
    await member.post(`${A()}/promises`, {
      title: `Answer within a day ${unique()}`,
      statement: 'Every warranty request is answered within a day',
      kind: 'client',
      promiserTeamId: orgs.a.team.id,
      promiseeSegmentId: segmentId,
      metric: { kind: 'ratio' },
      target: 0.9,
      window: { kind: 'rolling', days: 30 },
    }),
  );
  return p.id as string;
}

async function tokenWith(scopes: string[]): Promise<Agent> {
  const made = await created(await admin.post(`${A()}/tokens`, { name: `Token ${unique()}`, scopes }));
  return t.withToken(made.token as string);
}

const send = (agent: Agent, id: string, events: unknown[]) => agent.post(`${A()}/promises/${id}/events`, { events });
const sendCsv = (agent: Agent, id: string, csv: string) =>
  agent.request({ method: 'POST', url: `${A()}/promises/${id}/events`, raw: { payload: csv, contentType: 'text/csv' } });
const statusOf = async (id: string) => (await member.get(`${A()}/promises/${id}/status`)).json();
type Rejection = { index: number; row?: number; externalId: string | null; path: string; code: string; message: string; reason: string };
const brief = (rejected: Rejection[]) => rejected.map((r) => [r.index, r.externalId, r.path, r.code]);

/** Good and total of a promise's counters at each level: every level must count the same events. */
async function countersByLevel(promiseId: string, db = t.db) {
  const rows = await db.selectFrom('promise_counters').select(['level', 'good', 'total']).where('promise_id', '=', promiseId).execute();
  const levels = new Map<number, { good: number; total: number }>();
  for (const r of rows) {
    const sum = levels.get(Number(r.level)) ?? { good: 0, total: 0 };
    sum.good += Number(r.good);
    sum.total += Number(r.total);
    levels.set(Number(r.level), sum);
  }
  return [...levels.values()];
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  viewer = await t.signIn(orgs.a.users.viewer.email, orgs.a.users.viewer.password);
  token = t.withToken(orgs.a.token.secret);
  segmentId = (await created(await admin.post(`${A()}/segments`, { name: 'House owners', kind: 'customer' }))).id;
});
afterAll(() => t.close());

describe('a batch judges each event on its own', () => {
  it('accepts the good events and refuses each bad one with its index, path and code', async () => {
    const id = await ratioPromise();
    const before = await send(token, id, [
      { externalId: 'stored-1', occurredAt: daysAgo(3), good: true },
      { externalId: 'stored-2', occurredAt: daysAgo(3), good: true },
    ]);
    expect(before.json(), show(before)).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const longId = 'x'.repeat(201);
    const res = await send(token, id, [
      { externalId: 'ok-1', occurredAt: daysAgo(1), good: true },
      { externalId: 'ok-2', occurredAt: daysAgo(2), good: false, clientId: orgs.a.client.id },
      { externalId: 'type', occurredAt: daysAgo(1), good: 'yes' },
      { externalId: 'missing', good: true },
      { externalId: 'null', occurredAt: null, good: true },
      { externalId: longId, occurredAt: daysAgo(1), good: true },
      { externalId: 'not-iso', occurredAt: '01.11.2026 10:00', good: true },
      { externalId: 'stranger', occurredAt: daysAgo(1), good: true, clientId: orgs.b.client.id },
      { externalId: 'late', occurredAt: new Date(now + 2 * DAY).toISOString(), good: true },
      { externalId: 'no-good', occurredAt: daysAgo(1), value: 3 },
      { externalId: 'ok-1', occurredAt: daysAgo(1), good: false },
      { externalId: 'ok-1', occurredAt: daysAgo(1), good: true },
      { externalId: 'stored-1', occurredAt: daysAgo(3), good: false },
      { externalId: 'stored-2', occurredAt: daysAgo(3), good: true },
      42,
      { externalId: 17, occurredAt: daysAgo(1), good: true },
    ]);
    expect(res.statusCode, show(res)).toBe(200);
    const body = res.json() as { accepted: number; duplicates: number; rejected: Rejection[] };
    expect([body.accepted, body.duplicates]).toEqual([2, 2]);
    expect(brief(body.rejected)).toEqual([
      [2, 'type', 'events.2.good', 'validation_failed'],
      [3, 'missing', 'events.3.occurredAt', 'validation_failed'],
      [4, 'null', 'events.4.occurredAt', 'validation_failed'],
      [5, longId, 'events.5.externalId', 'validation_failed'],
      [6, 'not-iso', 'events.6.occurredAt', 'validation_failed'],
      [7, 'stranger', 'events.7.clientId', 'unknown_client'],
      [8, 'late', 'events.8.occurredAt', 'out_of_range'],
      [9, 'no-good', 'events.9.good', 'unjudgeable'],
      [10, 'ok-1', 'events.10.externalId', 'conflict'],
      [12, 'stored-1', 'events.12.externalId', 'conflict'],
      [14, null, 'events.14', 'validation_failed'],
      [15, null, 'events.15.externalId', 'validation_failed'],
    ]);
    for (const r of body.rejected) {
      expect(r.reason).toBe(r.message);
      expect(r).not.toHaveProperty('row');
    }
    expect(body.rejected[8]!.message).toContain('event 0 of this batch with a different good');
    expect(body.rejected[9]!.message).toContain('an event already stored with a different good');
    // stored-1 and stored-2 (good), ok-1 (good), ok-2 (bad); the conflicting stored-1 changed nothing.
    expect(await statusOf(id)).toMatchObject({ good: 3, total: 4, attainment: 0.75 });
    const events = (await member.get(`${A()}/promises/${id}/events`)).json().items as { externalId: string; good: boolean }[];
    expect(events.find((e) => e.externalId === 'stored-1')).toMatchObject({ good: true, voided: null });
    // A retry of the whole batch: every accepted event is now a duplicate, the same refusals again.
    const again = await send(token, id, [
      { externalId: 'ok-1', occurredAt: daysAgo(1), good: true },
      { externalId: 'ok-2', occurredAt: daysAgo(2), good: false, clientId: orgs.a.client.id },
      { externalId: 'ok-2', occurredAt: daysAgo(2), good: false },
    ]);
    expect(again.json(), show(again)).toMatchObject({ accepted: 0, duplicates: 2, rejected: [{ index: 2, code: 'conflict' }] });
    expect(again.json().rejected[0].message).toContain('clientId');
  });

  it('refuses only a malformed envelope as a whole', async () => {
    const id = await ratioPromise();
    const url = `${A()}/promises/${id}/events`;
    expectError(
      await token.request({ method: 'POST', url, raw: { payload: '{"events": [', contentType: 'application/json' } }),
      400,
      'invalid_json',
    );
    expectError(await token.post(url, [{ externalId: 'a', occurredAt: daysAgo(1), good: true }]), 422, 'validation_failed', 'body');
    expectError(await token.post(url, { items: [] }), 422, 'validation_failed', 'events');
    expectError(await token.post(url, { events: {} }), 422, 'validation_failed', 'events');
    expectError(await token.post(url, { events: [] }), 422, 'validation_failed', 'events');
    const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ externalId: `e-${i}`, occurredAt: daysAgo(1), good: true }));
    expectError(await token.post(url, { events: tooMany }), 422, 'validation_failed', 'events');
    const huge = JSON.stringify({ events: [{ externalId: 'a', occurredAt: daysAgo(1), good: true, pad: 'p'.repeat(9 * 1024 * 1024) }] });
    expectError(
      await token.request({ method: 'POST', url, raw: { payload: huge, contentType: 'application/json' } }),
      413,
      'payload_too_large',
    );
    expect(await statusOf(id)).toMatchObject({ total: 0 });
  });

  it('reads text/csv the same, naming rows as the file counts them (header = row 1)', async () => {
    const id = await ratioPromise();
    const csv = [
      'externalId,occurredAt,good,clientId',
      `c-1,${daysAgo(1)},true,`,
      'c-2,not-a-date,true,',
      '',
      `c-3,${daysAgo(1)},maybe,`,
      `c-4,${daysAgo(1)},false,${orgs.b.client.id}`,
      `c-1,${daysAgo(1)},false,`,
      `c-5,${daysAgo(1)},,`,
      `c-6,${daysAgo(2)},no,${orgs.a.client.id}`,
      `c-1,${daysAgo(1)},yes,`,
    ].join('\n');
    const res = await sendCsv(token, id, csv);
    expect(res.statusCode, show(res)).toBe(200);
    const body = res.json() as { accepted: number; duplicates: number; rejected: Rejection[] };
    expect([body.accepted, body.duplicates]).toEqual([2, 1]);
    expect(body.rejected.map((r) => [r.row, r.index, r.externalId, r.path, r.code])).toEqual([
      [3, 1, 'c-2', 'events.1.occurredAt', 'validation_failed'],
      [5, 2, 'c-3', 'events.2.good', 'validation_failed'],
      [6, 3, 'c-4', 'events.3.clientId', 'unknown_client'],
      [7, 4, 'c-1', 'events.4.externalId', 'conflict'],
      [8, 5, 'c-5', 'events.5.good', 'unjudgeable'],
    ]);
    expect(await statusOf(id)).toMatchObject({ good: 1, total: 2 });
    // A file the reader cannot read at all is still refused whole.
    expectError(await sendCsv(token, id, 'externalId,when\nx,y\n'), 422, 'validation_failed', 'csv');
  });

  it('documents the event fields and text/csv on the operation', () => {
    const op = (
      dereferenced(t.openapi).paths as Record<string, Record<string, { requestBody: { content: Record<string, { schema: unknown }> } }>>
    )['/api/v1/orgs/{org}/promises/{promiseId}/events']!.post!;
    const json = op.requestBody.content['application/json']!.schema as {
      properties: { events: { items: { properties: Record<string, unknown>; required: string[] } } };
    };
    expect(Object.keys(json.properties.events.items.properties).sort()).toEqual(['clientId', 'externalId', 'good', 'occurredAt', 'value']);
    expect(json.properties.events.items.required.sort()).toEqual(['externalId', 'occurredAt']);
    expect(op.requestBody.content['text/csv']).toEqual({ schema: { type: 'string' } });
  });
});

describe('voiding an event', () => {
  it('takes the event out of every counter level, audits it and refuses a second void', async () => {
    const id = await ratioPromise();
    const sent = await send(token, id, [
      { externalId: 'v-1', occurredAt: daysAgo(1), good: true },
      { externalId: 'v-2', occurredAt: daysAgo(2), good: false },
      { externalId: 'v-3', occurredAt: daysAgo(3), good: true },
    ]);
    expect(sent.json(), show(sent)).toMatchObject({ accepted: 3 });
    expect(await statusOf(id)).toMatchObject({ good: 2, total: 3 });
    const writer = await tokenWith(['events:write']);
    const res = await writer.post(`${A()}/promises/${id}/events/v-2/void`, { reason: 'a test ticket, not a client' });
    expect(res.statusCode, show(res)).toBe(200);
    expect(res.json()).toMatchObject({ externalId: 'v-2', good: false, voided: { reason: 'a test ticket, not a client' } });
    expect(await statusOf(id)).toMatchObject({ good: 2, total: 2, attainment: 1 });
    const levels = await countersByLevel(id);
    expect(levels.length).toBeGreaterThan(1);
    for (const level of levels) expect(level).toEqual({ good: 2, total: 2 });
    // Rebuilding the counters (import, a much shorter window) leaves the voided event out too.
    const promise = await t.db.selectFrom('promises').select('fine_bucket_ms').where('id', '=', id).executeTakeFirstOrThrow();
    await t.db.transaction().execute((tx) => rebuildCounters(tx, orgs.a.id, id, Number(promise.fine_bucket_ms)));
    for (const level of await countersByLevel(id)) expect(level).toEqual({ good: 2, total: 2 });

    const audit = (await admin.get(`${A()}/audit?action=promise.event_voided&entityId=${id}`)).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toEqual({ externalId: 'v-2', reason: 'a test ticket, not a client' });

    expectError(await admin.post(`${A()}/promises/${id}/events/v-2/void`, { reason: 'again' }), 409, 'conflict', 'externalId');
    expectError(await admin.post(`${A()}/promises/${id}/events/nope/void`, { reason: 'gone' }), 404, 'not_found');
    expectError(await admin.post(`${A()}/promises/${id}/events/v-1/void`, { reason: '' }), 422, 'validation_failed', 'reason');

    // The id stays taken: a resend of it is refused, whatever its payload.
    const resend = await send(token, id, [{ externalId: 'v-2', occurredAt: daysAgo(2), good: false }]);
    expect(resend.json(), show(resend)).toMatchObject({
      accepted: 0,
      duplicates: 0,
      rejected: [{ index: 0, externalId: 'v-2', path: 'events.0.externalId', code: 'conflict' }],
    });
    const listed = (await member.get(`${A()}/promises/${id}/events`)).json().items as { externalId: string; voided: unknown }[];
    expect(listed.map((e) => [e.externalId, e.voided !== null])).toEqual([
      ['v-1', false],
      ['v-2', true],
      ['v-3', false],
    ]);
    expect(await statusOf(id)).toMatchObject({ good: 2, total: 2 });
  });

  it('lets only admins and tokens with events:write void', async () => {
    const id = await ratioPromise();
    await send(token, id, [{ externalId: 'w-1', occurredAt: daysAgo(1), good: false }]);
    const url = `${A()}/promises/${id}/events/w-1/void`;
    expectError(await member.post(url, { reason: 'mine to fix' }), 403, 'forbidden');
    expectError(await viewer.post(url, { reason: 'not mine' }), 403, 'forbidden');
    expectError(await (await tokenWith(['promises:read', 'promises:write'])).post(url, { reason: 'wrong scope' }), 403, 'forbidden');
    expect(await statusOf(id)).toMatchObject({ good: 0, total: 1 });
    const res = await admin.post(url, { reason: 'sent twice by the old integration' });
    expect(res.statusCode, show(res)).toBe(200);
    expect(res.json().voided.by).not.toBe('');
    expect(await statusOf(id)).toMatchObject({ good: 0, total: 0, attainment: null });
  });

  it('tells the evaluator: a void marks the published promise changed, so its status is looked at within seconds', async () => {
    const p = await created(
      await member.post(`${A()}/promises`, {
        title: `Internal answers ${unique()}`,
        statement: 'We answer the other team within a day',
        kind: 'internal',
        promiserTeamId: orgs.a.team.id,
        promiseeTeamId: orgs.a.otherTeam.id,
        metric: { kind: 'ratio' },
        target: 0.9,
        window: { kind: 'rolling', days: 30 },
      }),
    );
    const published = await member.post(`${A()}/promises/${p.id}/publish`);
    expect(published.statusCode, show(published)).toBe(200);
    await send(token, p.id, [{ externalId: 'e-1', occurredAt: daysAgo(1), good: false }]);
    await evaluateDue(t.db, Date.now(), { dialect: t.dialect });
    const job = () => t.db.selectFrom('promise_evaluations').select('changed_at').where('promise_id', '=', p.id).executeTakeFirstOrThrow();
    expect((await job()).changed_at).toBeNull();
    expect((await admin.post(`${A()}/promises/${p.id}/events/e-1/void`, { reason: 'a drill' })).statusCode).toBe(200);
    expect((await job()).changed_at).not.toBeNull();
  });

  it('carries a voided event through export and import: still voided, still out of the counters', async () => {
    const id = await ratioPromise();
    await send(token, id, [
      { externalId: 'x-1', occurredAt: daysAgo(1), good: true },
      { externalId: 'x-2', occurredAt: daysAgo(2), good: false },
    ]);
    expect((await admin.post(`${A()}/promises/${id}/events/x-2/void`, { reason: 'a duplicate ticket' })).statusCode).toBe(200);
    const file = ZExportFile.parse(JSON.parse(JSON.stringify(await exportOrganization(t.db, orgs.a.slug, Date.now()))));
    const target = await createTestDatabase();
    try {
      await importOrganization(target.db, file);
      const event = await target.db
        .selectFrom('promise_events')
        .select(['voided_at', 'void_reason', 'voided_by'])
        .where('promise_id', '=', id)
        .where('external_id', '=', 'x-2')
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({ void_reason: 'a duplicate ticket' });
      expect(event.voided_at).not.toBeNull();
      const levels = await countersByLevel(id, target.db);
      expect(levels.length).toBeGreaterThan(1);
      for (const level of levels) expect(level).toEqual({ good: 1, total: 1 });
    } finally {
      await target.close();
    }
  });
});
