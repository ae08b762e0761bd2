import { conflict } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { bucketLevels, bucketStart } from '../../core/promises/buckets.js';
import { isGoodValue, versionAt } from '../../core/promises/compute.js';
import { DAY_MS } from '../../core/promises/window.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { addCounterRows, type CounterRow, type EventRow, insertEvents } from './ingest.sql.js';
import { loadPromise, loadVersions, toVersion } from './promise.repository.js';
import type { TEventInput, TMetric, TVersion } from './promise.schema.js';
import { requireEventSource } from './promise-authority.js';

/** How far back an event may lie before the promise was made, and ahead of now. */
export const EVENT_PAST_LIMIT_MS = 400 * DAY_MS;
export const EVENT_FUTURE_LIMIT_MS = DAY_MS;
const CHUNK = 500;

/** Counter deltas by level, then by bucket start. */
type Deltas = Map<number, Map<number, CounterRow>>;

/** Adds deltas to the counters of a promise at every level (one upsert per bucket). */
async function addToCounters(tx: Tx, orgId: string, promiseId: string, deltas: Deltas): Promise<void> {
  const rows: CounterRow[] = [];
  for (const buckets of deltas.values()) for (const d of buckets.values()) if (d.g !== 0 || d.t !== 0) rows.push(d);
  await addCounterRows(tx, orgId, promiseId, rows);
}

function addEvent(deltas: Deltas, levels: readonly number[], at: number, good: number, total: number): void {
  for (const level of levels) {
    let buckets = deltas.get(level);
    if (!buckets) {
      buckets = new Map();
      deltas.set(level, buckets);
    }
    const start = bucketStart(at, level);
    const d = buckets.get(start);
    if (d) {
      d.g += good;
      d.t += total;
    } else buckets.set(start, { l: level, s: start, g: good, t: total });
  }
}

/** Good or bad by the metric of the version in force, or why the event cannot be judged. */
function judge(metric: TMetric, event: TEventInput): { good: boolean } | { reason: string } {
  if (metric.kind === 'ratio') {
    if (event.good === undefined) return { reason: 'good: required for a ratio promise (true or false)' };
    return { good: event.good };
  }
  if (event.value === undefined) return { reason: `value: required for a threshold promise (${metric.unit || 'a number'})` };
  return { good: isGoodValue(event.value, metric.op, metric.threshold) };
}

/**
 * Ingests fulfillment events in one transaction: each is judged by the version in force when it
 * happened and added to the counters; an external id already seen (in this batch or before) counts
 * as a duplicate and changes nothing; an event out of range or unjudgeable is refused with a reason
 * while the rest are accepted. A bad event for a known client owes that client the redress.
 */
