/**
 * The background evaluator: as events arrive, a published promise's status changes and
 * alerts fire and resolve; each is recorded once in the history, the promiser team is told in-app
 * and subscribed webhooks get a delivery. Evaluating again in the same minute records nothing; two
 * evaluators at once (two connection pools on PostgreSQL, as two server processes would be) share the
 * promises and record every change exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/database.js';
import type { Db } from '../src/db/schema.js';
import type { OrgContext } from '../src/modules/context.js';
import { createSegment } from '../src/modules/discovery/segment.service.js';
import { evaluateDue, MINUTE_MS } from '../src/modules/promises/evaluator.service.js';
import { ingestEvents } from '../src/modules/promises/ingest.service.js';
import { createPromise, publishPromise } from '../src/modules/promises/promise.service.js';
import { createWebhook } from '../src/modules/webhooks/webhook.service.js';
import { backTeamAs, type TeamBacking } from './backing-fixture.js';
import { type OrgFixture, orgContext, seedTwoOrgs, unique } from './fixtures.js';
import { createTestDatabase, type TestDatabase } from './harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A minute edge a little in the past: events may be sent for it, and the evaluator is driven from it. */
const T0 = Math.floor((Date.now() - 10 * MINUTE_MS) / MINUTE_MS) * MINUTE_MS;

let database: TestDatabase;
let db: Db;
let a: OrgFixture;
let segmentId: string;
/** The fixture team's capability and granted right: what its client promises declare, so that they publish. */
let backing: TeamBacking;

const adminCtx = async (now = Date.now()): Promise<OrgContext> => ({
  ...(await orgContext(db, a.slug, { type: 'user', id: a.users.admin.id, label: a.users.admin.email }, now)),
  role: 'admin',
});
const iso = (ms: number) => new Date(ms).toISOString();
const evaluate = (at: number, on: Db = db) => evaluateDue(on, at, { dialect: database.dialect });

async function publishedPromise(target: number): Promise<string> {
  const ctx = await adminCtx();
  const promise = await createPromise(ctx, {
    title: `Answer within a day ${unique()}`,
    statement: 'Every request is answered within a working day',
    kind: 'client',
    promiserTeamId: a.team.id,
    override: { reason: 'An admin acts for the team in this test' },
    promiseeSegmentId: segmentId,
    metric: { kind: 'ratio' },
    target,
    window: { kind: 'rolling', days: 30 },
    ...backing,
    painIds: [],
    redress: null,
  });
  await publishPromise(ctx, promise.id, { override: { reason: 'An admin acts for the team in this test' } });
  return promise.id;
}

/** `count` events, the i-th at `at(i)`. */
async function send(promiseId: string, count: number, good: boolean, at: (i: number) => number, on: Db = db) {
  const events = Array.from({ length: count }, (_, i) => ({
    externalId: `${good ? 'g' : 'b'}-${unique()}-${i}`,
    occurredAt: iso(at(i)),
    good,
  }));
  const result = await ingestEvents({ ...(await adminCtx()), db: on }, promiseId, events);
  expect(result.rejected).toEqual([]);
}

const history = (promiseId: string, on: Db = db) =>
  on
    .selectFrom('promise_status_history')
    .selectAll()
    .where('org_id', '=', a.id)
    .where('promise_id', '=', promiseId)
    .orderBy('at')
    .orderBy('kind')
    .execute();

const deliveries = (endpointId: string, on: Db = db) =>
  on
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('org_id', '=', a.id)
    .where('endpoint_id', '=', endpointId)
    .orderBy('created_at')
    .execute();

const notifications = (promiseId: string, on: Db = db) =>
  on
    .selectFrom('notifications')
    .select(['kind', 'user_id', 'params'])
    .where('org_id', '=', a.id)
    .where('subject_id', '=', promiseId)
    .orderBy('created_at')
    .execute();

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  ({ a } = await seedTwoOrgs(db, 'http://localhost:3000'));
  segmentId = (
    await createSegment(await adminCtx(), { name: `House owners ${unique()}`, kind: 'customer', description: '', sizeEstimate: null })
  ).id;
  backing = await backTeamAs(await adminCtx(), a.team.id);
});

afterAll(async () => {
  await database?.close();
});

