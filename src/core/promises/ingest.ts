/**
 * Judging fulfillment events one by one, before anything is stored: each event sent is accepted as a
 * row to store, counted as a duplicate (its external id already holds the same payload) or refused
 * with where and why. One bad event is refused alone; the rest of the batch goes on.
 */

import type { ThresholdOp } from './compute.js';
import { isGoodValue, versionAt } from './compute.js';

/** Why an event was refused, as the ingest answer names it. */
export type IngestRejectionCode = 'validation_failed' | 'out_of_range' | 'unknown_client' | 'unjudgeable' | 'conflict';

/** An event in the shape the API takes it (already read by the schema). */
export interface IngestEvent {
  externalId: string;
  /** ISO 8601 with an offset. */
  occurredAt: string;
  good?: boolean;
  value?: number;
  clientId?: string;
}

/**
 * An event as sent: read into its shape, or the first thing wrong with its shape. `sentId` is its
 * externalId as sent when that is a string (even if something else is wrong), `row` its row in a
 * CSV file.
 */
export type SentEvent = { sentId: string | null; row?: number } & (
  | { event: IngestEvent }
  | { invalid: { field: string | null; message: string } }
);

/** An event as stored: occurredAt in epoch ms, good 1 or 0, the version that judged it. */
export interface EventRow {
  externalId: string;
  occurredAt: number;
  good: 0 | 1;
  value: number | null;
  clientId: string | null;
  version: number;
}

/** What an already stored event holds, to tell a retry (same payload) from a conflict. */
export interface StoredEvent {
  occurredAt: number;
  good: number;
  value: number | null;
  clientId: string | null;
  voidedAt: number | null;
}

/** What judging needs of a promise's version: the metric, and when it came into force. */
export interface JudgingVersion {
  version: number;
  effectiveFrom: number;
  metric: { kind: 'ratio' } | { kind: 'threshold'; op: ThresholdOp; threshold: number; unit: string };
}

/** The instants an event may lie between, inclusive (epoch ms). */
export interface EventWindow {
  earliest: number;
  latest: number;
}

export interface IngestRejection {
  index: number;
  row?: number;
  externalId: string | null;
  path: string;
  code: IngestRejectionCode;
  message: string;
  reason: string;
}

export interface IngestClassification<V> {
  /** Events to store, in the order sent, each with the version that judged it. */
  rows: { row: EventRow; version: V }[];
  rejected: IngestRejection[];
  /** Events whose external id already holds the same payload (stored, or earlier in the batch). */
  duplicates: number;
}

/** Good or bad by the metric of the version in force, or which field is missing to judge it. */
export function judgeEvent(
  metric: JudgingVersion['metric'],
  event: Pick<IngestEvent, 'good' | 'value'>,
): { good: boolean } | { field: 'good' | 'value'; message: string } {
  if (metric.kind === 'ratio') {
    if (event.good === undefined) return { field: 'good', message: 'good: required for a ratio promise (true or false)' };
    return { good: event.good };
  }
  if (event.value === undefined)
    return { field: 'value', message: `value: required for a threshold promise (${metric.unit || 'a number'})` };
  return { good: isGoodValue(event.value, metric.op, metric.threshold) };
}

/** The fields in which an event as judged differs from the one already under its id; none: the same payload. */
export function eventDifferences(row: EventRow, other: Pick<StoredEvent, 'occurredAt' | 'good' | 'value' | 'clientId'>): string[] {
  const fields: string[] = [];
  if (row.occurredAt !== other.occurredAt) fields.push('occurredAt');
  if (row.good !== other.good) fields.push('good');
  if (row.value !== other.value) fields.push('value');
  if (row.clientId !== other.clientId) fields.push('clientId');
  return fields;
}

function rejection(index: number, sent: SentEvent, field: string | null, code: IngestRejectionCode, message: string): IngestRejection {
  return {
    index,
    ...(sent.row !== undefined && { row: sent.row }),
    externalId: sent.sentId,
    path: field ? `events.${index}.${field}` : `events.${index}`,
    code,
    message,
    reason: message,
  };
}