export async function ingestEvents(ctx: OrgContext, promiseId: string, events: TEventInput[]) {
  return ctx.db.transaction().execute(async (tx) => {
    const promise = await loadPromise(tx, ctx.org.id, promiseId);
    await requireEventSource(tx, ctx, promise.promiser_team_id);
    if (promise.status === 'retired') throw conflict('status', 'the promise is retired: it takes no more events');
    const versions = (await loadVersions(tx, ctx.org.id, promiseId)).map(toVersion);
    const clientIds = [...new Set(events.map((e) => e.clientId).filter((id): id is string => id !== undefined))];
    const knownClients = new Set<string>();
    for (let i = 0; i < clientIds.length; i += CHUNK) {
      const rows = await tx
        .selectFrom('clients')
        .select('id')
        .where('org_id', '=', ctx.org.id)
        .where('id', 'in', clientIds.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) knownClients.add(r.id);
    }
    const rejected: { index: number; externalId: string; reason: string }[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    const candidates: { event: TEventInput; version: TVersion; row: EventRow }[] = [];
    const rows: EventRow[] = [];
    const latest = ctx.now + EVENT_FUTURE_LIMIT_MS;
    const earliest = promise.created_at - EVENT_PAST_LIMIT_MS;
    for (let index = 0; index < events.length; index++) {
      const event = events[index]!;
      const at = Date.parse(event.occurredAt);
      let reason: string | null = null;
      if (at > latest) reason = 'occurredAt: more than a day in the future';
      else if (at < earliest) reason = 'occurredAt: more than 400 days before the promise was made';
      else if (event.clientId !== undefined && !knownClients.has(event.clientId)) reason = 'clientId: no such client in the organization';
      else if (seen.has(event.externalId)) duplicates++;
      else {
        const version = versionAt(versions, at) as TVersion;
        const verdict = judge(version.metric, event);
        if ('reason' in verdict) reason = verdict.reason;
        else {
          seen.add(event.externalId);
          const row: EventRow = {
            x: event.externalId,
            t: at,
            g: verdict.good ? 1 : 0,
            v: event.value ?? null,
            c: event.clientId ?? null,
            n: version.version,
          };
          candidates.push({ event, version, row });
          rows.push(row);
        }
      }
      if (reason !== null) rejected.push({ index, externalId: event.externalId, reason });
    }
    const inserted = await insertEvents(tx, ctx.org.id, promiseId, ctx.now, rows);
    const accepted = candidates.filter((_, i) => inserted[i]);
    duplicates += candidates.length - accepted.length;
    const deltas = new Map() as Deltas;
    const levels = bucketLevels(promise.fine_bucket_ms);
    for (const { row } of accepted) addEvent(deltas, levels, row.t, row.g, 1);
    await addToCounters(tx, ctx.org.id, promiseId, deltas);
    const owed = accepted.filter((c) => c.row.g === 0 && c.event.clientId !== undefined && c.version.redress !== null);
    for (let i = 0; i < owed.length; i += CHUNK) {
      await tx
        .insertInto('redress_items')
        .values(
          owed.slice(i, i + CHUNK).map((c) => ({
            id: newId(),
            org_id: ctx.org.id,
            promise_id: promiseId,
            version: c.version.version,
            client_id: c.event.clientId as string,
            event_external_id: c.event.externalId,
            kind: c.version.redress!.kind,
            amount: c.version.redress!.amount,
            text: c.version.redress!.text,
            owed_at: c.row.t,
            given_at: null,
            given_by: null,
            note: '',
          })),
        )
        .onConflict((oc) => oc.columns(['promise_id', 'event_external_id']).doNothing())
        .execute();
    }
    return { accepted: accepted.length, duplicates, rejected };
  });
}

/**
 * Judges again the events that happened from `from` on by the versions now recorded (a new version,
 * or a draft's edited terms), moving them between good and bad in the counters.
 */
export async function rejudgeFrom(tx: Tx, orgId: string, promiseId: string, from: number): Promise<number> {
  const promise = await loadPromise(tx, orgId, promiseId);
  const versions = (await loadVersions(tx, orgId, promiseId)).map(toVersion);
  const events = await tx
    .selectFrom('promise_events')
    .select(['external_id', 'occurred_at', 'good', 'value', 'version'])
    .where('promise_id', '=', promiseId)
    .where('occurred_at', '>=', from)
    .execute();
  const deltas = new Map() as Deltas;
  const levels = bucketLevels(promise.fine_bucket_ms);
  let changed = 0;
  for (const e of events) {
    const version = versionAt(versions, e.occurred_at) as TVersion;
    const metric = version.metric;
    const good = metric.kind === 'threshold' && e.value !== null ? (isGoodValue(e.value, metric.op, metric.threshold) ? 1 : 0) : e.good;
    if (good === e.good && version.version === e.version) continue;
    changed++;
    await tx
      .updateTable('promise_events')
      .set({ good, version: version.version })
      .where('promise_id', '=', promiseId)
      .where('external_id', '=', e.external_id)
      .execute();
    if (good !== e.good) addEvent(deltas, levels, e.occurred_at, good - e.good, 0);
  }
  await addToCounters(tx, orgId, promiseId, deltas);
  return changed;
}

/** Rebuilds a promise's counters from its events at a new fine level (a version with a much shorter window). */
export async function rebuildCounters(tx: Tx, orgId: string, promiseId: string, fineMs: number): Promise<void> {
  await tx.deleteFrom('promise_counters').where('promise_id', '=', promiseId).execute();
  await tx.updateTable('promises').set({ fine_bucket_ms: fineMs }).where('org_id', '=', orgId).where('id', '=', promiseId).execute();
  const levels = bucketLevels(fineMs);
  let after = Number.MIN_SAFE_INTEGER;
  let afterId = '';
  for (;;) {
    const batch = await tx
      .selectFrom('promise_events')
      .select(['external_id', 'occurred_at', 'good'])
      .where('promise_id', '=', promiseId)
      // The plain lower bound lets the (promise_id, occurred_at) index start at the cursor: with the
      // OR alone each page scanned every event before it, quadratic in the number of events.
      .where('occurred_at', '>=', after)
      .where((eb) => eb.or([eb('occurred_at', '>', after), eb.and([eb('occurred_at', '=', after), eb('external_id', '>', afterId)])]))
      .orderBy('occurred_at')
      .orderBy('external_id')
      .limit(10_000)
      .execute();
    if (batch.length === 0) break;
    const deltas = new Map() as Deltas;
    for (const e of batch) addEvent(deltas, levels, e.occurred_at, e.good, 1);
    await addToCounters(tx, orgId, promiseId, deltas);
    const last = batch[batch.length - 1]!;
    after = last.occurred_at;
    afterId = last.external_id;
  }
}
