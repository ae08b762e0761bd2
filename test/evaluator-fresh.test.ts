/**
 * A fresh status: a promise whose events changed is evaluated at the
 * evaluator's next look, within CLIENTOCRACY_EVALUATOR_MS, not at the next minute; a burst of batches
 * costs one evaluation; every change is told, also several in one minute; two evaluators on one
 * database record a change exactly once; an idle promise is still evaluated every minute, so a bad
 * spell leaving its window changes its status. The in-process tests drive the evaluator with an
 * injected clock; the last one runs the real server on its real timers and measures the one figure
 * the issue asks for: a breaking batch reaches a webhook receiver within 10 seconds.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWebhookAllowList, type WebhookAllowList } from '../src/core/webhooks/address.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Db } from '../src/db/schema.js';
import type { OrgContext } from '../src/modules/context.js';
import { createSegment } from '../src/modules/discovery/segment.service.js';
import { DEFAULT_EVALUATOR_MS, evaluateDue, MINUTE_MS } from '../src/modules/promises/evaluator.service.js';
import { ingestEvents } from '../src/modules/promises/ingest.service.js';
import { createPromise, publishPromise } from '../src/modules/promises/promise.service.js';
import { createWebhook } from '../src/modules/webhooks/webhook.service.js';
import { backTeamAs, type TeamBacking } from './backing-fixture.js';
import { type OrgFixture, orgContext, seedOrg, unique } from './fixtures.js';
import { createPostgresDatabase, createTestDatabase, type TestDatabase } from './harness.js';
import { freePort, startServeProcess, stopServeProcess } from './server-process.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** What the evaluator waits between two evaluations of a changed promise by default: half the setting. */
const DEBOUNCE = DEFAULT_EVALUATOR_MS / 2;
/** A minute edge well in the past: events may be sent around it, and the evaluator is driven from it. */
const M = Math.floor((Date.now() - 60 * MINUTE_MS) / MINUTE_MS) * MINUTE_MS;
const iso = (ms: number) => new Date(ms).toISOString();

/** One organization in one database, with a segment and a backed team: enough to publish client promises. */
interface Place {
  db: Db;
  org: OrgFixture;
  segmentId: string;
  backing: TeamBacking;
}

async function preparePlace(db: Db): Promise<Place> {
  const org = await seedOrg(db, 'A', 'http://localhost:3000');
  const place = { db, org, segmentId: '', backing: { requiredCapabilityIds: [], requiredRightIds: [] } } as Place;
  const ctx = await adminCtx(place);
  place.segmentId = (
    await createSegment(ctx, { name: `House owners ${unique()}`, kind: 'customer', description: '', sizeEstimate: null })
  ).id;
  place.backing = await backTeamAs(ctx, org.team.id);
  return place;
}

async function adminCtx(place: Pick<Place, 'db' | 'org'>, on: Db = place.db): Promise<OrgContext> {
  const admin = place.org.users.admin;
  return { ...(await orgContext(on, place.org.slug, { type: 'user', id: admin.id, label: admin.email })), role: 'admin' };
}

async function publishedPromise(place: Place, target: number, days = 30): Promise<string> {
  const ctx = await adminCtx(place);
  const promise = await createPromise(ctx, {
    title: `Answer within a day ${unique()}`,
    statement: 'Every request is answered within a working day',
    kind: 'client',
    promiserTeamId: place.org.team.id,
    override: { reason: 'An admin acts for the team in this test' },
    promiseeSegmentId: place.segmentId,
    metric: { kind: 'ratio' },
    target,
    window: { kind: 'rolling', days },
    ...place.backing,
    painIds: [],
    redress: null,
  });
  await publishPromise(ctx, promise.id, { override: { reason: 'An admin acts for the team in this test' } });
  return promise.id;
}

