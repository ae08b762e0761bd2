/**
 * The events of a promise and its counters, as ingest writes them. The two bulk statements of
 * ingest are written per dialect. On PostgreSQL a batch of events and the counter deltas each travel
 * as ONE JSON parameter unpacked by `json_to_recordset`: one round trip, and a statement text that is
 * the same for every batch (a multi-row VALUES of 10,000 events would be 90,000 parameters, a text
 * rebuilt, parsed and planned for every batch); the JSON uses one-letter keys to keep that parameter
 * small. On SQLite, in-process, a statement prepared once runs per row inside the open transaction,
 * as a raw better-sqlite3 loop does.
 */
import { sql } from 'kysely';
import type { CounterDelta } from '../../core/promises/counters.js';
import type { EventRow, JudgedEvent, Rejudgement, StoredEvent } from '../../core/promises/ingest.js';
import { dialectOf, sqliteStatement } from '../../db/database.js';
import type { Tx } from '../../db/schema.js';

const CHUNK = 500;

const COLUMNS = 'promise_id, external_id, org_id, occurred_at, good, value, client_id, version, ingested_at';
const INSERT_EVENT = `INSERT INTO promise_events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (promise_id, external_id) DO NOTHING`;
const ADD_COUNTER = `INSERT INTO promise_counters (promise_id, level, bucket_start, org_id, good, total) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (promise_id, level, bucket_start) DO UPDATE SET good = promise_counters.good + excluded.good, total = promise_counters.total + excluded.total`;

/**
 * Inserts the events not yet stored (by promise and external id); returns, for each row in order,
 * whether it was inserted (false: the external id was already there).
 */
export async function insertEvents(tx: Tx, orgId: string, promiseId: string, now: number, rows: readonly EventRow[]): Promise<boolean[]> {
  if (rows.length === 0) return [];
  if (dialectOf(tx) === 'sqlite') {
    const insert = sqliteStatement(tx, INSERT_EVENT);
    return rows.map(
      (r) => insert.run(promiseId, r.externalId, orgId, r.occurredAt, r.good, r.value, r.clientId, r.version, now).changes === 1,
    );
  }
  const short = rows.map((r) => ({ x: r.externalId, t: r.occurredAt, g: r.good, v: r.value, c: r.clientId, n: r.version }));
  const result = await sql<{ external_id: string }>`
    INSERT INTO promise_events (promise_id, external_id, org_id, occurred_at, good, value, client_id, version, ingested_at)
    SELECT ${promiseId}, e.x, ${orgId}, e.t, e.g, e.v, e.c, e.n, ${now}::bigint
    FROM json_to_recordset(${JSON.stringify(short)}::json) AS e(x text, t bigint, g integer, v double precision, c text, n integer)
    ON CONFLICT (promise_id, external_id) DO NOTHING
    RETURNING external_id`.execute(tx);
  const inserted = new Set(result.rows.map((r) => r.external_id));
  return rows.map((r) => inserted.has(r.externalId));
}

/** Adds the deltas to a promise's counters, one upsert per bucket. */
export async function addCounterRows(tx: Tx, orgId: string, promiseId: string, rows: readonly CounterDelta[]): Promise<void> {
  if (rows.length === 0) return;
  if (dialectOf(tx) === 'sqlite') {
    const add = sqliteStatement(tx, ADD_COUNTER);
    for (const r of rows) add.run(promiseId, r.level, r.bucketStart, orgId, r.good, r.total);
    return;
  }
  const short = rows.map((r) => ({ l: r.level, s: r.bucketStart, g: r.good, t: r.total }));
  await sql`
    INSERT INTO promise_counters (promise_id, level, bucket_start, org_id, good, total)
    SELECT ${promiseId}, d.l, d.s, ${orgId}, d.g, d.t
    FROM json_to_recordset(${JSON.stringify(short)}::json) AS d(l integer, s bigint, g bigint, t bigint)
    ON CONFLICT (promise_id, level, bucket_start)
    DO UPDATE SET good = promise_counters.good + excluded.good, total = promise_counters.total + excluded.total`.execute(tx);
}

