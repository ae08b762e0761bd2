import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../core/webhooks/webhooks.js';
import type { Tx } from '../../db/schema.js';
import { enqueueWebhookEvent } from '../webhooks/webhook.service.js';
import { toWire } from '../wire.js';
import { FULFILLMENT_STATUSES, ZMissingBacking, ZPromise, ZPromiseStatus, ZVersion } from './promise.schema.js';

/** An instant in a webhook body: ISO 8601, UTC. */
const ZAt = z.iso.datetime().describe('ISO 8601 instant, UTC');

const ZAlertRow = z.object({
  severity: z.enum(['page', 'ticket']),
  longWindow: z.string(),
  shortWindow: z.string(),
  threshold: z.number(),
});

/**
 * The `data` of each webhook event, with the API's own shapes: `promise` is what
 * `GET …/promises/{promiseId}` answers at the moment of the event, `status` what `…/status` answers,
 * `version`/`previous` what `…/versions` lists. Tests check real deliveries against these.
 */
export const PROMISE_WEBHOOK_DATA = {
  'promise.published': z.object({ promise: ZPromise }),
  'promise.version_created': z.object({ promise: ZPromise, version: ZVersion, previous: ZVersion }),
  'promise.status_changed': z.object({
    promise: ZPromise,
    from: z.enum(FULFILLMENT_STATUSES),
    to: z.enum(FULFILLMENT_STATUSES),
    at: ZAt,
    status: ZPromiseStatus,
  }),
  'promise.alert_fired': z.object({ promise: ZPromise, alert: ZAlertRow, at: ZAt, status: ZPromiseStatus }),
  'promise.alert_resolved': z.object({ promise: ZPromise, alert: ZAlertRow, at: ZAt, status: ZPromiseStatus }),
  'promise.unbacked': z.object({ promise: ZPromise, missing: ZMissingBacking, since: ZAt }),
} satisfies Record<WebhookEventType, z.ZodType>;

/** What each event says, for the OpenAPI document's `webhooks`. */
export const PROMISE_WEBHOOK_SUMMARIES: Record<WebhookEventType, string> = {
  'promise.published': 'A client or internal promise was published: it is now in force',
  'promise.version_created': 'The terms of a published promise changed: a new version, with the reason',
  'promise.status_changed': 'The evaluator found a promise kept, at risk or broken where it was not before',
  'promise.alert_fired': 'An error-budget burn-rate alert started firing',
  'promise.alert_resolved': 'An error-budget burn-rate alert stopped firing',
  'promise.unbacked': 'The promiser team lost a capability or decision right a published promise needs',
};

/** The whole body of a delivery of event `type`: the envelope every delivery shares, and its data. */
export function webhookBodySchema<T extends WebhookEventType>(type: T) {
  return z.object({
    id: z.string(),
    type: z.literal(type),
    createdAt: ZAt,
    organization: z.object({ id: z.string(), slug: z.string() }),
    data: PROMISE_WEBHOOK_DATA[type],
  });
}

/** Every event as the OpenAPI document lists it. */
export const PROMISE_WEBHOOKS = WEBHOOK_EVENT_TYPES.map((type) => ({
  type,
  summary: PROMISE_WEBHOOK_SUMMARIES[type],
  body: webhookBodySchema(type),
}));

/**
 * Queues a promise event for the subscribed endpoints, its data written as the API writes it
 * (`toWire`: instants as ISO strings), so a receiver reads the same shapes as `GET` answers.
 */
export function enqueuePromiseEvent<T extends WebhookEventType>(
  tx: Tx,
  orgId: string,
  type: T,
  data: z.output<(typeof PROMISE_WEBHOOK_DATA)[T]>,
  now: number,
): Promise<number> {
  return enqueueWebhookEvent(tx, orgId, type, toWire(PROMISE_WEBHOOK_DATA[type], data), now);
}