describe('the evaluator', () => {
  it('records one status change and one webhook delivery when bad events break a kept promise', async () => {
    const hook = await createWebhook(await adminCtx(), {
      url: 'https://example.test/hook',
      description: '',
      eventTypes: ['promise.status_changed'],
    });
    const id = await publishedPromise(0.9);
    await send(id, 100, true, (i) => T0 - DAY + i * 10 * MINUTE_MS);

    // The first evaluation is the baseline: kept, nothing to report.
    expect(await evaluate(T0)).toMatchObject({ statusChanges: 0, failures: [] });
    expect(await history(id)).toEqual([]);
    const baseline = await db.selectFrom('promise_evaluations').selectAll().where('promise_id', '=', id).executeTakeFirstOrThrow();
    expect(baseline).toMatchObject({ status: 'kept', evaluated_minute: T0, firing: '[]' });

    // 30 bad of 130: attainment 0.77 < 0.9.
    await send(id, 30, false, (i) => T0 + 30_000 + i * 1000);
    const run = await evaluate(T0 + 2 * MINUTE_MS);
    expect(run.failures).toEqual([]);
    expect(run.statusChanges).toBeGreaterThanOrEqual(1);
    const changes = (await history(id)).filter((h) => h.kind === 'status_changed');
    expect(changes.map((h) => [h.from_status, h.to_status, h.at])).toEqual([['kept', 'broken', T0 + 2 * MINUTE_MS]]);
    expect(JSON.parse(changes[0]!.details)).toMatchObject({ good: 100, total: 130, target: 0.9, version: 1 });

    const sent = await deliveries(hook.id);
    expect(sent.map((d) => d.event_type)).toEqual(['promise.status_changed']);
    const body = JSON.parse(sent[0]!.payload);
    expect(body).toMatchObject({
      type: 'promise.status_changed',
      createdAt: iso(T0 + 2 * MINUTE_MS),
      organization: { id: a.id, slug: a.slug },
      data: {
        promise: { id, kind: 'client', status: 'published', promiserTeam: { id: a.team.id } },
        from: 'kept',
        to: 'broken',
        status: { status: 'broken', total: 130 },
      },
    });

    // The team's member is told (the admin, who is not in the team, is not).
    const told = (await notifications(id)).filter((n) => n.kind === 'promise_status_changed');
    expect(told.map((n) => [n.user_id, JSON.parse(n.params)])).toEqual([
      [a.users.member.id, expect.objectContaining({ from: 'kept', to: 'broken' })],
    ]);

    // Again in the same minute: nothing is evaluated, nothing new recorded; the next minute changes nothing either.
    const before = { history: (await history(id)).length, notifications: (await notifications(id)).length };
    expect(await evaluate(T0 + 2 * MINUTE_MS + 30_000)).toMatchObject({
      evaluated: 0,
      statusChanges: 0,
      alertsFired: 0,
      alertsResolved: 0,
    });
    const next = await evaluate(T0 + 3 * MINUTE_MS);
    expect(next.evaluated).toBeGreaterThanOrEqual(1);
    expect({ history: (await history(id)).length, notifications: (await notifications(id)).length }).toEqual(before);
    expect(await deliveries(hook.id)).toHaveLength(1);
  });

  it('records an alert firing on a burst of bad events and resolving once the burst is behind the short windows', async () => {
    const hook = await createWebhook(await adminCtx(), {
      url: 'https://example.test/alerts',
      description: 'alerts',
      eventTypes: ['promise.alert_fired', 'promise.alert_resolved'],
    });
    const id = await publishedPromise(0.99);
    // 2,000 good events over 20 days: one every 14.4 minutes.
    await send(id, 2000, true, (i) => T0 - 20 * DAY + Math.round(i * 14.4 * MINUTE_MS));
    await evaluate(T0 + 10 * MINUTE_MS);
    expect(await history(id)).toEqual([]);

    // 10 bad in the last minutes: 10 of 2,010 keeps attainment above 99%, but the budget burns far too fast.
    await send(id, 10, false, (i) => T0 + 11 * MINUTE_MS + i * 1000);
    const fired = await evaluate(T0 + 13 * MINUTE_MS);
    expect(fired.failures).toEqual([]);
    const afterBurst = await history(id);
    expect(afterBurst.filter((h) => h.kind === 'status_changed').map((h) => [h.from_status, h.to_status])).toEqual([['kept', 'at_risk']]);
    const firedRows = afterBurst.filter((h) => h.kind === 'alert_fired').map((h) => JSON.parse(h.alert!));
    expect(firedRows).toContainEqual({ severity: 'page', longWindow: 'PT1H', shortWindow: 'PT5M', threshold: 14.4 });
    expect(fired.alertsFired).toBeGreaterThanOrEqual(firedRows.length);
    const alerted = (await notifications(id)).filter((n) => n.kind === 'promise_alert_fired');
    expect(alerted.map((n) => JSON.parse(n.params))).toContainEqual(
      expect.objectContaining({ severity: 'page', longWindow: 'PT1H', threshold: 14.4 }),
    );

    // Seven hours later no short window holds the burst: every alert resolves, the promise is kept again.
    const resolved = await evaluate(T0 + 13 * MINUTE_MS + 7 * HOUR);
    expect(resolved.alertsResolved).toBeGreaterThanOrEqual(firedRows.length);
    const all = await history(id);
    const resolvedRows = all.filter((h) => h.kind === 'alert_resolved').map((h) => JSON.parse(h.alert!));
    expect(resolvedRows).toHaveLength(firedRows.length);
    expect(resolvedRows).toEqual(expect.arrayContaining(firedRows));
    expect(all.filter((h) => h.kind === 'status_changed').map((h) => h.to_status)).toEqual(['at_risk', 'kept']);

    const types = (await deliveries(hook.id)).filter((d) => JSON.parse(d.payload).data.promise.id === id).map((d) => d.event_type);
    expect(types.filter((t) => t === 'promise.alert_fired')).toHaveLength(firedRows.length);
    expect(types.filter((t) => t === 'promise.alert_resolved')).toHaveLength(firedRows.length);
    expect(types).not.toContain('promise.status_changed');
  });

  it('leaves drafts alone and goes on past a promise whose evaluation fails', async () => {
    const ctx = await adminCtx();
    const draft = await createPromise(ctx, {
      title: `Draft ${unique()}`,
      statement: 'Not yet promised',
      kind: 'client',
      promiserTeamId: a.team.id,
      override: { reason: 'An admin acts for the team in this test' },
      promiseeSegmentId: segmentId,
      metric: { kind: 'ratio' },
      target: 0.9,
      window: { kind: 'rolling', days: 30 },
      requiredCapabilityIds: [],
      requiredRightIds: [],
      painIds: [],
      redress: null,
    });
    const broken = await publishedPromise(0.9);
    const healthy = await publishedPromise(0.9);
    // A version row that cannot be read makes this one promise's evaluation fail.
    await db.updateTable('promise_versions').set({ time_window: 'not json' }).where('promise_id', '=', broken).execute();
    const run = await evaluate(T0 + 20 * DAY);
    expect(run.failures.map((f) => f.promiseId)).toEqual([broken]);
    const rows = await db.selectFrom('promise_evaluations').selectAll().where('promise_id', 'in', [draft.id, broken, healthy]).execute();
    expect(rows.find((r) => r.promise_id === draft.id)).toBeUndefined();
    expect(rows.find((r) => r.promise_id === healthy)).toMatchObject({ status: 'no_data', evaluated_minute: T0 + 20 * DAY });
    expect(rows.find((r) => r.promise_id === broken)).toMatchObject({ status: null, last_error: expect.any(String) });
  });
});