/** The stored events of a promise under the given external ids, voided ones included. */
export async function findStoredEvents(
  tx: Tx,
  orgId: string,
  promiseId: string,
  ids: readonly string[],
): Promise<Map<string, StoredEvent>> {
  const found = new Map<string, StoredEvent>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx
      .selectFrom('promise_events')
      .select(['external_id', 'occurred_at', 'good', 'value', 'client_id', 'voided_at'])
      .where('org_id', '=', orgId)
      .where('promise_id', '=', promiseId)
      .where('external_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      found.set(r.external_id, { occurredAt: r.occurred_at, good: r.good, value: r.value, clientId: r.client_id, voidedAt: r.voided_at });
    }
  }
  return found;
}

/** Which of the given ids are clients of the organization. */
export async function findKnownClientIds(tx: Tx, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx
      .selectFrom('clients')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) known.add(r.id);
  }
  return known;
}

/** The events of a promise that happened from `from` on and still count (voided ones do not). */
export async function listCountedEventsFrom(tx: Tx, orgId: string, promiseId: string, from: number): Promise<JudgedEvent[]> {
  const rows = await tx
    .selectFrom('promise_events')
    .select(['external_id', 'occurred_at', 'good', 'value', 'version'])
    .where('org_id', '=', orgId)
    .where('promise_id', '=', promiseId)
    .where('occurred_at', '>=', from)
    .where('voided_at', 'is', null)
    .execute();
  return rows.map((r) => ({ externalId: r.external_id, occurredAt: r.occurred_at, good: r.good, value: r.value, version: r.version }));
}

/** Stores new verdicts: the events sharing a verdict and a version are updated together, in chunks. */
export async function updateEventJudgements(tx: Tx, orgId: string, promiseId: string, changes: readonly Rejudgement[]): Promise<void> {
  const groups = new Map<string, { good: 0 | 1; version: number; ids: string[] }>();
  for (const c of changes) {
    const key = `${c.good}:${c.version}`;
    const group = groups.get(key) ?? { good: c.good, version: c.version, ids: [] };
    group.ids.push(c.externalId);
    groups.set(key, group);
  }
  for (const { good, version, ids } of groups.values()) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await tx
        .updateTable('promise_events')
        .set({ good, version })
        .where('org_id', '=', orgId)
        .where('promise_id', '=', promiseId)
        .where('external_id', 'in', ids.slice(i, i + CHUNK))
        .execute();
    }
  }
}

/** Deletes every counter of a promise (before they are built again at another fine level). */
export async function deleteCounters(tx: Tx, orgId: string, promiseId: string): Promise<void> {
  await tx.deleteFrom('promise_counters').where('org_id', '=', orgId).where('promise_id', '=', promiseId).execute();
}

/**
 * A page of a promise's events in (occurredAt, externalId) order after the given key, voided ones
 * included, for walking every event.
 */
export async function pageEventsByOccurrence(
  tx: Tx,
  orgId: string,
  promiseId: string,
  after: { occurredAt: number; externalId: string },
  limit: number,
) {
  const rows = await tx
    .selectFrom('promise_events')
    .select(['external_id', 'occurred_at', 'good', 'voided_at'])
    .where('org_id', '=', orgId)
    .where('promise_id', '=', promiseId)
    // The plain lower bound lets the (promise_id, occurred_at) index start at the cursor: with the
    // OR alone each page scanned every event before it, quadratic in the number of events.
    .where('occurred_at', '>=', after.occurredAt)
    .where((eb) =>
      eb.or([
        eb('occurred_at', '>', after.occurredAt),
        eb.and([eb('occurred_at', '=', after.occurredAt), eb('external_id', '>', after.externalId)]),
      ]),
    )
    .orderBy('occurred_at')
    .orderBy('external_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ externalId: r.external_id, occurredAt: r.occurred_at, good: r.good, voidedAt: r.voided_at }));
}
