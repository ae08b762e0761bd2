/**
 * Webhook rules: the event types an endpoint may subscribe to, the signature a receiver
 * checks, the body every delivery carries, and when a failed delivery is tried again. The signature
 * covers a timestamp as well as the body, so a captured delivery cannot be replayed after
 * 5 minutes, and carries one entry per valid secret, so a secret can be rotated without a gap. Pure:
 * the clock comes in as `now`, the network is the worker's business (where it may go: address.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookDeliveryType } from './event-types.js';

export { WEBHOOK_EVENT_TYPES, type WebhookDeliveryType, type WebhookEventType } from './event-types.js';

export const SIGNATURE_HEADER = 'X-Clientocracy-Signature';
export const TIMESTAMP_HEADER = 'X-Clientocracy-Timestamp';

/** A receiver refuses a signature whose timestamp is further than this from its own clock: a replay window of 5 minutes. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** After a rotation the previous secret still signs deliveries this long, so receivers can switch without losing any. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;

/** First retry 30 s after a failure, doubling each time, at most an hour apart, given up 24 h after the event. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 3_600_000;
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

function hmacHex(secret: string, timestamp: string, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(body).digest('hex');
}

/**
 * The X-Clientocracy-Signature value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, with one
 * `v1=` per secret (two while a rotation overlaps), in the order given. `timestampSeconds` is an integer.
 */
export function signWebhook(secrets: readonly string[], body: string, timestampSeconds: number): string {
  const t = String(Math.floor(timestampSeconds));
  return [`t=${t}`, ...secrets.map((secret) => `v1=${hmacHex(secret, t, body)}`)].join(',');
}

/**
 * True when `header` (an X-Clientocracy-Signature value) carries a `v1=` signature of `"<t>.<body>"` by
 * one of `secrets` and its `t=` is within `toleranceSeconds` of `nowSeconds` either way. Anything else —
 * a missing, short, garbled or repeated-`t` header, a tampered body, an old timestamp — is false; it
 * never throws. Signatures are compared in constant time, lengths checked first.
 */
export function verifyWebhookSignature(
  header: unknown,
  body: string | Uint8Array,
  secrets: string | readonly string[],
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  if (typeof header !== 'string' || header.length > 4096) return false;
  const timestamps: string[] = [];
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value, extra] = part.trim().split('=');
    if (extra !== undefined || value === undefined) continue;
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamps.push(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  const [t] = timestamps;
  if (timestamps.length !== 1 || t === undefined || !(Math.abs(nowSeconds - Number(t)) <= toleranceSeconds)) return false;
  const given = signatures.map((signature) => Buffer.from(signature, 'utf8'));
  return (typeof secrets === 'string' ? [secrets] : secrets).some((secret) => {
    const expected = Buffer.from(hmacHex(secret, t, body), 'utf8');
    return given.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
  });
}

/**
 * The secrets a delivery made at `now` is signed with: the endpoint's current secret, then the
 * previous one while its overlap after a rotation lasts (until `previousSecretExpiresAt`, exclusive).
 */
export function signingSecrets(
  endpoint: { secret: string; previousSecret: string | null; previousSecretExpiresAt: number | null },
  now: number,
): string[] {
  const { secret, previousSecret, previousSecretExpiresAt } = endpoint;
  return previousSecret !== null && previousSecretExpiresAt !== null && now < previousSecretExpiresAt ? [secret, previousSecret] : [secret];
}

/** The JSON body of a delivery: `{id, type, createdAt (ISO-8601), organization: {id, slug}, data}`. */
export function webhookBody(event: {
  id: string;
  type: WebhookDeliveryType;
  createdAt: number;
  organization: { id: string; slug: string };
  data: unknown;
}): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: new Date(event.createdAt).toISOString(),
    organization: event.organization,
    data: event.data,
  });
}

/** A receiver accepted the delivery: any 2xx answer. */
export function isAccepted(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300;
}

/** Wait before attempt n+1 after n failed attempts (n ≥ 1): 30 s × 2^(n−1), at most an hour. */
export function retryDelayMs(failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2^7 × 30 s already passes the cap; avoid huge powers.
  return exponent >= 7 ? RETRY_CAP_MS : Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** exponent);
}

/**
 * When to try a failed delivery again, or null to give up: never later than 24 h after the event
 * was created (the last retry is moved up to that instant rather than skipped).
 */
export function nextAttemptAt(createdAt: number, failedAttempts: number, now: number): number | null {
  const deadline = createdAt + GIVE_UP_AFTER_MS;
  if (now >= deadline) return null;
  return Math.min(now + retryDelayMs(failedAttempts), deadline);
}

/** True for a URL a webhook may be sent to: absolute, http or https, no credentials in it. */
export function isWebhookUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' && url.password === '';
}
