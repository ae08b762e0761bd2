import { conflict } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { bucketLevels, bucketStart } from '../../core/promises/buckets.js';
import { isGoodValue, versionAt } from '../../core/promises/compute.js';
import { DAY_MS } from '../../core/promises/window.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { loadPromise, loadVersions, toVersion } from './promise.repository.js';
import type { TEventInput, TMetric, TVersion } from './promise.schema.js';
import { requireEventSource } from './promise-authority.js';

/** How far back an event may lie before the promise was made, and ahead of now. */
export const EVENT_PAST_LIMIT_MS = 400 * DAY_MS;
export const EVENT_FUTURE_LIMIT_MS = DAY_MS;
const CHUNK = 500;

type Delta = { good: number; total: number };

/** Adds deltas to the counters of a promise at every level, in chunks (one upsert per bucket). */
async function addToCounters(tx: Tx, orgId: string, promiseId: string, deltas: Map<string, Delta>): Promise<void> {
  const rows = [...deltas.entries()]
    .filter(([, d]) => d.good !== 0 || d.total !== 0)
    .map(([key, d]) => {
      const [level, start] = key.split(':').map(Number) as [number, number];
      return { promise_id: promiseId, level, bucket_start: start, org_id: orgId, good: d.good, total: d.total };
    });
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insertInto('promise_counters')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['promise_id', 'level', 'bucket_start']).doUpdateSet((eb) => ({
          good: eb('promise_counters.good', '+', eb.ref('excluded.good')),
          total: eb('promise_counters.total', '+', eb.ref('excluded.total')),
        })),
      )
      .execute();
  }
}

function addEvent(deltas: Map<string, Delta>, levels: readonly number[], at: number, good: number, total: number): void {
  for (const level of levels) {
    const key = `${level}:${bucketStart(at, level)}`;
    const d = deltas.get(key) ?? { good: 0, total: 0 };
    d.good += good;
    d.total += total;
    deltas.set(key, d);
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
    const candidates: { index: number; event: TEventInput; at: number; good: boolean; version: TVersion }[] = [];
    for (const [index, event] of events.entries()) {
      const at = Date.parse(event.occurredAt);
      const refuse = (reason: string) => rejected.push({ index, externalId: event.externalId, reason });
      if (at > ctx.now + EVENT_FUTURE_LIMIT_MS) refuse('occurredAt: more than a day in the future');
      else if (at < promise.created_at - EVENT_PAST_LIMIT_MS) refuse('occurredAt: more than 400 days before the promise was made');
      else if (event.clientId !== undefined && !knownClients.has(event.clientId)) refuse('clientId: no such client in the organization');
      else if (seen.has(event.externalId)) duplicates++;
      else {
        const version = versionAt(
          versions.map((v) => ({ ...v, effectiveFrom: v.effectiveFrom })),
          at,
        ) as TVersion;
        const verdict = judge(version.metric, event);
        if ('reason' in verdict) refuse(verdict.reason);
        else {
          seen.add(event.externalId);
          candidates.push({ index, event, at, good: verdict.good, version });
        }
      }
    }
    const inserted = new Set<string>();
    for (let i = 0; i < candidates.length; i += CHUNK) {
      const rows = await tx
        .insertInto('promise_events')
        .values(
          candidates.slice(i, i + CHUNK).map((c) => ({
            promise_id: promiseId,
            external_id: c.event.externalId,
            org_id: ctx.org.id,
            occurred_at: c.at,
            good: c.good ? 1 : 0,
            value: c.event.value ?? null,
            client_id: c.event.clientId ?? null,
            version: c.version.version,
            ingested_at: ctx.now,
          })),
        )
        .onConflict((oc) => oc.columns(['promise_id', 'external_id']).doNothing())
        .returning('external_id')
        .execute();
      for (const r of rows) inserted.add(r.external_id);
    }
    const accepted = candidates.filter((c) => inserted.has(c.event.externalId));
    duplicates += candidates.length - accepted.length;
    const deltas = new Map<string, Delta>();
    const levels = bucketLevels(promise.fine_bucket_ms);
    for (const c of accepted) addEvent(deltas, levels, c.at, c.good ? 1 : 0, 1);
    await addToCounters(tx, ctx.org.id, promiseId, deltas);
    const owed = accepted.filter((c) => !c.good && c.event.clientId !== undefined && c.version.redress !== null);
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
            owed_at: c.at,
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
  const deltas = new Map<string, Delta>();
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
    const deltas = new Map<string, Delta>();
    for (const e of batch) addEvent(deltas, levels, e.occurred_at, e.good, 1);
    await addToCounters(tx, orgId, promiseId, deltas);
    const last = batch[batch.length - 1]!;
    after = last.occurred_at;
    afterId = last.external_id;
  }
}
