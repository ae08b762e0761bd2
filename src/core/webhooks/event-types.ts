/** The promise events an organization's webhook endpoints may subscribe to (kept apart from the signing code, so the web app can import it). */
export const WEBHOOK_EVENT_TYPES = [
  'promise.status_changed',
  'promise.alert_fired',
  'promise.alert_resolved',
  'promise.published',
  'promise.version_created',
  'promise.unbacked',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** `ping` is sent by "send test" only; nobody subscribes to it. */
export type WebhookDeliveryType = WebhookEventType | 'ping';
