/** The status benchmark: a promise holding millions of events, counters vs the raw scan. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { DAY_MS } from '../src/core/promises/window.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { SYSTEM_ACTOR } from '../src/modules/context.js';
import { createSegment } from '../src/modules/discovery/segment.service.js';
import { ZCreateGrant } from '../src/modules/governance/governance.schema.js';
import { createRight, grantRight } from '../src/modules/governance/rights.service.js';
import { createCapability } from '../src/modules/governance/structure.service.js';
import { rebuildCounters } from '../src/modules/promises/ingest.service.js';
import { createPromise, publishPromise } from '../src/modules/promises/promise.service.js';
import { promiseStatus } from '../src/modules/promises/status.service.js';
import { createTeam } from '../src/modules/teams/team.service.js';
import { table } from './harness.js';
import type { PromiseBenchContext } from './promises.js';
import { seedBenchOrganization } from './seed-org.js';

export const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
export const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
export const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

function fileSize(file: string): number {
  return [file, `${file}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
}

export async function benchStatus(c: PromiseBenchContext, count: number) {
  const file = path.join(c.dataDir, 'bench-status.sqlite');
  const at = Date.now();
  const made = at - 31 * DAY_MS;
  const buildStarted = performance.now();

  // The organization, team, segment and promise through the services, as the product makes them.
  const { db, close } = await openDatabase({ sqlitePath: file });
  await migrateToLatest(db);
  const { org } = await seedBenchOrganization(db, made, { slug: 'bench-status', name: 'Bench status', timeZone: 'Europe/Moscow' });
  const ctx = { db, org, actor: SYSTEM_ACTOR, now: made };
  const team = await createTeam(ctx, { name: 'Warranty service', kind: 'autonomous', purpose: '' });
  const segment = await createSegment(ctx, { name: 'House owners', description: '', sizeEstimate: null, kind: 'customer' });
  // What the client promise is kept with: the team's capability and a right granted to it.
  const capability = await createCapability(ctx, team.id, {
    name: 'Engineers on duty',
    description: '',
    capacity: { value: 2, unit: 'engineers' },
    evidence: 'rota',
  });
  const right = await createRight(ctx, { name: 'Decide warranty repairs', description: '' });
  await grantRight(ctx, ZCreateGrant.parse({ rightId: right.id, holderType: 'team', holderId: team.id }));
  const { id: promiseId } = await createPromise(ctx, {
    title: 'Answer within 24 hours',
    statement: 'Every warranty request is answered within 24 hours',
    kind: 'client',
    promiserTeamId: team.id,
    promiseeSegmentId: segment.id,
    metric: { kind: 'ratio' },
    target: 0.99,
    window: { kind: 'rolling', days: 30 },
    requiredCapabilityIds: [capability.id],
    requiredRightIds: [right.id],
    painIds: [],
    redress: null,
  });
  await publishPromise(ctx, promiseId);

  // The events, raw, in time order over the 30-day window before `at`, in transactions of 500,000.
  const insertStarted = performance.now();
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('cache_size = -262144');
  const insert = raw.prepare(
    'INSERT INTO promise_events (promise_id, external_id, org_id, occurred_at, good, value, client_id, version, ingested_at) VALUES (?, ?, ?, ?, ?, NULL, NULL, 1, ?)',
  );
  const from = at - 30 * DAY_MS;
  const step = (30 * DAY_MS) / count;
  let bad = 0;
  const chunk = raw.transaction((start: number, end: number) => {
    for (let i = start; i < end; i++) {
      const good = i % 200 === 7 ? 0 : 1;
      bad += 1 - good;
      insert.run(promiseId, `e${i.toString().padStart(9, '0')}`, org.id, Math.floor(from + i * step), good, made);
    }
  });
  for (let i = 0; i < count; i += 500_000) chunk(i, Math.min(count, i + 500_000));
  const insertSeconds = (performance.now() - insertStarted) / 1000;

  // The counters, built the way the product builds them from events.
  const countersStarted = performance.now();
  const { fine_bucket_ms: fineMs } = await db
    .selectFrom('promises')
    .select('fine_bucket_ms')
    .where('id', '=', promiseId)
    .executeTakeFirstOrThrow();
  await db.transaction().execute((tx) => rebuildCounters(tx, org.id, promiseId, fineMs));
  const countersSeconds = (performance.now() - countersStarted) / 1000;
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  const counterRows = Number(
    (
      await db
        .selectFrom('promise_counters')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('promise_id', '=', promiseId)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const bytes = fileSize(file);

  // promiseStatus over ~200 calls after a short warm-up.
  const statusCtx = { ...ctx, now: at };
  let status = await promiseStatus(statusCtx, promiseId, at);
  for (let i = 0; i < 10; i++) status = await promiseStatus(statusCtx, promiseId, at);
  const statusMs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await promiseStatus(statusCtx, promiseId, at);
    statusMs.push(performance.now() - t);
  }

  // The scan the counters replace: the window's events summed from the events table.
  const scan = raw.prepare(
    'SELECT SUM(good) AS good, COUNT(*) AS total FROM promise_events WHERE promise_id = ? AND occurred_at >= ? AND occurred_at < ?',
  );
  const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${scan.source}`).all(promiseId, from, at) as { detail: string }[])
    .map((r) => r.detail)
    .join('; ');
  const scanMs: number[] = [];
  let scanned = scan.get(promiseId, from, at) as { good: number; total: number };
  for (let i = 0; i < (count > 2_000_000 ? 3 : 5); i++) {
    const t = performance.now();
    scanned = scan.get(promiseId, from, at) as { good: number; total: number };
    scanMs.push(performance.now() - t);
  }
  raw.close();
  await close();

  const rows: (string | number)[][] = [['query', 'calls', 'p50 ms', 'p99 ms', 'good', 'total', 'attainment']];
  rows.push([
    'promiseStatus(ctx, id, at) — counters',
    statusMs.length,
    ms(percentile(statusMs, 50)),
    ms(percentile(statusMs, 99)),
    status.good,
    status.total,
    status.attainment ?? 'null',
  ]);
  rows.push([
    'raw SUM(good), COUNT(*) over the window',
    scanMs.length,
    ms(percentile(scanMs, 50)),
    ms(Math.max(...scanMs)),
    scanned.good,
    scanned.total,
    (scanned.good / scanned.total).toFixed(6),
  ]);
  const summary =
    `status speed-up over the raw scan (p50): ${(percentile(scanMs, 50) / percentile(statusMs, 50)).toFixed(0)}× (target ≥ 100×); ` +
    `status p50 ${ms(percentile(statusMs, 50))} ms (target ≤ 5 ms)\n` +
    `data built in ${buildSeconds.toFixed(1)} s (events inserted in ${insertSeconds.toFixed(1)} s, ${(count / insertSeconds).toFixed(0)}/s; ` +
    `counters rebuilt in ${countersSeconds.toFixed(1)} s, ${counterRows.toLocaleString('en')} counter rows); ` +
    `database file ${mib(bytes)} MiB; ${bad.toLocaleString('en')} bad events\n` +
    `raw scan plan: ${plan}`;
  return { table: table(rows), summary };
}
