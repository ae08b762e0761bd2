import { conflict } from '../../core/errors.js';
import { bucketLevels } from '../../core/promises/buckets.js';
import { addToDeltas, type CounterDeltas, deltaRows } from '../../core/promises/counters.js';
import { classifyEvents, rejudgeEvents, type SentEvent } from '../../core/promises/ingest.js';
import { DAY_MS } from '../../core/promises/window.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { markPromiseChanged } from './evaluation.repository.js';
import {
  addCounterRows,
  deleteCounters,
  findKnownClientIds,
  findStoredEvents,
  insertEvents,
  listCountedEventsFrom,
  pageEventsByOccurrence,
  updateEventJudgements,
} from './ingest.repository.js';
import { loadPromise, loadVersions, setFineBucketMs, toVersion } from './promise.repository.js';
import { ZEventInput } from './promise.schema.js';
import { requireEventSource } from './promise-authority.js';
import { insertOwedRedress } from './redress.repository.js';

/** How far back an event may lie before the promise was made, and ahead of now. */
export const EVENT_PAST_LIMIT_MS = 400 * DAY_MS;
export const EVENT_FUTURE_LIMIT_MS = DAY_MS;

/** Takes one event out of every counter level it was added to (a voided event). */
export async function subtractFromCounters(
  tx: Tx,
  orgId: string,
  promiseId: string,
  fineMs: number,
  at: number,
  good: number,
): Promise<void> {
  const deltas: CounterDeltas = new Map();
  addToDeltas(deltas, bucketLevels(fineMs), at, -good, -1);
  await addCounterRows(tx, orgId, promiseId, deltaRows(deltas));
}

const stringsAt = (events: readonly unknown[], key: string): string[] => [
  ...new Set(
    events.flatMap((e) => {
      const value = e !== null && typeof e === 'object' ? (e as Record<string, unknown>)[key] : undefined;
      return typeof value === 'string' ? [value.trim()] : [];
    }),
  ),
];

/** Reads each event into its shape, or the first thing wrong with it; `rows`: each one's file row. */
function readSentEvents(events: readonly unknown[], rows: readonly number[] | undefined): SentEvent[] {
  return events.map((raw, index) => {
    const id = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).externalId : undefined;
    const sent = { sentId: typeof id === 'string' ? id : null, ...(rows?.[index] !== undefined && { row: rows[index] }) };
    const parsed = ZEventInput.safeParse(raw);
    if (parsed.success) return { ...sent, event: parsed.data };
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    return { ...sent, invalid: { field: field || null, message: field ? `${field}: ${issue.message}` : `event: ${issue.message}` } };
  });
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
    if (promise.status === 'retired')
      throw conflict('status', 'wrong_status', 'the promise is retired: it takes no more events', { status: 'retired' });
    const versions = (await loadVersions(tx, ctx.org.id, promiseId)).map(toVersion);
    const knownClients = await findKnownClientIds(tx, ctx.org.id, stringsAt(events, 'clientId'));
    const stored = await findStoredEvents(tx, ctx.org.id, promiseId, stringsAt(events, 'externalId'));
    const window = { earliest: promise.created_at - EVENT_PAST_LIMIT_MS, latest: ctx.now + EVENT_FUTURE_LIMIT_MS };
    const judged = classifyEvents(readSentEvents(events, options.rows), versions, knownClients, window, stored);
    // An event stored meanwhile by a concurrent request under the same id is counted as a duplicate.
    const inserted = await insertEvents(
      tx,
      ctx.org.id,
      promiseId,
      ctx.now,
      judged.rows.map((r) => r.row),
    );
    const accepted = judged.rows.filter((_, i) => inserted[i]);
    const duplicates = judged.duplicates + judged.rows.length - accepted.length;
    const deltas: CounterDeltas = new Map();
    const levels = bucketLevels(promise.fine_bucket_ms);
    for (const { row } of accepted) addToDeltas(deltas, levels, row.occurredAt, row.good, 1);
    await addCounterRows(tx, ctx.org.id, promiseId, deltaRows(deltas));
    if (accepted.length > 0) await markPromiseChanged(tx, ctx.org.id, promiseId, ctx.now);
    await insertOwedRedress(
      tx,
      ctx.org.id,
      accepted.flatMap(({ row, version }) =>
        row.good === 0 && row.clientId !== null && version.redress !== null
          ? [
              {
                promiseId,
                version: version.version,
                clientId: row.clientId,
                eventExternalId: row.externalId,
                kind: version.redress.kind,
                amount: version.redress.amount,
                text: version.redress.text,
                owedAt: row.occurredAt,
              },
            ]
          : [],
      ),
    );
    return { accepted: accepted.length, duplicates, rejected: judged.rejected };
  });
}

/**
 * Judges again the events that happened from `from` on by the versions now recorded (a new version,
 * or a draft's edited terms), moving them between good and bad in the counters.
 */
export async function rejudgeFrom(tx: Tx, orgId: string, promiseId: string, from: number): Promise<number> {
  const promise = await loadPromise(tx, orgId, promiseId);
  const versions = (await loadVersions(tx, orgId, promiseId)).map(toVersion);
  const changes = rejudgeEvents(await listCountedEventsFrom(tx, orgId, promiseId, from), versions);
  await updateEventJudgements(tx, orgId, promiseId, changes);
  const deltas: CounterDeltas = new Map();
  const levels = bucketLevels(promise.fine_bucket_ms);
  for (const c of changes) if (c.goodDelta !== 0) addToDeltas(deltas, levels, c.occurredAt, c.goodDelta, 0);
  await addCounterRows(tx, orgId, promiseId, deltaRows(deltas));
  return changes.length;
}

/** Rebuilds a promise's counters from its events at a new fine level (a version with a much shorter window). */
export async function rebuildCounters(tx: Tx, orgId: string, promiseId: string, fineMs: number): Promise<void> {
  await deleteCounters(tx, orgId, promiseId);
  await setFineBucketMs(tx, orgId, promiseId, fineMs);
  const levels = bucketLevels(fineMs);
  let after = { occurredAt: Number.MIN_SAFE_INTEGER, externalId: '' };
  for (;;) {
    const batch = await pageEventsByOccurrence(tx, orgId, promiseId, after, 10_000);
    if (batch.length === 0) break;
    const deltas: CounterDeltas = new Map();
    // Voided events stay in the page (the cursor walks every event) but count for nothing.
    for (const e of batch) if (e.voidedAt === null) addToDeltas(deltas, levels, e.occurredAt, e.good, 1);
    await addCounterRows(tx, orgId, promiseId, deltaRows(deltas));
    const last = batch[batch.length - 1]!;
    after = { occurredAt: last.occurredAt, externalId: last.externalId };
  }
}
