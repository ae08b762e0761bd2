import { type SqlBool, sql } from 'kysely';
import { invalidField } from '../../core/errors.js';
import { invitationStatus } from '../../core/invitations.js';
import type { ClientInvitationsTable, ClientsTable, Db, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { pageByCreated } from '../list.js';
import type { TClient, TInvitation } from './client.schema.js';

export function toClient(row: ClientsTable, segmentIds: string[] = []): TClient {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    externalId: row.external_id,
    segmentIds,
    emailConfirmedAt: row.email_confirmed_at,
    origin: row.origin,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toInvitation(row: ClientInvitationsTable, now: number): TInvitation {
  return {
    id: row.id,
    clientId: row.client_id,
    status: invitationStatus(row, now),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    sentTo: row.sent_to,
  };
}

export async function listClients(db: Db, orgId: string, page: TPageQuery & { q?: string }) {
  let query = db.selectFrom('clients').selectAll().where('org_id', '=', orgId);
  if (page.q) {
    const like = `%${page.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    // SQLite has no default LIKE escape character (PostgreSQL's is the backslash): naming it makes % _ and
    // the backslash literal on both.
    const matches = (column: 'name' | 'email') => sql<SqlBool>`lower(${sql.ref(column)}) like ${like} escape '\\'`;
    query = query.where((eb) => eb.or([matches('name'), matches('email'), eb('external_id', '=', page.q as string)]));
  }
  return pageByCreated<ClientsTable, 'clients'>(query, 'clients', page);
}

export async function findClient(tx: Tx, orgId: string, id: string) {
  return tx.selectFrom('clients').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function findClientBy(tx: Tx, orgId: string, column: 'email' | 'external_id', value: string) {
  return tx.selectFrom('clients').select('id').where('org_id', '=', orgId).where(column, '=', value).executeTakeFirst();
}

export async function listInvitations(db: Db, orgId: string, clientId: string, page: TPageQuery) {
  const query = db.selectFrom('client_invitations').selectAll().where('org_id', '=', orgId).where('client_id', '=', clientId);
  return pageByCreated<ClientInvitationsTable, 'client_invitations'>(query, 'client_invitations', page);
}

/** The segments of each of these clients, in one query: client id → segment ids. */
export async function segmentsOfClients(db: Tx, orgId: string, clientIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(clientIds.map((id) => [id, []]));
  if (clientIds.length === 0) return out;
  const rows = await db
    .selectFrom('client_segments')
    .select(['client_id', 'segment_id'])
    .where('org_id', '=', orgId)
    .where('client_id', 'in', clientIds)
    .orderBy('segment_id')
    .execute();
  for (const r of rows) out.get(r.client_id)?.push(r.segment_id);
  return out;
}

/** Replaces a client's segments; each must be a segment of the organization (422 naming segmentIds.N). */
export async function setClientSegments(tx: Tx, orgId: string, clientId: string, segmentIds: string[], now: number): Promise<string[]> {
  const unique = [...new Set(segmentIds)];
  if (unique.length > 0) {
    const found = new Set(
      (await tx.selectFrom('segments').select('id').where('org_id', '=', orgId).where('id', 'in', unique).execute()).map((r) => r.id),
    );
    const missing = segmentIds.findIndex((id) => !found.has(id));
    if (missing >= 0)
      throw invalidField(`segmentIds.${missing}`, 'not_found', 'no segment with this id in the organization', { entity: 'segment' });
  }
  await tx.deleteFrom('client_segments').where('org_id', '=', orgId).where('client_id', '=', clientId).execute();
  if (unique.length > 0)
    await tx
      .insertInto('client_segments')
      .values(unique.map((segment_id) => ({ org_id: orgId, client_id: clientId, segment_id, created_at: now })))
      .execute();
  return unique.sort();
}

/** Takes every client out of a segment (the segment is being deleted). */
export async function removeSegmentFromClients(tx: Tx, orgId: string, segmentId: string): Promise<void> {
  await tx.deleteFrom('client_segments').where('org_id', '=', orgId).where('segment_id', '=', segmentId).execute();
}

export async function insertClient(tx: Tx, row: ClientsTable): Promise<void> {
  await tx.insertInto('clients').values(row).execute();
}

export async function updateClientRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Pick<ClientsTable, 'name' | 'email' | 'email_confirmed_at' | 'external_id'>> & { updated_at: number },
): Promise<void> {
  await tx.updateTable('clients').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function insertClientInvitation(tx: Tx, row: ClientInvitationsTable): Promise<void> {
  await tx.insertInto('client_invitations').values(row).execute();
}

/** One invitation of a client, or undefined. */
export async function findInvitation(tx: Tx, orgId: string, clientId: string, invitationId: string) {
  return tx
    .selectFrom('client_invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .where('id', '=', invitationId)
    .executeTakeFirst();
}

export async function markInvitationRevoked(tx: Tx, orgId: string, invitationId: string, at: number): Promise<void> {
  await tx.updateTable('client_invitations').set({ revoked_at: at }).where('id', '=', invitationId).where('org_id', '=', orgId).execute();
}

/** How many distinct clients are in any of the segments. */
export async function countClientsInSegments(tx: Tx, orgId: string, segmentIds: string[]): Promise<number> {
  if (segmentIds.length === 0) return 0;
  const row = await tx
    .selectFrom('client_segments')
    .select((eb) => eb.fn.count<number>('client_id').distinct().as('n'))
    .where('org_id', '=', orgId)
    .where('segment_id', 'in', segmentIds)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** True when the client is in one of the segments. */
export async function isClientInSegments(tx: Tx, orgId: string, clientId: string, segmentIds: string[]): Promise<boolean> {
  if (segmentIds.length === 0) return false;
  const row = await tx
    .selectFrom('client_segments')
    .select('client_id')
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .where('segment_id', 'in', segmentIds)
    .executeTakeFirst();
  return row !== undefined;
}
