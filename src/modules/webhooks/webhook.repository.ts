import { notFound } from '../../core/errors.js';
import { encodeCursor } from '../../core/pagination.js';
import type { Db, Dialect, Tx, WebhookDeliveriesTable, WebhookEndpointsTable } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { cursorOf, pageByCreated } from '../list.js';
import type { TDeliveryQuery } from './webhook.schema.js';

export async function findEndpoint(tx: Tx, orgId: string, id: string): Promise<WebhookEndpointsTable> {
  const row = await tx.selectFrom('webhook_endpoints').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('webhook', id);
  return row;
}

/** The organization's endpoints that take `type` now (active, subscribed). */
export async function subscribedEndpoints(tx: Tx, orgId: string, type: string): Promise<WebhookEndpointsTable[]> {
  const rows = await tx.selectFrom('webhook_endpoints').selectAll().where('org_id', '=', orgId).where('disabled_at', 'is', null).execute();
  return rows.filter((row) => (JSON.parse(row.event_types) as string[]).includes(type));
}

export async function insertDeliveries(tx: Tx, rows: WebhookDeliveriesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await tx
      .insertInto('webhook_deliveries')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** An endpoint's deliveries, newest first, keyset-paged on (created_at, id) descending. */
export async function listDeliveryRows(
  db: Db,
  orgId: string,
  endpointId: string,
  query: TDeliveryQuery,
): Promise<{ items: WebhookDeliveriesTable[]; nextCursor: string | null }> {
  const after = cursorOf(query);
  let q = db.selectFrom('webhook_deliveries').selectAll().where('org_id', '=', orgId).where('endpoint_id', '=', endpointId);
  if (query.state === 'delivered') q = q.where('delivered_at', 'is not', null);
  if (query.state === 'failed') q = q.where('failed_at', 'is not', null);
  if (query.state === 'pending') q = q.where('delivered_at', 'is', null).where('failed_at', 'is', null);
  if (after) {
    q = q.where((eb) => eb.or([eb('created_at', '<', after.t), eb.and([eb('created_at', '=', after.t), eb('id', '<', after.id)])]));
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.created_at, id: last.id }) : null };
}

export interface ClaimedDelivery {
  delivery: WebhookDeliveriesTable;
  url: string;
  /** The endpoint's secrets as stored: which of them sign is decided at the attempt (signingSecrets). */
  endpoint: { secret: string; previousSecret: string | null; previousSecretExpiresAt: number | null };
}

/**
 * Takes up to `limit` deliveries due at `now` and leases them until `leaseUntil` (a worker that dies
 * mid-attempt leaves them to be taken again when the lease ends). On PostgreSQL the rows are taken
 * with FOR UPDATE SKIP LOCKED, so workers in several processes never take the same delivery; on
 * SQLite the one writer does the same. Deliveries of a paused endpoint wait, except a test ping.
 */
export async function claimDueDeliveries(
  db: Db,
  dialect: Dialect,
  now: number,
  leaseUntil: number,
  limit: number,
): Promise<ClaimedDelivery[]> {
  return db.transaction().execute(async (tx) => {
    let q = tx
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('delivered_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .where((eb) =>
        eb.or([
          eb('event_type', '=', 'ping'),
          eb('endpoint_id', 'in', eb.selectFrom('webhook_endpoints').select('id').where('disabled_at', 'is', null)),
        ]),
      )
      .orderBy('next_attempt_at')
      .limit(limit);
    if (dialect === 'postgres') q = q.forUpdate().skipLocked();
    const ids = (await q.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    await tx
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: leaseUntil })
      .where('id', 'in', ids)
      .where('next_attempt_at', '<=', now)
      .execute();
    const rows = await tx
      .selectFrom('webhook_deliveries')
      .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
      .selectAll('webhook_deliveries')
      .select([
        'webhook_endpoints.url as endpoint_url',
        'webhook_endpoints.secret as endpoint_secret',
        'webhook_endpoints.previous_secret as endpoint_previous_secret',
        'webhook_endpoints.previous_secret_expires_at as endpoint_previous_secret_expires_at',
      ])
      .where('webhook_deliveries.id', 'in', ids)
      .where('webhook_deliveries.next_attempt_at', '=', leaseUntil)
      .execute();
    return rows.map(({ endpoint_url, endpoint_secret, endpoint_previous_secret, endpoint_previous_secret_expires_at, ...delivery }) => ({
      delivery,
      url: endpoint_url,
      endpoint: {
        secret: endpoint_secret,
        previousSecret: endpoint_previous_secret,
        previousSecretExpiresAt: endpoint_previous_secret_expires_at,
      },
    }));
  });
}

/** Writes the outcome of one attempt; only while the delivery is still open (delivered or given-up ones stay as they are). */
export async function recordAttempt(
  db: Db,
  id: string,
  changes: Pick<
    WebhookDeliveriesTable,
    'attempt_count' | 'attempts' | 'next_attempt_at' | 'last_attempt_at' | 'last_status_code' | 'last_error' | 'delivered_at' | 'failed_at'
  >,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set(changes)
    .where('id', '=', id)
    .where('delivered_at', 'is', null)
    .where('failed_at', 'is', null)
    .execute();
}

/**
 * Gives up the deliveries waiting for a paused endpoint whose event is older than `deadline`
 * (deliveries to active endpoints are given up by their own last attempt). Returns how many.
 */
export async function giveUpPausedOlderThan(db: Db, deadline: number, now: number): Promise<number> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ failed_at: now, next_attempt_at: null, last_error: 'the endpoint was paused for 24 hours' })
    .where('delivered_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('created_at', '<', deadline)
    .where('next_attempt_at', '<=', now)
    .where('endpoint_id', 'in', (eb) => eb.selectFrom('webhook_endpoints').select('id').where('disabled_at', 'is not', null))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function pageEndpoints(db: Db, orgId: string, page: TPageQuery) {
  const query = db.selectFrom('webhook_endpoints').selectAll().where('org_id', '=', orgId);
  return pageByCreated<WebhookEndpointsTable, 'webhook_endpoints'>(query, 'webhook_endpoints', page);
}

export async function insertEndpoint(tx: Tx, row: WebhookEndpointsTable): Promise<void> {
  await tx.insertInto('webhook_endpoints').values(row).execute();
}

/** Sets an endpoint's address, description, event types, pause, or secrets. */
export async function updateEndpointRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<
    Pick<
      WebhookEndpointsTable,
      'url' | 'description' | 'event_types' | 'disabled_at' | 'secret' | 'previous_secret' | 'previous_secret_expires_at'
    >
  > & { updated_at: number },
): Promise<void> {
  await tx.updateTable('webhook_endpoints').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Deletes an endpoint with its delivery log. */
export async function deleteEndpointWithDeliveries(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.deleteFrom('webhook_deliveries').where('org_id', '=', orgId).where('endpoint_id', '=', id).execute();
  await tx.deleteFrom('webhook_endpoints').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Removes deliveries delivered or given up before `before`; returns how many. */
export async function deleteEndedDeliveriesBefore(db: Db, before: number): Promise<number> {
  const result = await db
    .deleteFrom('webhook_deliveries')
    .where((eb) => eb.or([eb('delivered_at', '<', before), eb('failed_at', '<', before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Drops every replaced secret whose overlap ended by `now`; returns how many. */
export async function clearExpiredPreviousSecrets(db: Db, now: number): Promise<number> {
  const result = await db
    .updateTable('webhook_endpoints')
    .set({ previous_secret: null, previous_secret_expires_at: null })
    .where('previous_secret_expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
