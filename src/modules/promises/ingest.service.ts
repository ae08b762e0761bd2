import { conflict } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { bucketLevels, bucketStart } from '../../core/promises/buckets.js';
import { isGoodValue, versionAt } from '../../core/promises/compute.js';
import { DAY_MS } from '../../core/promises/window.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { markPromiseChanged } from './evaluation.repository.js';
import { addCounterRows, type CounterRow, type EventRow, insertEvents } from './ingest.sql.js';
import { loadPromise, loadVersions, toVersion } from './promise.repository.js';
import {
  type IngestRejectionCode,
  type TEventInput,
  type TIngestRejection,
  type TMetric,
  type TVersion,
  ZEventInput,
} from './promise.schema.js';
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

/** Takes one event out of every counter level it was added to (a voided event). */
export async function subtractFromCounters(
  tx: Tx,
  orgId: string,
  promiseId: string,
  fineMs: number,
  at: number,
  good: number,
): Promise<void> {
  const deltas = new Map() as Deltas;
  addEvent(deltas, bucketLevels(fineMs), at, -good, -1);
  await addToCounters(tx, orgId, promiseId, deltas);
}

/** Good or bad by the metric of the version in force, or which field is missing to judge it. */
function judge(metric: TMetric, event: TEventInput): { good: boolean } | { field: 'good' | 'value'; message: string } {
  if (metric.kind === 'ratio') {
    if (event.good === undefined) return { field: 'good', message: 'good: required for a ratio promise (true or false)' };
    return { good: event.good };
  }
  if (event.value === undefined)
    return { field: 'value', message: `value: required for a threshold promise (${metric.unit || 'a number'})` };
  return { good: isGoodValue(event.value, metric.op, metric.threshold) };
}

/** An event as stored, for telling a retry (same payload) from a conflict. */
interface StoredEvent {
  occurred_at: number;
  good: number;
  value: number | null;
  client_id: string | null;
  voided_at: number | null;
}

/** The fields in which an event as judged differs from the one already under its id. */
function differences(row: EventRow, stored: Pick<StoredEvent, 'occurred_at' | 'good' | 'value' | 'client_id'>): string[] {
  const fields: string[] = [];
  if (row.t !== stored.occurred_at) fields.push('occurredAt');
  if (row.g !== stored.good) fields.push('good');
  if (row.v !== stored.value) fields.push('value');
  if (row.c !== stored.client_id) fields.push('clientId');
  return fields;
}

/** The stored events of a promise under the given external ids, voided ones included. */
async function storedEvents(tx: Tx, orgId: string, promiseId: string, ids: string[]): Promise<Map<string, StoredEvent>> {
  const found = new Map<string, StoredEvent>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx
      .selectFrom('promise_events')
      .select(['external_id', 'occurred_at', 'good', 'value', 'client_id', 'voided_at'])
      .where('org_id', '=', orgId)
      .where('promise_id', '=', promiseId)
      .where('external_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) found.set(r.external_id, r);
  }
  return found;
}

async function knownClientsOf(tx: Tx, orgId: string, ids: string[]): Promise<Set<string>> {
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

const stringsAt = (events: readonly unknown[], key: string): string[] => [
  ...new Set(
    events.flatMap((e) => {
      const value = e !== null && typeof e === 'object' ? (e as Record<string, unknown>)[key] : undefined;
      return typeof value === 'string' ? [value.trim()] : [];
    }),
  ),
];

/** Where an ingest refusal points, and why. */
function refusal(
  index: number,
  raw: unknown,
  field: string | null,
  code: IngestRejectionCode,
  message: string,
  row?: number,
): TIngestRejection {
  const id = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).externalId : undefined;
  return {
    index,
    ...(row !== undefined && { row }),
    externalId: typeof id === 'string' ? id : null,
    path: field ? `events.${index}.${field}` : `events.${index}`,
    code,
    message,
    reason: message,
  };
}

/**
 * Ingests fulfillment events in one transaction, judging each on its own: an event of the wrong
 * shape, out of range, for an unknown client or that cannot be judged is refused with its index,
 * path and code while the rest are accepted. Each is judged by the version in force when it happened
 * and added to the counters. An external id already seen (in this batch or stored) with the same
 * payload is a duplicate and changes nothing; with a different payload, or voided, it is refused as
 * a `conflict` and nothing changes either. A bad event for a known client owes that client the
 * redress. `rows`: the file's row of each event, for text/csv.
 */