/** `count` events, the i-th at `at(i)`, ingested as a batch. */
async function send(place: Place, promiseId: string, count: number, good: boolean, at: (i: number) => number) {
  const events = Array.from({ length: count }, (_, i) => ({
    externalId: `${good ? 'g' : 'b'}-${unique()}-${i}`,
    occurredAt: iso(at(i)),
    good,
  }));
  const result = await ingestEvents(await adminCtx(place), promiseId, events);
  expect(result.rejected).toEqual([]);
  expect(result.accepted).toBe(count);
}

describe('the evaluator, driven by an injected clock', () => {
  let database: TestDatabase;
  let place: Place;
  /** A second connection pool on the same PostgreSQL database: what a second server process would have. */
  let second: Database | null = null;
  const evaluate = (at: number, on: Db = place.db) => evaluateDue(on, at, { dialect: database.dialect });
  const job = (promiseId: string) =>
    place.db.selectFrom('promise_evaluations').selectAll().where('promise_id', '=', promiseId).executeTakeFirstOrThrow();
  const changes = (promiseId: string) =>
    place.db
      .selectFrom('promise_status_history')
      .select(['from_status', 'to_status', 'at'])
      .where('promise_id', '=', promiseId)
      .where('kind', '=', 'status_changed')
      .orderBy('at')
      .execute();
  const told = (promiseId: string) =>
    place.db
      .selectFrom('notifications')
      .select(['user_id', 'params'])
      .where('subject_id', '=', promiseId)
      .where('kind', '=', 'promise_status_changed')
      .orderBy('created_at')
      .execute();
  const sent = async (endpointId: string, promiseId: string) =>
    (await place.db.selectFrom('webhook_deliveries').select('payload').where('endpoint_id', '=', endpointId).execute())
      .map((d) => JSON.parse(d.payload))
      .filter((body) => body.data.promise.id === promiseId);

  beforeAll(async () => {
    database = await createTestDatabase();
    place = await preparePlace(database.db);
  });

  afterAll(async () => {
    await second?.close();
    await database?.close();
  });

  it('evaluates a changed promise at its next look, within the minute, and tells every change — two in one minute too', async () => {
    const hook = await createWebhook(await adminCtx(place), {
      url: 'https://example.test/fresh',
      description: '',
      eventTypes: ['promise.status_changed'],
    });
    const id = await publishedPromise(place, 0.9);
    await send(place, id, 100, true, (i) => M - DAY + i * 10 * MINUTE_MS);
    expect(await evaluate(M + 1000)).toMatchObject({ failures: [] });
    expect(await job(id)).toMatchObject({ status: 'kept', changed_at: null });

    // 30 bad of 130: attainment 0.77 < 0.9. Evaluated at the next look, still in the same minute.
    await send(place, id, 30, false, (i) => M - 2 * HOUR + i * 1000);
    expect((await job(id)).changed_at).not.toBeNull();
    await evaluate(M + 1000 + DEBOUNCE);
    expect((await changes(id)).map((c) => [c.from_status, c.to_status, c.at])).toEqual([['kept', 'broken', M + 1000 + DEBOUNCE]]);
    expect(await job(id)).toMatchObject({ status: 'broken', changed_at: null });

    // 2,000 more good: 2,100 of 2,130 (0.986), no longer broken — a second change in the same minute.
    await send(place, id, 2000, true, (i) => M - 20 * HOUR + i * 30_000);
    await evaluate(M + 1000 + 2 * DEBOUNCE);
    const both = await changes(id);
    expect(both.map((c) => c.from_status)).toEqual(['kept', 'broken']);
    expect(both[1]!.to_status).not.toBe('broken');
    // Told and sent twice: an evaluation's keys are its own, not the minute's.
    expect((await told(id)).map((n) => [n.user_id, JSON.parse(n.params).to])).toEqual([
      [place.org.users.member.id, 'broken'],
      [place.org.users.member.id, both[1]!.to_status],
    ]);
    expect((await sent(hook.id, id)).map((body) => [body.data.from, body.data.to])).toEqual([
      ['kept', 'broken'],
      ['broken', both[1]!.to_status],
    ]);
  });

  it('evaluates a burst of batches once, not sooner than the debounce after the previous evaluation', async () => {
    const start = M + 5 * MINUTE_MS + 1000;
    const id = await publishedPromise(place, 0.9);
    await send(place, id, 50, true, (i) => M - DAY + i * MINUTE_MS);
    await evaluate(start);
    const baseline = await job(id);
    expect(baseline).toMatchObject({ status: 'kept', evaluated_at: start, changed_at: null });

    for (let batch = 0; batch < 3; batch++) await send(place, id, 10, true, (i) => M - HOUR + batch * MINUTE_MS + i * 1000);
    // One second after the baseline: the promise waits.
    await evaluate(start + 1000);
    expect(await job(id)).toMatchObject({ evaluation_seq: baseline.evaluation_seq, evaluated_at: start });
    // A debounce after it: the three batches in one evaluation.
    await evaluate(start + DEBOUNCE);
    expect(await job(id)).toMatchObject({ evaluation_seq: baseline.evaluation_seq + 1, evaluated_at: start + DEBOUNCE, changed_at: null });
    // Nothing changed since, and the minute is the same: not evaluated again.
    await evaluate(start + 3 * DEBOUNCE);
    expect((await job(id)).evaluation_seq).toBe(baseline.evaluation_seq + 1);
  });

  it('evaluates an idle promise every minute, so a bad spell leaving its window changes its status without a new event', async () => {
    const start = M + 10 * MINUTE_MS + 1000;
    const id = await publishedPromise(place, 0.9, 1);
    // 100 good over the last 20 hours; 20 bad just inside the one-day window, which slides past them.
    await send(place, id, 100, true, (i) => start - 20 * HOUR + i * 10 * MINUTE_MS);
    await send(place, id, 20, false, (i) => start - DAY + 2 * MINUTE_MS + i * 1000);
    await evaluate(start);
    const baseline = await job(id);
    expect(baseline).toMatchObject({ status: 'broken', changed_at: null });

    await evaluate(start + 30_000);
    expect((await job(id)).evaluation_seq).toBe(baseline.evaluation_seq);
    // The next minute, with no event since: evaluated again (the bad spell is still inside).
    await evaluate(start + MINUTE_MS);
    expect(await job(id)).toMatchObject({ evaluation_seq: baseline.evaluation_seq + 1, evaluated_at: start + MINUTE_MS, status: 'broken' });
    // Ten minutes on the spell has left the window: 100 of 100.
    await evaluate(start + 10 * MINUTE_MS);
    const changed = await changes(id);
    expect(changed.map((c) => [c.from_status, c.at])).toEqual([['broken', start + 10 * MINUTE_MS]]);
    expect(changed[0]!.to_status).not.toBe('broken');
  });

  it('with two evaluators on one database (two pools on PostgreSQL, one writer on SQLite) records a change exactly once', async () => {
    if (database.url) second = await openDatabase({ databaseUrl: database.url });
    const pools = [place.db, second?.db ?? place.db];
    const start = M + 30 * MINUTE_MS + 1000;
    const hook = await createWebhook(await adminCtx(place), {
      url: 'https://example.test/two',
      description: '',
      eventTypes: ['promise.status_changed'],
    });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await publishedPromise(place, 0.9));
    for (const id of ids) await send(place, id, 20, true, (i) => M - DAY + i * MINUTE_MS);
    await Promise.all(pools.map((pool) => evaluate(start, pool)));
    const baseline = await Promise.all(ids.map(job));
    expect(baseline.map((row) => row.status)).toEqual(ids.map(() => 'kept'));

    for (const id of ids) await send(place, id, 20, false, (i) => M - HOUR + i * 1000);
    const runs = await Promise.all(pools.map((pool) => evaluate(start + DEBOUNCE, pool)));
    expect(runs.flatMap((run) => run.failures)).toEqual([]);
    for (const [i, id] of ids.entries()) {
      expect((await changes(id)).map((c) => [c.from_status, c.to_status, c.at])).toEqual([['kept', 'broken', start + DEBOUNCE]]);
      expect(await sent(hook.id, id)).toHaveLength(1);
      expect(await told(id)).toHaveLength(1);
      expect((await job(id)).evaluation_seq).toBe(baseline[i]!.evaluation_seq + 1);
    }
    // Both again: nothing changed, nothing more.
    await Promise.all(pools.map((pool) => evaluate(start + 3 * DEBOUNCE, pool)));
    for (const [i, id] of ids.entries()) expect((await job(id)).evaluation_seq).toBe(baseline[i]!.evaluation_seq + 1);
  });
});

