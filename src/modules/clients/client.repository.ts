import { type SqlBool, sql } from 'kysely';
import { invitationStatus } from '../../core/invitations.js';
import type { ClientInvitationsTable, ClientsTable, Db, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { pageByCreated } from '../list.js';
import type { TClient, TInvitation } from './client.schema.js';

export function toClient(row: ClientsTable): TClient {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    externalId: row.external_id,
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
