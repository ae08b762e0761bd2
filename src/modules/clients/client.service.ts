import { AppError, conflict, notFound } from '../../core/errors.js';
import { hashSecret, newId, newSecret } from '../../core/ids.js';
import type { Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { findClient, findClientBy, listClients, listInvitations, toClient, toInvitation } from './client.repository.js';
import type { TClient, TCreateClient, TUpdateClient } from './client.schema.js';

export async function listOrgClients(ctx: OrgContext, query: TPageQuery & { q?: string }) {
  const result = await listClients(ctx.db, ctx.org.id, query);
  return { items: result.items.map(toClient), nextCursor: result.nextCursor };
}

export async function getClient(ctx: OrgContext, id: string): Promise<TClient> {
  const row = await findClient(ctx.db, ctx.org.id, id);
  if (!row) throw notFound('client', id);
  return toClient(row);
}

async function guardUnique(tx: Tx, orgId: string, input: TUpdateClient, selfId?: string): Promise<void> {
  if (input.email) {
    const other = await findClientBy(tx, orgId, 'email', input.email);
    if (other && other.id !== selfId) throw conflict('email', `a client with e-mail ${input.email} already exists`);
  }
  if (input.externalId) {
    const other = await findClientBy(tx, orgId, 'external_id', input.externalId);
    if (other && other.id !== selfId) throw conflict('externalId', `a client with external id ${input.externalId} already exists`);
  }
}

export async function createClient(ctx: OrgContext, input: TCreateClient): Promise<TClient> {
  return ctx.db.transaction().execute(async (tx) => {
    await guardUnique(tx, ctx.org.id, input);
    const row = {
      id: newId(),
      org_id: ctx.org.id,
      name: input.name,
      email: input.email ?? null,
      external_id: input.externalId ?? null,
      email_confirmed_at: null,
      origin: 'staff' as const,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await tx.insertInto('clients').values(row).execute();
    const client = toClient(row);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'client.created',
      entityType: 'client',
      entityId: row.id,
      after: client,
      at: ctx.now,
    });
    return client;
  });
}

export async function updateClient(ctx: OrgContext, id: string, input: TUpdateClient): Promise<TClient> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findClient(tx, ctx.org.id, id);
    if (!row) throw notFound('client', id);
    await guardUnique(tx, ctx.org.id, input, id);
    const set = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.externalId !== undefined && { external_id: input.externalId }),
      updated_at: ctx.now,
    };
    await tx.updateTable('clients').set(set).where('org_id', '=', ctx.org.id).where('id', '=', id).execute();
    const after = toClient({ ...row, ...set });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'client.updated',
      entityType: 'client',
      entityId: id,
      before: toClient(row),
      after,
      at: ctx.now,
    });
    return after;
  });
}

/** Deletes a client with their invitations and portal sessions (the audit log keeps the record). */
export async function deleteClient(ctx: OrgContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findClient(tx, ctx.org.id, id);
    if (!row) throw notFound('client', id);
    await tx.deleteFrom('client_sessions').where('org_id', '=', ctx.org.id).where('client_id', '=', id).execute();
    await tx.deleteFrom('client_invitations').where('org_id', '=', ctx.org.id).where('client_id', '=', id).execute();
    await tx.deleteFrom('clients').where('org_id', '=', ctx.org.id).where('id', '=', id).execute();
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'client.deleted',
      entityType: 'client',
      entityId: id,
      before: toClient(row),
      at: ctx.now,
    });
  });
}

/**
 * Makes a single-use invitation link for a client. Only the hash is stored: the link is returned
 * once and cannot be shown again.
 */
export async function inviteClient(ctx: OrgContext, clientId: string, expiresInDays: number, publicUrl: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const client = await findClient(tx, ctx.org.id, clientId);
    if (!client) throw notFound('client', clientId);
    const token = newSecret();
    const row = {
      id: newId(),
      org_id: ctx.org.id,
      client_id: clientId,
      token_hash: hashSecret(token),
      created_by: ctx.actor.id,
      created_at: ctx.now,
      expires_at: ctx.now + expiresInDays * 24 * 3600 * 1000,
      used_at: null,
      revoked_at: null,
      purpose: 'invite' as const,
      sent_to: null,
    };
    await tx.insertInto('client_invitations').values(row).execute();
    const invitation = toInvitation(row, ctx.now);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'client.invited',
      entityType: 'client',
      entityId: clientId,
      after: invitation,
      at: ctx.now,
    });
    return { ...invitation, token, url: `${publicUrl}/c/${ctx.org.slug}/invite/${token}` };
  });
}

export async function listClientInvitations(ctx: OrgContext, clientId: string, page: TPageQuery) {
  if (!(await findClient(ctx.db, ctx.org.id, clientId))) throw notFound('client', clientId);
  const result = await listInvitations(ctx.db, ctx.org.id, clientId, page);
  return { items: result.items.map((r) => toInvitation(r, ctx.now)), nextCursor: result.nextCursor };
}

export async function revokeInvitation(ctx: OrgContext, clientId: string, invitationId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('client_invitations')
      .selectAll()
      .where('org_id', '=', ctx.org.id)
      .where('client_id', '=', clientId)
      .where('id', '=', invitationId)
      .executeTakeFirst();
    if (!row) throw notFound('invitation', invitationId);
    if (row.used_at !== null) throw new AppError('conflict', 'invitation: already used; it cannot be revoked');
    if (row.revoked_at !== null) return;
    await tx
      .updateTable('client_invitations')
      .set({ revoked_at: ctx.now })
      .where('id', '=', invitationId)
      .where('org_id', '=', ctx.org.id)
      .execute();
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'client.invitation_revoked',
      entityType: 'client',
      entityId: clientId,
      before: { ...toInvitation(row, ctx.now), clientName: (await findClient(tx, ctx.org.id, clientId))?.name ?? null },
      at: ctx.now,
    });
  });
}