export async function ingestEvents(
  ctx: OrgContext,
  promiseId: string,
  events: readonly unknown[],
  options: { rows?: readonly number[] } = {},
) {
  return ctx.db.transaction().execute(async (tx) => {
    const promise = await loadPromise(tx, ctx.org.id, promiseId);
    await requireEventSource(tx, ctx, promise.promiser_team_id);
    if (promise.status === 'retired') throw conflict('status', 'the promise is retired: it takes no more events');
    const versions = (await loadVersions(tx, ctx.org.id, promiseId)).map(toVersion);
    const knownClients = await knownClientsOf(tx, ctx.org.id, stringsAt(events, 'clientId'));
    const stored = await storedEvents(tx, ctx.org.id, promiseId, stringsAt(events, 'externalId'));
    const rejected: TIngestRejection[] = [];
    const inBatch = new Map<string, { index: number; row: EventRow }>();
    let duplicates = 0;
    const candidates: { event: TEventInput; version: TVersion; row: EventRow }[] = [];
    const rows: EventRow[] = [];
    const latest = ctx.now + EVENT_FUTURE_LIMIT_MS;
    const earliest = promise.created_at - EVENT_PAST_LIMIT_MS;
    for (let index = 0; index < events.length; index++) {
      const raw = events[index];
      const refuse = (field: string | null, code: IngestRejectionCode, message: string) =>
        rejected.push(refusal(index, raw, field, code, message, options.rows?.[index]));
      const parsed = ZEventInput.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issue.path.join('.');
        refuse(field || null, 'validation_failed', field ? `${field}: ${issue.message}` : `event: ${issue.message}`);
        continue;
      }
      const event = parsed.data;
      const at = Date.parse(event.occurredAt);
      if (at > latest) {
        refuse('occurredAt', 'out_of_range', 'occurredAt: more than a day in the future');
        continue;
      }
      if (at < earliest) {
        refuse('occurredAt', 'out_of_range', 'occurredAt: more than 400 days before the promise was made');
        continue;
      }
      if (event.clientId !== undefined && !knownClients.has(event.clientId)) {
        refuse('clientId', 'unknown_client', 'clientId: no such client in the organization');
        continue;
      }
      const version = versionAt(versions, at) as TVersion;
      const verdict = judge(version.metric, event);
      if ('field' in verdict) {
        refuse(verdict.field, 'unjudgeable', verdict.message);
        continue;
      }
      const row: EventRow = {
        x: event.externalId,
        t: at,
        g: verdict.good ? 1 : 0,
        v: event.value ?? null,
        c: event.clientId ?? null,
        n: version.version,
      };
      const earlier = stored.get(row.x);
      const sibling = inBatch.get(row.x);
      if (earlier?.voided_at != null) {
        refuse('externalId', 'conflict', `externalId: the event "${row.x}" was voided; send the corrected event under a new externalId`);
        continue;
      }
      const differ = earlier
        ? differences(row, earlier)
        : sibling
          ? differences(row, { occurred_at: sibling.row.t, good: sibling.row.g, value: sibling.row.v, client_id: sibling.row.c })
          : null;
      if (differ === null) {
        inBatch.set(row.x, { index, row });
        candidates.push({ event, version, row });
        rows.push(row);
      } else if (differ.length === 0) duplicates++;
      else {
        const where = earlier ? 'an event already stored' : `event ${sibling!.index} of this batch`;
        refuse('externalId', 'conflict', `externalId: "${row.x}" is taken by ${where} with a different ${differ.join(', ')}`);
      }
    }
    // An event stored meanwhile by a concurrent request under the same id is counted as a duplicate.
    const inserted = await insertEvents(tx, ctx.org.id, promiseId, ctx.now, rows);
    const accepted = candidates.filter((_, i) => inserted[i]);
    duplicates += candidates.length - accepted.length;
    const deltas = new Map() as Deltas;
    const levels = bucketLevels(promise.fine_bucket_ms);
    for (const { row } of accepted) addEvent(deltas, levels, row.t, row.g, 1);
    await addToCounters(tx, ctx.org.id, promiseId, deltas);
    if (accepted.length > 0) await markPromiseChanged(tx, ctx.org.id, promiseId, ctx.now);
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
    // A voided event is out of the counters: judging it again would put it back.
    .where('voided_at', 'is', null)
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
      .select(['external_id', 'occurred_at', 'good', 'voided_at'])
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
    // Voided events stay in the page (the cursor walks every event) but count for nothing.
    for (const e of batch) if (e.voided_at === null) addEvent(deltas, levels, e.occurred_at, e.good, 1);
    await addToCounters(tx, orgId, promiseId, deltas);
    const last = batch[batch.length - 1]!;
    after = last.occurred_at;
    afterId = last.external_id;
  }
}
