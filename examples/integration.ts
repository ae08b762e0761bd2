/**
 * An integration as a customer writes it, against the client generated from /api/openapi.json
 * (`npm run client:generate` → examples/generated/api.d.ts) with openapi-fetch: push the events of a
 * promise, read its status, and verify a webhook delivery's signature. CI type-checks this file
 * against the generated types, so a change of the API that would break it fails the build.
 *
 *   CLIENTOCRACY_URL=http://localhost:3000 CLIENTOCRACY_TOKEN=cc_… CLIENTOCRACY_ORG=stroydom \
 *   CLIENTOCRACY_PROMISE=<promise id> node --import tsx examples/integration.ts
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/api.js';

type IngestResult = components['schemas']['IngestResult'];
type PromiseStatus = components['schemas']['PromiseStatus'];

const api = createClient<paths>({
  baseUrl: process.env.CLIENTOCRACY_URL ?? 'http://localhost:3000',
  headers: { Authorization: `Bearer ${process.env.CLIENTOCRACY_TOKEN ?? ''}` },
});

/**
 * Sends a batch (up to 10,000 events). Safe to retry: an event whose externalId is stored with the
 * same payload counts as a duplicate; each refused event is listed with its index, path and code,
 * the rest are taken.
 */
export async function pushEvents(org: string, promiseId: string, events: components['schemas']['IngestEvent'][]): Promise<IngestResult> {
  const { data, error } = await api.POST('/api/v1/orgs/{org}/promises/{promiseId}/events', {
    params: { path: { org, promiseId } },
    body: { events },
  });
  if (error) throw new Error(`ingest refused: ${error.error.code}: ${error.error.message}`);
  for (const rejected of data.rejected)
    console.warn(`event ${rejected.index} (${rejected.externalId}): ${rejected.code} at ${rejected.path}`);
  return data;
}

/** The promise's fulfillment now: attainment, the error budget and its status (kept, at_risk, broken, no_data). */
export async function readStatus(org: string, promiseId: string): Promise<PromiseStatus> {
  const { data, error } = await api.GET('/api/v1/orgs/{org}/promises/{promiseId}/status', {
    params: { path: { org, promiseId } },
  });
  if (error) throw new Error(`status refused: ${error.error.code}: ${error.error.message}`);
  return data;
}

/**
 * Verifies a webhook delivery before trusting it: `X-Clientocracy-Signature` is
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with one `v1=` per valid secret (two
 * for 24 hours after a rotation). Refuse a `t` more than 5 minutes from your clock (replays), and
 * compute the HMAC over the raw bytes received, not over re-serialized JSON.
 */
export function verifyWebhook(signatureHeader: string | undefined, rawBody: string | Buffer, secret: string, now = Date.now()): boolean {
  if (!signatureHeader) return false;
  const parts = signatureHeader.split(',').map((part) => part.trim().split('='));
  const t = parts.find(([key]) => key === 't')?.[1];
  if (!t || !/^\d+$/.test(t) || Math.abs(now / 1000 - Number(t)) > 300) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest('hex'));
  return parts.some(([key, value]) => {
    if (key !== 'v1' || value === undefined) return false;
    const given = Buffer.from(value);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** A delivery's body once verified: which event, when, and its data — typed from the document's `webhooks`. */
export type WebhookDelivery =
  | components['schemas']['PromisePublishedWebhook']
  | components['schemas']['PromiseVersionCreatedWebhook']
  | components['schemas']['PromiseStatusChangedWebhook']
  | components['schemas']['PromiseAlertFiredWebhook']
  | components['schemas']['PromiseAlertResolvedWebhook']
  | components['schemas']['PromiseUnbackedWebhook'];

/** What a receiver does with a verified delivery: here, says what changed, in the API's own shapes. */
export function describeDelivery(delivery: WebhookDelivery): string {
  switch (delivery.type) {
    case 'promise.status_changed':
      return `${delivery.data.promise.title}: ${delivery.data.from} → ${delivery.data.to} (attainment ${delivery.data.status.attainment ?? '—'})`;
    case 'promise.unbacked':
      return `${delivery.data.promise.title} lost ${delivery.data.missing.rights.length + delivery.data.missing.capabilities.length} of its backing`;
    default:
      return `${delivery.type}: ${delivery.data.promise.title}`;
  }
}

async function main(): Promise<void> {
  const org = process.env.CLIENTOCRACY_ORG ?? 'stroydom';
  const promiseId = process.env.CLIENTOCRACY_PROMISE;
  if (!promiseId) throw new Error('set CLIENTOCRACY_PROMISE to the id of a published promise');
  const result = await pushEvents(org, promiseId, [
    { externalId: 'ticket-4711', occurredAt: '2026-11-01T10:00:00Z', good: true },
    { externalId: 'ticket-4712', occurredAt: '2026-11-01T10:05:00Z', good: false },
  ]);
  console.log(`accepted ${result.accepted}, duplicates ${result.duplicates}, rejected ${result.rejected.length}`);
  const status = await readStatus(org, promiseId);
  console.log(`${status.status}: attainment ${status.attainment ?? '—'} against ${status.target}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
