/**
 * The two bulk statements of ingest, written per dialect. On PostgreSQL a batch of events and the
 * counter deltas each travel as ONE JSON parameter unpacked by `json_to_recordset`: one round trip,
 * and a statement text that is the same for every batch (a multi-row VALUES of 10,000 events would be
 * 90,000 parameters, a text rebuilt, parsed and planned for every batch). On SQLite, in-process, a
 * statement prepared once runs per row inside the open transaction, as a raw better-sqlite3 loop does.
 */
import { sql } from 'kysely';
import { dialectOf, sqliteStatement } from '../../db/database.js';
import type { Tx } from '../../db/schema.js';

/** An event as stored: external id, occurred at (epoch ms), good 0|1, value, client id, version. */
export interface EventRow {
  x: string;
  t: number;
  g: 0 | 1;
  v: number | null;
  c: string | null;
  n: number;
}

/** A counter delta: level, bucket start, good, total. */
export interface CounterRow {
  l: number;
  s: number;
  g: number;
  t: number;
}

const COLUMNS = 'promise_id, external_id, org_id, occurred_at, good, value, client_id, version, ingested_at';
const INSERT_EVENT = `INSERT INTO promise_events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (promise_id, external_id) DO NOTHING`;
const ADD_COUNTER = `INSERT INTO promise_counters (promise_id, level, bucket_start, org_id, good, total) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (promise_id, level, bucket_start) DO UPDATE SET good = promise_counters.good + excluded.good, total = promise_counters.total + excluded.total`;

/**
 * Inserts the events not yet stored (by promise and external id); returns, for each row in order,
 * whether it was inserted (false: the external id was already there).
 */
export async function insertEvents(tx: Tx, orgId: string, promiseId: string, now: number, rows: EventRow[]): Promise<boolean[]> {
  if (rows.length === 0) return [];
  if (dialectOf(tx) === 'sqlite') {
    const insert = sqliteStatement(tx, INSERT_EVENT);
    return rows.map((r) => insert.run(promiseId, r.x, orgId, r.t, r.g, r.v, r.c, r.n, now).changes === 1);
  }
  const result = await sql<{ external_id: string }>`
    INSERT INTO promise_events (promise_id, external_id, org_id, occurred_at, good, value, client_id, version, ingested_at)
    SELECT ${promiseId}, e.x, ${orgId}, e.t, e.g, e.v, e.c, e.n, ${now}::bigint
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS e(x text, t bigint, g integer, v double precision, c text, n integer)
    ON CONFLICT (promise_id, external_id) DO NOTHING
    RETURNING external_id`.execute(tx);
  const inserted = new Set(result.rows.map((r) => r.external_id));
  return rows.map((r) => inserted.has(r.x));
}

/** Adds the deltas to the counters, one upsert per bucket. */
export async function addCounterRows(tx: Tx, orgId: string, promiseId: string, rows: CounterRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (dialectOf(tx) === 'sqlite') {
    const add = sqliteStatement(tx, ADD_COUNTER);
    for (const r of rows) add.run(promiseId, r.l, r.s, orgId, r.g, r.t);
    return;
  }
  await sql`
    INSERT INTO promise_counters (promise_id, level, bucket_start, org_id, good, total)
    SELECT ${promiseId}, d.l, d.s, ${orgId}, d.g, d.t
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS d(l integer, s bigint, g bigint, t bigint)
    ON CONFLICT (promise_id, level, bucket_start)
    DO UPDATE SET good = promise_counters.good + excluded.good, total = promise_counters.total + excluded.total`.execute(tx);
}
