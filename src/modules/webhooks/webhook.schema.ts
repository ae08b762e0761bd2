import { z } from 'zod';
import { isWebhookUrl, WEBHOOK_EVENT_TYPES } from '../../core/webhooks/webhooks.js';
import { ZPageQuery, ZTime } from '../common.schema.js';

export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

const ZWebhookUrl = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2000)
  .refine(isWebhookUrl, {
    message: 'must be an absolute http:// or https:// URL without a user name or password',
    params: { code: 'invalid_url' },
  })
  .describe(
    'where deliveries are POSTed; loopback, private, link-local and metadata addresses and local names (localhost, *.local, *.internal) are refused unless the operator allows them (CLIENTOCRACY_WEBHOOK_ALLOW)',
  )
  .meta({ examples: ['https://example.test/hooks/clientocracy', 'https://hooks.example.test/promises'] });

const ZDescription = z.string().trim().max(200).describe('what the endpoint is for');

const ZEventTypes = z
  .array(ZWebhookEventType)
  .min(1, 'choose at least one event type')
  .max(WEBHOOK_EVENT_TYPES.length * 2)
  .describe('the events sent to this endpoint');

export const ZCreateWebhook = z
  .object({
    url: ZWebhookUrl,
    description: ZDescription.default(''),
    eventTypes: ZEventTypes,
  })
  .meta({ id: 'CreateWebhook' });
export type TCreateWebhook = z.output<typeof ZCreateWebhook>;

// Built without the default: a partial update must not reset an omitted description to ''.
export const ZUpdateWebhook = z
  .object({
    url: ZWebhookUrl,
    description: ZDescription,
    eventTypes: ZEventTypes,
    active: z.boolean().describe('false pauses deliveries; they wait until the endpoint is active again (24 h at most)'),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateWebhook' });
export type TUpdateWebhook = z.output<typeof ZUpdateWebhook>;

export const ZWebhook = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(ZWebhookEventType),
    active: z.boolean(),
    previousSecretExpiresAt: ZTime.nullable().describe(
      'after a secret rotation, until when the previous secret still signs deliveries beside the new one; null otherwise',
    ),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .meta({ id: 'Webhook' });
export type TWebhook = z.output<typeof ZWebhook>;

/** Returned once, at creation or rotation: the secret every delivery is signed with is never shown again. */
export const ZCreatedWebhook = ZWebhook.extend({
  secret: z.string().describe('HMAC-SHA256 key of the v1= entries of the X-Clientocracy-Signature header; shown only now'),
}).meta({ id: 'CreatedWebhook' });

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;

export const ZWebhookDelivery = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    state: z.enum(DELIVERY_STATES).describe('failed: given up after 24 hours of retries'),
    attemptCount: z.number().int(),
    nextAttemptAt: ZTime.nullable(),
    lastAttemptAt: ZTime.nullable(),
    lastStatusCode: z.number().int().nullable().describe('the HTTP status the receiver answered last; null when it could not be reached'),
    lastError: z.string().nullable(),
    attempts: z.array(
      z.object({ at: ZTime, statusCode: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int() }),
    ),
    deliveredAt: ZTime.nullable(),
    failedAt: ZTime.nullable(),
    createdAt: ZTime,
    payload: z.record(z.string(), z.unknown()).describe('the JSON body sent'),
  })
  .meta({ id: 'WebhookDelivery' });
export type TWebhookDelivery = z.output<typeof ZWebhookDelivery>;

export const ZDeliveryQuery = ZPageQuery.extend({ state: z.enum(DELIVERY_STATES).optional() });
export type TDeliveryQuery = z.output<typeof ZDeliveryQuery>;