describe('the real server, on its real timers', () => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let server: ChildProcess | undefined;
  let receiver: Server | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'clientocracy-fresh-'));
    if (process.env.DATABASE_URL) {
      const created = await createPostgresDatabase(process.env.DATABASE_URL);
      databaseUrl = created.url;
      dropDatabase = created.drop;
    }
  });

  afterAll(async () => {
    if (server) await stopServeProcess(server);
    receiver?.close();
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers promise.status_changed within 10 seconds of a breaking batch', async () => {
    const bodies: { type: string; data: { promise: { id: string }; from: string; to: string } }[] = [];
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

    // The organization, a kept promise and the webhook, written before the server starts.
    const setup = await openDatabase(databaseUrl ? { databaseUrl } : { sqlitePath: path.join(dataDir, 'clientocracy.sqlite') });
    const place = await (async () => {
      await migrateToLatest(setup.db);
      return preparePlace(setup.db);
    })();
    const id = await publishedPromise(place, 0.9);
    await send(place, id, 100, true, (i) => Date.now() - DAY + i * 10 * MINUTE_MS);
    const allow = (parseWebhookAllowList('127.0.0.1') as { allow: WebhookAllowList }).allow;
    await createWebhook(await adminCtx(place), { url: hookUrl, description: '', eventTypes: ['promise.status_changed'] }, allow);
    await evaluateDue(setup.db, Date.now(), { dialect: setup.dialect });
    expect(await setup.db.selectFrom('promise_evaluations').select('status').where('promise_id', '=', id).executeTakeFirst()).toEqual({
      status: 'kept',
    });
    await setup.close();

    const { DATABASE_URL: _ignored, CLIENTOCRACY_EVALUATOR_MS: _default, CLIENTOCRACY_WEBHOOKS_MS: _too, ...inherited } = process.env;
    const port = await freePort();
    server = await startServeProcess(
      {
        ...inherited,
        CLIENTOCRACY_DATA_DIR: dataDir,
        CLIENTOCRACY_DEMO: '0',
        CLIENTOCRACY_WEBHOOK_ALLOW: '127.0.0.1',
        ...(databaseUrl && { DATABASE_URL: databaseUrl }),
      },
      port,
    );

    // 30 bad of 130 over the API: broken.
    const events = Array.from({ length: 30 }, (_, i) => ({
      externalId: `late-${i}`,
      occurredAt: iso(Date.now() - HOUR + i * 1000),
      good: false,
    }));
    const sentAt = Date.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/orgs/${place.org.slug}/promises/${id}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${place.org.token.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 30 });

    const broken = () => bodies.find((b) => b.type === 'promise.status_changed' && b.data.promise.id === id && b.data.to === 'broken');
    while (!broken() && Date.now() - sentAt < 20_000) await new Promise((r) => setTimeout(r, 50));
    const elapsed = Date.now() - sentAt;
    expect(broken()?.data).toMatchObject({ from: 'kept', to: 'broken' });
    expect(elapsed).toBeLessThan(10_000);
  }, 60_000);
});
