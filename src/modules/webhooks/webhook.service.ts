import { invalidField } from '../../core/errors.js';
import { newId, newSecret } from '../../core/ids.js';
import { checkWebhookHost, EMPTY_ALLOW_LIST, REFUSED_HOST_MESSAGE, type WebhookAllowList } from '../../core/webhooks/address.js';
import { SECRET_OVERLAP_MS, type WebhookDeliveryType, type WebhookEventType, webhookBody } from '../../core/webhooks/webhooks.js';
import type { Tx, WebhookDeliveriesTable, WebhookEndpointsTable } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { loadOrgRef } from '../orgs/org.repository.js';
import {
  deleteEndpointWithDeliveries,
  findEndpoint,
  insertDeliveries,
  insertEndpoint,
  listDeliveryRows,
  pageEndpoints,
  subscribedEndpoints,
  updateEndpointRow,
} from './webhook.repository.js';
import type { TCreateWebhook, TDeliveryQuery, TUpdateWebhook, TWebhook, TWebhookDelivery } from './webhook.schema.js';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** The endpoint as the API shows it at `now` (an overlap that has ended shows as null). */
export function toWebhook(row: WebhookEndpointsTable, now: number): TWebhook {
  const overlapEnds = row.previous_secret_expires_at;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: JSON.parse(row.event_types) as WebhookEventType[],
    active: row.disabled_at === null,
    previousSecretExpiresAt: row.previous_secret !== null && overlapEnds !== null && overlapEnds > now ? overlapEnds : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toDelivery(row: WebhookDeliveriesTable): TWebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    state: row.delivered_at !== null ? 'delivered' : row.failed_at !== null ? 'failed' : 'pending',
    attemptCount: row.attempt_count,
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    attempts: JSON.parse(row.attempts) as TWebhookDelivery['attempts'],
    deliveredAt: row.delivered_at,
    failedAt: row.failed_at,
    createdAt: row.created_at,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  };
}

/** Each type once, in the order given. */
const distinct = (types: WebhookEventType[]) => [...new Set(types)];

/**
 * Refuses a URL whose host is a loopback, private, link-local or metadata address or a local name,
 * unless the operator's allow list (CLIENTOCRACY_WEBHOOK_ALLOW) names it: 422 on `url`.
 */
function assertReachableUrl(url: string, allow: WebhookAllowList): void {
  const verdict = checkWebhookHost(new URL(url).hostname, allow);
  if (!verdict.allowed) {
    throw invalidField(
      'url',
      'not_allowed',
      `${REFUSED_HOST_MESSAGE} ${verdict.reason}; the server's operator may allow it with CLIENTOCRACY_WEBHOOK_ALLOW`,
    );
  }
}

const newWebhookSecret = () => `${WEBHOOK_SECRET_PREFIX}${newSecret()}`;

export async function listWebhooks(ctx: OrgContext, page: TPageQuery) {
  const result = await pageEndpoints(ctx.db, ctx.org.id, page);
  return { items: result.items.map((row) => toWebhook(row, ctx.now)), nextCursor: result.nextCursor };
}

export async function getWebhook(ctx: OrgContext, id: string): Promise<TWebhook> {
  return toWebhook(await findEndpoint(ctx.db, ctx.org.id, id), ctx.now);
}

/**
 * Registers an endpoint; the signing secret is in the answer once and never again (like an API
 * token). `allow` is the operator's CLIENTOCRACY_WEBHOOK_ALLOW; without it only public hosts are taken.
 */
export async function createWebhook(
  ctx: OrgContext,
  input: TCreateWebhook,
  allow: WebhookAllowList = EMPTY_ALLOW_LIST,
): Promise<TWebhook & { secret: string }> {
  assertReachableUrl(input.url, allow);
  const row: WebhookEndpointsTable = {
    id: newId(),
    org_id: ctx.org.id,
    url: input.url,
    description: input.description,
    secret: newWebhookSecret(),
    previous_secret: null,
    previous_secret_expires_at: null,
    event_types: JSON.stringify(distinct(input.eventTypes)),
    disabled_at: null,
    created_by: ctx.actor.id,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  return ctx.db.transaction().execute(async (tx) => {
    await insertEndpoint(tx, row);
    const webhook = toWebhook(row, ctx.now);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'webhook.created',
      entityType: 'webhook',
      entityId: row.id,
      after: webhook,
      at: ctx.now,
    });
    return { ...webhook, secret: row.secret };
  });
}

