import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../../src/core/webhooks/event-types';
import { api, orgPath, type Page } from '../../shared/api/client';

export { WEBHOOK_EVENT_TYPES, type WebhookEventType };

export interface Webhook {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  active: boolean;
  /** After a rotation, until when the previous secret still signs deliveries; null otherwise. Instants are ISO 8601, as the API writes them. */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An endpoint with its signing secret: in the answer to creating it or rotating its secret, and never again. */
export type CreatedWebhook = Webhook & { secret: string };

export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  state: 'pending' | 'delivered' | 'failed';
  attemptCount: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  attempts: { at: string; statusCode: number | null; error: string | null; durationMs: number }[];
  deliveredAt: string | null;
  failedAt: string | null;
  createdAt: string;
}

export interface WebhookInput {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
}

export const webhooksApi = {
  list: (org: string, cursor?: string) => api.get<Page<Webhook>>(orgPath(org, 'webhooks'), { cursor }),
  create: (org: string, input: WebhookInput) => api.post<CreatedWebhook>(orgPath(org, 'webhooks'), input),
  update: (org: string, id: string, patch: Partial<WebhookInput> & { active?: boolean }) =>
    api.patch<Webhook>(orgPath(org, 'webhooks', id), patch),
  remove: (org: string, id: string) => api.delete<Webhook>(orgPath(org, 'webhooks', id)),
  deliveries: (org: string, id: string, cursor?: string) =>
    api.get<Page<WebhookDelivery>>(orgPath(org, 'webhooks', id, 'deliveries'), { cursor, limit: 20 }),
  sendTest: (org: string, id: string) => api.post<WebhookDelivery>(orgPath(org, 'webhooks', id, 'test')),
  rotateSecret: (org: string, id: string) => api.post<CreatedWebhook>(orgPath(org, 'webhooks', id, 'rotate-secret')),
};

/** i18next reads `.` as a path separator: `promise.status_changed` is `webhooks.events.promise_status_changed`. */
export function eventKey(type: string): string {
  return `webhooks.events.${type.replace(/\./g, '_')}`;
}
