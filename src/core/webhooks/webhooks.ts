/**
 * Webhook rules (issue 5): the event types an endpoint may subscribe to, the signature a receiver
 * checks, the body every delivery carries, and when a failed delivery is tried again. Pure: the
 * clock comes in as `now`, the network is the worker's business.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookDeliveryType } from './event-types.js';

export { WEBHOOK_EVENT_TYPES, type WebhookDeliveryType, type WebhookEventType } from './event-types.js';

export const SIGNATURE_HEADER = 'X-Clientocracy-Signature';

/** First retry 30 s after a failure, doubling each time, at most an hour apart, given up 24 h after the event. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 3_600_000;
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

/** `sha256=<hex HMAC-SHA256 of the exact body bytes with the secret>`: the value of X-Clientocracy-Signature. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** True when `signature` is the body's signature with the secret (compared in constant time). */
export function verifySignature(secret: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
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