/**
 * Judges a batch of events against a promise's versions (sorted by effectiveFrom; an event before
 * the first is judged by the first), the clients that exist, the window an event may lie in, and the
 * events already stored under the batch's external ids. In order, an event is refused when its shape
 * is wrong, it lies outside the window, names an unknown client or cannot be judged by its metric;
 * an external id already stored or earlier in the batch is a duplicate with the same payload, a
 * `conflict` with another payload or when the stored one was voided. No versions: never called (a
 * promise always has its first).
 */
export function classifyEvents<V extends JudgingVersion>(
  events: readonly SentEvent[],
  versions: readonly V[],
  knownClients: ReadonlySet<string>,
  window: EventWindow,
  stored: ReadonlyMap<string, StoredEvent>,
): IngestClassification<V> {
  const rows: { row: EventRow; version: V }[] = [];
  const rejected: IngestRejection[] = [];
  const inBatch = new Map<string, { index: number; row: EventRow }>();
  let duplicates = 0;
  for (const [index, sent] of events.entries()) {
    const refuse = (field: string | null, code: IngestRejectionCode, message: string) => {
      rejected.push(rejection(index, sent, field, code, message));
    };
    if ('invalid' in sent) {
      refuse(sent.invalid.field, 'validation_failed', sent.invalid.message);
      continue;
    }
    const event = sent.event;
    const at = Date.parse(event.occurredAt);
    if (at > window.latest) {
      refuse('occurredAt', 'out_of_range', 'occurredAt: more than a day in the future');
      continue;
    }
    if (at < window.earliest) {
      refuse('occurredAt', 'out_of_range', 'occurredAt: more than 400 days before the promise was made');
      continue;
    }
    if (event.clientId !== undefined && !knownClients.has(event.clientId)) {
      refuse('clientId', 'unknown_client', 'clientId: no such client in the organization');
      continue;
    }
    const version = versionAt(versions, at) as V;
    const verdict = judgeEvent(version.metric, event);
    if ('field' in verdict) {
      refuse(verdict.field, 'unjudgeable', verdict.message);
      continue;
    }
    const row: EventRow = {
      externalId: event.externalId,
      occurredAt: at,
      good: verdict.good ? 1 : 0,
      value: event.value ?? null,
      clientId: event.clientId ?? null,
      version: version.version,
    };
    const earlier = stored.get(row.externalId);
    const sibling = inBatch.get(row.externalId);
    if (earlier && earlier.voidedAt !== null) {
      refuse(
        'externalId',
        'conflict',
        `externalId: the event "${row.externalId}" was voided; send the corrected event under a new externalId`,
      );
      continue;
    }
    const differ = earlier ? eventDifferences(row, earlier) : sibling ? eventDifferences(row, sibling.row) : null;
    if (differ === null) {
      inBatch.set(row.externalId, { index, row });
      rows.push({ row, version });
    } else if (differ.length === 0) duplicates++;
    else {
      const where = earlier ? 'an event already stored' : `event ${sibling?.index} of this batch`;
      refuse('externalId', 'conflict', `externalId: "${row.externalId}" is taken by ${where} with a different ${differ.join(', ')}`);
    }
  }
  return { rows, rejected, duplicates };
}

/** A stored event as judging it again reads it. */
export interface JudgedEvent {
  externalId: string;
  occurredAt: number;
  good: number;
  value: number | null;
  version: number;
}

/** An event whose verdict or judging version changes; `goodDelta` is what the counters' good moves by. */
export interface Rejudgement {
  externalId: string;
  occurredAt: number;
  good: 0 | 1;
  version: number;
  goodDelta: number;
}

/**
 * Judges stored events again by the versions now recorded: a threshold event by its value under the
 * version in force when it happened; a ratio event (or one without a value) keeps its verdict. Only
 * the events whose verdict or version changes are returned.
 */
export function rejudgeEvents(events: readonly JudgedEvent[], versions: readonly JudgingVersion[]): Rejudgement[] {
  const changes: Rejudgement[] = [];
  for (const e of events) {
    const version = versionAt(versions, e.occurredAt) as JudgingVersion;
    const metric = version.metric;
    const good = (metric.kind === 'threshold' && e.value !== null ? (isGoodValue(e.value, metric.op, metric.threshold) ? 1 : 0) : e.good) as
      | 0
      | 1;
    if (good === e.good && version.version === e.version) continue;
    changes.push({ externalId: e.externalId, occurredAt: e.occurredAt, good, version: version.version, goodDelta: good - e.good });
  }
  return changes;
}
