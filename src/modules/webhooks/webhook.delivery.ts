/**
 * The delivery worker: sends the webhook deliveries that are due, signed, with a timeout, to allowed
 * addresses only (webhook.request.ts), and schedules failed ones again with exponential backoff until 24 hours have passed. It runs on a timer
 * in `serve`, outside any request; several processes may run it at once (see claimDueDeliveries).
 */
import type { WebhookAllowList } from '../../core/webhooks/address.js';
import {
  GIVE_UP_AFTER_MS,
  isAccepted,
  nextAttemptAt,
  SIGNATURE_HEADER,
  signingSecrets,
  signWebhook,
  TIMESTAMP_HEADER,
} from '../../core/webhooks/webhooks.js';
import type { Db, Dialect } from '../../db/schema.js';
import { VERSION } from '../../version.js';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  clearExpiredPreviousSecrets,
  deleteEndedDeliveriesBefore,
  giveUpPausedOlderThan,
  recordAttempt,
} from './webhook.repository.js';
import { postWebhook, type ResolveHost } from './webhook.request.js';
import type { TWebhookDelivery } from './webhook.schema.js';

export interface DeliveryOptions {
  dialect: Dialect;
  /** How long a receiver may take to answer; 10 s by default. */
  timeoutMs?: number;
  /** Deliveries taken per run; 100 by default. */
  limit?: number;
  /** Requests in flight at once; 8 by default. */
  concurrency?: number;
  /** Loopback, private or internal receivers the operator allows (CLIENTOCRACY_WEBHOOK_ALLOW); none by default. */
  allow?: WebhookAllowList;
  /** Resolves a host name to all its addresses (tests make a name resolve where they need); the system resolver by default. */
  resolve?: ResolveHost;
}

export interface DeliveryRun {
  attempted: number;
  delivered: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Given up: 24 hours of failures, or waiting that long for a paused endpoint. */
  failed: number;
}

interface Outcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

type SendOptions = Pick<DeliveryOptions, 'allow' | 'resolve'> & { timeoutMs: number };

/**
 * One POST of the exact stored body, signed at `now` with every secret valid then (two during a
 * rotation's overlap); never throws.
 */
async function post(claimed: ClaimedDelivery, now: number, options: SendOptions): Promise<Outcome> {
  const { delivery } = claimed;
  const timestamp = Math.floor(now / 1000);
  const started = performance.now();
  const outcome = await postWebhook(
    claimed.url,
    {
      'content-type': 'application/json',
      'user-agent': `Clientocracy-Webhooks/${VERSION}`,
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signWebhook(signingSecrets(claimed.endpoint, now), delivery.payload, timestamp),
      'X-Clientocracy-Event': delivery.event_type,
      'X-Clientocracy-Delivery': delivery.id,
    },
    delivery.payload,
    options,
  );
  const error = outcome.error ?? (isAccepted(outcome.statusCode) ? null : `the receiver answered ${outcome.statusCode}`);
  return { statusCode: outcome.statusCode, error, durationMs: Math.round(performance.now() - started) };
}

/** Records an attempt made at `now`: delivered on a 2xx; else retried later, or given up after 24 hours. */
async function record(db: Db, claimed: ClaimedDelivery, outcome: Outcome, now: number): Promise<'delivered' | 'retrying' | 'failed'> {
  const { delivery } = claimed;
  const attemptCount = delivery.attempt_count + 1;
  const attempts = [...(JSON.parse(delivery.attempts) as TWebhookDelivery['attempts']), { at: now, ...outcome }];
  const accepted = isAccepted(outcome.statusCode);
  const retryAt = accepted ? null : nextAttemptAt(delivery.created_at, attemptCount, now);
  await recordAttempt(db, delivery.id, {
    attempt_count: attemptCount,
    attempts: JSON.stringify(attempts),
    next_attempt_at: retryAt,
    last_attempt_at: now,
    last_status_code: outcome.statusCode,
    last_error: outcome.error,
    delivered_at: accepted ? now : null,
    failed_at: !accepted && retryAt === null ? now : null,
  });
  return accepted ? 'delivered' : retryAt === null ? 'failed' : 'retrying';
}

/**
 * Sends every delivery due at `now` (UTC ms; scheduling uses it, so tests drive the clock), a few at
 * a time. One receiver failing or hanging never stops the others; nothing here throws for a receiver.
 */
export async function deliverDue(db: Db, now: number, options: DeliveryOptions): Promise<DeliveryRun> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const send: SendOptions = { timeoutMs, allow: options.allow, resolve: options.resolve };
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const run: DeliveryRun = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  run.failed += await giveUpPausedOlderThan(db, now - GIVE_UP_AFTER_MS, now);
  // The lease outlasts the longest attempt: a worker that dies mid-attempt leaves the delivery to the next run after it.
  const claimed = await claimDueDeliveries(db, options.dialect, now, now + timeoutMs + 60_000, options.limit ?? 100);
  let next = 0;
  const lane = async () => {
    while (next < claimed.length) {
      const item = claimed[next++] as ClaimedDelivery;
      const result = await record(db, item, await post(item, now, send), now);
      run.attempted += 1;
      run[result] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, lane));
  return run;
}

/** How long the log keeps a delivery once it is delivered or given up: the log is for recent trouble. */
export const DELIVERY_LOG_DAYS = 30;

/**
 * Removes deliveries that ended (delivered, or failed for good) more than DELIVERY_LOG_DAYS before
 * `now`; pending ones stay whatever their age. Safe to run from several processes at once.
 */
export async function pruneDeliveries(db: Db, now: number): Promise<number> {
  const before = now - DELIVERY_LOG_DAYS * 24 * 3_600_000;
  return deleteEndedDeliveriesBefore(db, before);
}

/**
 * Drops the secrets that rotations replaced once their 24-hour overlap has ended at `now` (they sign
 * nothing after it; keeping them would only keep a key to leak). Returns how many were dropped.
 */
export async function forgetExpiredSecrets(db: Db, now: number): Promise<number> {
  return clearExpiredPreviousSecrets(db, now);
}
