import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import { ZCreatedWebhook, ZCreateWebhook, ZDeliveryQuery, ZUpdateWebhook, ZWebhook, ZWebhookDelivery } from './webhook.schema.js';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  rotateWebhookSecret,
  sendTestPing,
  updateWebhook,
} from './webhook.service.js';

export function registerWebhookRoutes(r: Registrar): void {
  const base = '/api/v1/orgs/:org/webhooks';
  const manage = { tag: 'webhooks', auth: 'org' as const, permission: 'webhooks:manage' as const };
  // Read per request, so the registration rules and the delivery worker judge URLs alike.
  const allow = () => r.deps.config.webhookAllow;

  r.add({
    ...manage,
    method: 'GET',
    operationId: 'listWebhooks',
    url: base,
    summary: 'Webhook endpoints of the organization (never their secrets)',
    params: ZOrgParams,
    query: ZPageQuery,
    response: ZPage(ZWebhook),
    handler: async ({ ctx, query }) => listWebhooks(ctx, query),
  });
  r.add({
    ...manage,
    method: 'POST',
    operationId: 'createWebhook',
    url: base,
    status: 201,
    summary:
      'Register an endpoint for promise events; the signing secret is in the answer once and never again. Each delivery is a signed POST (X-Clientocracy-Timestamp: <unix seconds>; X-Clientocracy-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">; receivers refuse a t more than 5 minutes off), retried with backoff for 24 hours. Loopback, private, link-local and metadata addresses are refused (422 on url) unless the operator allows them',
    params: ZOrgParams,
    body: ZCreateWebhook,
    response: ZCreatedWebhook,
    handler: async ({ ctx, body }) => createWebhook(ctx, body, allow()),
  });
  r.add({
    ...manage,
    method: 'GET',
    operationId: 'getWebhook',
    url: `${base}/:webhookId`,
    summary: 'One webhook endpoint',
    params: orgParamsWith('webhookId'),
    response: ZWebhook,
    handler: async ({ ctx, params }) => getWebhook(ctx, params.webhookId),
  });
  r.add({
    ...manage,
    method: 'PATCH',
    operationId: 'updateWebhook',
    url: `${base}/:webhookId`,
    summary: 'Change the URL, description or event types of an endpoint, or pause it (active: false)',
    params: orgParamsWith('webhookId'),
    body: ZUpdateWebhook,
    response: ZWebhook,
    handler: async ({ ctx, params, body }) => updateWebhook(ctx, params.webhookId, body, allow()),
  });
  r.add({
    ...manage,
    method: 'POST',
    operationId: 'rotateWebhookSecret',
    url: `${base}/:webhookId/rotate-secret`,
    summary:
      'Give the endpoint a new signing secret, in the answer once; for 24 hours deliveries carry a v1= signature with each secret, then with the new one alone',
    params: orgParamsWith('webhookId'),
    response: ZCreatedWebhook,
    handler: async ({ ctx, params }) => rotateWebhookSecret(ctx, params.webhookId),
  });
  r.add({
    ...manage,
    method: 'DELETE',
    operationId: 'deleteWebhook',
    url: `${base}/:webhookId`,
    summary: 'Remove an endpoint with its delivery log',
    params: orgParamsWith('webhookId'),
    response: ZWebhook,
    handler: async ({ ctx, params }) => deleteWebhook(ctx, params.webhookId),
  });
  r.add({
    ...manage,
    method: 'GET',
    operationId: 'listWebhookDeliveries',
    url: `${base}/:webhookId/deliveries`,
    summary: 'The delivery log of an endpoint, newest first: each attempt with the response code',
    params: orgParamsWith('webhookId'),
    query: ZDeliveryQuery,
    response: ZPage(ZWebhookDelivery),
    handler: async ({ ctx, params, query }) => listDeliveries(ctx, params.webhookId, query),
  });
  r.add({
    ...manage,
    method: 'POST',
    operationId: 'testWebhook',
    url: `${base}/:webhookId/test`,
    status: 202,
    summary: 'Send a test `ping` to the endpoint: queued now, sent within seconds; its outcome appears in the delivery log',
    params: orgParamsWith('webhookId'),
    response: ZWebhookDelivery,
    handler: async ({ ctx, params }) => sendTestPing(ctx, params.webhookId),
  });
}