/** Changes an endpoint; a new URL is held to the same rules as at registration. */
export async function updateWebhook(
  ctx: OrgContext,
  id: string,
  input: TUpdateWebhook,
  allow: WebhookAllowList = EMPTY_ALLOW_LIST,
): Promise<TWebhook> {
  if (input.url !== undefined) assertReachableUrl(input.url, allow);
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findEndpoint(tx, ctx.org.id, id);
    const next: WebhookEndpointsTable = {
      ...row,
      url: input.url ?? row.url,
      description: input.description ?? row.description,
      event_types: input.eventTypes ? JSON.stringify(distinct(input.eventTypes)) : row.event_types,
      disabled_at: input.active === undefined ? row.disabled_at : input.active ? null : (row.disabled_at ?? ctx.now),
      updated_at: ctx.now,
    };
    await updateEndpointRow(tx, ctx.org.id, id, {
      url: next.url,
      description: next.description,
      event_types: next.event_types,
      disabled_at: next.disabled_at,
      updated_at: ctx.now,
    });
    const before = toWebhook(row, ctx.now);
    const after = toWebhook(next, ctx.now);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'webhook.updated',
      entityType: 'webhook',
      entityId: id,
      before,
      after,
      at: ctx.now,
    });
    return after;
  });
}

/** Removes an endpoint and its delivery log; deliveries not yet made are dropped. */
export async function deleteWebhook(ctx: OrgContext, id: string): Promise<TWebhook> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findEndpoint(tx, ctx.org.id, id);
    await deleteEndpointWithDeliveries(tx, ctx.org.id, id);
    const before = toWebhook(row, ctx.now);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'webhook.deleted',
      entityType: 'webhook',
      entityId: id,
      before,
      at: ctx.now,
    });
    return before;
  });
}

/**
 * Gives the endpoint a new secret, in the answer once and never again. The secret it replaces keeps
 * signing deliveries beside the new one for 24 hours, so the receiver can switch without losing any;
 * rotating again within that time drops the older one at once (only the last two are kept).
 */
export async function rotateWebhookSecret(ctx: OrgContext, id: string): Promise<TWebhook & { secret: string }> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findEndpoint(tx, ctx.org.id, id);
    const next: WebhookEndpointsTable = {
      ...row,
      secret: newWebhookSecret(),
      previous_secret: row.secret,
      previous_secret_expires_at: ctx.now + SECRET_OVERLAP_MS,
      updated_at: ctx.now,
    };
    await updateEndpointRow(tx, ctx.org.id, id, {
      secret: next.secret,
      previous_secret: next.previous_secret,
      previous_secret_expires_at: next.previous_secret_expires_at,
      updated_at: ctx.now,
    });
    const after = toWebhook(next, ctx.now);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'webhook.secret_rotated',
      entityType: 'webhook',
      entityId: id,
      before: toWebhook(row, ctx.now),
      after,
      at: ctx.now,
    });
    return { ...after, secret: next.secret };
  });
}

/** The delivery log of an endpoint, newest first, with each attempt's response code. */
export async function listDeliveries(ctx: OrgContext, id: string, query: TDeliveryQuery) {
  await findEndpoint(ctx.db, ctx.org.id, id);
  const page = await listDeliveryRows(ctx.db, ctx.org.id, id, query);
  return { items: page.items.map(toDelivery), nextCursor: page.nextCursor };
}

function deliveryRow(endpoint: WebhookEndpointsTable, eventId: string, type: WebhookDeliveryType, payload: string, now: number) {
  return {
    id: newId(),
    org_id: endpoint.org_id,
    endpoint_id: endpoint.id,
    event_id: eventId,
    event_type: type,
    payload,
    attempt_count: 0,
    next_attempt_at: now,
    last_attempt_at: null,
    last_status_code: null,
    last_error: null,
    attempts: '[]',
    delivered_at: null,
    failed_at: null,
    created_at: now,
  } satisfies WebhookDeliveriesTable;
}

/**
 * Queues a `ping` to the endpoint (even a paused one): the delivery worker sends it within seconds,
 * signed like every event, and the log shows the receiver's answer.
 */
export async function sendTestPing(ctx: OrgContext, id: string): Promise<TWebhookDelivery> {
  const endpoint = await findEndpoint(ctx.db, ctx.org.id, id);
  const eventId = newId();
  const payload = webhookBody({
    id: eventId,
    type: 'ping',
    createdAt: ctx.now,
    organization: { id: ctx.org.id, slug: ctx.org.slug },
    data: { webhookId: endpoint.id, message: 'A test delivery from Clientocracy' },
  });
  const row = deliveryRow(endpoint, eventId, 'ping', payload, ctx.now);
  await insertDeliveries(ctx.db, [row]);
  return toDelivery(row);
}

/**
 * Queues the event for every active endpoint of the organization subscribed to its type, inside the
 * caller's transaction — the event is delivered exactly when what it reports is committed. One
 * event id for all endpoints; the body is `{id, type, createdAt, organization, data}`. Returns how
 * many deliveries were queued (0 when nobody listens).
 */
export async function enqueueWebhookEvent(tx: Tx, orgId: string, type: WebhookEventType, data: unknown, now: number): Promise<number> {
  const endpoints = await subscribedEndpoints(tx, orgId, type);
  if (endpoints.length === 0) return 0;
  const org = await loadOrgRef(tx, orgId);
  const eventId = newId();
  const payload = webhookBody({ id: eventId, type, createdAt: now, organization: { id: org.id, slug: org.slug }, data });
  await insertDeliveries(
    tx,
    endpoints.map((endpoint) => deliveryRow(endpoint, eventId, type, payload, now)),
  );
  return endpoints.length;
}