describe('two evaluators at once', () => {
  /** A second connection pool on the same database: what a second server process would have. */
  let second: Database | null = null;

  afterAll(async () => {
    await second?.close();
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'on PostgreSQL (two pools, as two processes) share the promises and record every change exactly once',
    async () => {
      second = await openDatabase({ databaseUrl: database.url! });
      await concurrentRun([db, second.db]);
    },
  );

  it('on one database (SQLite’s single writer, or one pool) record every change exactly once', async () => {
    await concurrentRun([db, db, db]);
  });

  async function concurrentRun(pools: Db[]) {
    // The same minute for all of them; the events lie inside the window.
    const base = T0 + (pools.length === 2 ? 30 : 60) * MINUTE_MS;
    const hook = await createWebhook(await adminCtx(), {
      url: 'https://example.test/many',
      description: '',
      eventTypes: ['promise.status_changed'],
    });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await publishedPromise(0.9));
    for (const id of ids) await send(id, 20, true, (i) => T0 + i * 1000);

    const baseline = await Promise.all(pools.map((pool) => evaluateDue(pool, base, { dialect: database.dialect })));
    const evaluatedIds = await db.selectFrom('promise_evaluations').select('promise_id').where('evaluated_minute', '=', base).execute();
    // Each promise published so far is evaluated by exactly one of them.
    expect(baseline.reduce((n, r) => n + r.evaluated, 0)).toBe(evaluatedIds.length);
    expect(baseline.flatMap((r) => r.failures).filter((f) => ids.includes(f.promiseId))).toEqual([]);

    for (const id of ids) await send(id, 20, false, (i) => base + 1000 + i * 1000);
    const later = base + MINUTE_MS;
    const runs = await Promise.all(pools.map((pool) => evaluateDue(pool, later, { dialect: database.dialect })));
    const changes = await db
      .selectFrom('promise_status_history')
      .select(['promise_id', 'from_status', 'to_status'])
      .where('kind', '=', 'status_changed')
      .where('at', '=', later)
      .where('promise_id', 'in', ids)
      .execute();
    expect(changes.map((c) => c.promise_id).sort()).toEqual([...ids].sort());
    expect(new Set(changes.map((c) => `${c.from_status}→${c.to_status}`))).toEqual(new Set(['kept→broken']));
    expect(runs.reduce((n, r) => n + r.statusChanges, 0)).toBeGreaterThanOrEqual(ids.length);
    const sent = (await deliveries(hook.id)).map((d) => JSON.parse(d.payload).data.promise.id);
    expect(sent.sort()).toEqual([...ids].sort());
    for (const id of ids) expect((await notifications(id)).filter((n) => n.kind === 'promise_status_changed')).toHaveLength(1);

    // All of them again in the same minute: nothing more.
    const again = await Promise.all(pools.map((pool) => evaluateDue(pool, later + 1000, { dialect: database.dialect })));
    expect(again.map((r) => r.evaluated)).toEqual(pools.map(() => 0));
  }
});
