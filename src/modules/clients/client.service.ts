import { AppError, conflict, invalidField, notFound } from '../../core/errors.js';
import { hashSecret, newId, newSecret } from '../../core/ids.js';
import type { ClientInvitationsTable, ClientsTable, Tx } from '../../db/schema.js';
import { translate } from '../../i18n/index.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { queueMail } from '../mail/outbox.service.js';
import {
  findClient,
  findClientBy,
  findInvitation,
  insertClient,
  insertClientInvitation,
  listClients,
  listInvitations,
  markInvitationRevoked,
  segmentsOfClients,
  setClientSegments,
  toClient,
  toInvitation,
  updateClientRow,
} from './client.repository.js';
import type { TClient, TCreateClient, TUpdateClient } from './client.schema.js';
import { deleteClientRows, forgetClientVoice } from './client-erasure.repository.js';

export async function listOrgClients(ctx: OrgContext, query: TPageQuery & { q?: string }) {
  const result = await listClients(ctx.db, ctx.org.id, query);
  const segments = await segmentsOfClients(
    ctx.db,
    ctx.org.id,
    result.items.map((c) => c.id),
  );
  return { items: result.items.map((c) => toClient(c, segments.get(c.id))), nextCursor: result.nextCursor };
}

async function clientWithSegments(tx: Tx, orgId: string, row: ClientsTable): Promise<TClient> {
  return toClient(row, (await segmentsOfClients(tx, orgId, [row.id])).get(row.id));
}

export async function getClient(ctx: OrgContext, id: string): Promise<TClient> {
  const row = await findClient(ctx.db, ctx.org.id, id);
  if (!row) throw notFound('client', id);
  return clientWithSegments(ctx.db, ctx.org.id, row);
}

async function guardUnique(tx: Tx, orgId: string, input: TUpdateClient, selfId?: string): Promise<void> {
  if (input.email) {
    const other = await findClientBy(tx, orgId, 'email', input.email);
    if (other && other.id !== selfId)
      throw conflict('email', 'taken', `a client with e-mail ${input.email} already exists`, { entity: 'client' });
  }
  if (input.externalId) {
    const other = await findClientBy(tx, orgId, 'external_id', input.externalId);
    if (other && other.id !== selfId)
      throw conflict('externalId', 'taken', `a client with external id ${input.externalId} already exists`, { entity: 'client' });
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
    await insertClient(tx, row);
    const segmentIds = await setClientSegments(tx, ctx.org.id, row.id, input.segmentIds ?? [], ctx.now);
    const client = toClient(row, segmentIds);
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
    const before = await clientWithSegments(tx, ctx.org.id, row);
    const emailChanged = input.email !== undefined && input.email !== row.email;
    const set = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.email !== undefined && { email: input.email }),
      // A new address is not confirmed until a link sent to it is opened.
      ...(emailChanged && { email_confirmed_at: null }),
      ...(input.externalId !== undefined && { external_id: input.externalId }),
      updated_at: ctx.now,
    };
    await updateClientRow(tx, ctx.org.id, id, set);
    const segmentIds =
      input.segmentIds !== undefined ? await setClientSegments(tx, ctx.org.id, id, input.segmentIds, ctx.now) : before.segmentIds;
    const after = toClient({ ...row, ...set }, segmentIds);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'client.updated',
      entityType: 'client',
      entityId: id,
      before,
      after,
      at: ctx.now,
    });
    return after;
  });
}

/**
 * Deletes a client with their invitations, portal sessions, supports, ballots and segments; their
 * feedback and proposals stay without their name (the audit log keeps the record).
 */
export async function deleteClient(ctx: OrgContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findClient(tx, ctx.org.id, id);
    if (!row) throw notFound('client', id);
    await forgetClientVoice(tx, ctx.org.id, id);
    await deleteClientRows(tx, ctx.org.id, id);
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
 * Makes a single-use sign-in link for a client inside the caller's transaction and, when `sendTo`
 * is given, e-mails it (through the outbox) in the organization's language. Only the hash is stored.
 */
export async function issueClientLink(
  tx: Tx,
  ctx: OrgContext,
  client: ClientsTable,
  opts: { purpose: 'invite' | 'confirm' | 'sign_in'; expiresInMs: number; publicUrl: string; sendTo: string | null },
) {
  const token = newSecret();
  const row: ClientInvitationsTable = {
    id: newId(),
    org_id: ctx.org.id,
    client_id: client.id,
    token_hash: hashSecret(token),
    created_by: ctx.actor.type === 'user' ? ctx.actor.id : null,
    created_at: ctx.now,
    expires_at: ctx.now + opts.expiresInMs,
    used_at: null,
    revoked_at: null,
    purpose: opts.purpose,
    sent_to: opts.sendTo,
  };
  await insertClientInvitation(tx, row);
  const url = `${opts.publicUrl}/c/${ctx.org.slug}/invite/${token}`;
  if (opts.sendTo) {
    const locale = ctx.org.locale === 'en' ? 'en' : 'ru';
    const vars = { org: ctx.org.name, name: client.name, url, days: Math.max(1, Math.round(opts.expiresInMs / 86_400_000)) };
    await queueMail(
      tx,
      {
        orgId: ctx.org.id,
        to: opts.sendTo,
        subject: translate(locale, `voiceAccount.mail.${opts.purpose}.subject`, vars),
        body: translate(locale, `voiceAccount.mail.${opts.purpose}.body`, vars),
        topic: `client.${opts.purpose}`,
      },
      ctx.now,
    );
  }
  return { row, token, url };
}

/**
 * Makes a single-use invitation link for a client, e-mailed to their address when `send` is set.
 * Only the hash is stored: the link is returned once and cannot be shown again.
 */
export async function inviteClient(ctx: OrgContext, clientId: string, expiresInDays: number, publicUrl: string, send = false) {
  return ctx.db.transaction().execute(async (tx) => {
    const client = await findClient(tx, ctx.org.id, clientId);
    if (!client) throw notFound('client', clientId);
    if (send && !client.email) throw invalidField('send', 'no_email', 'the client has no e-mail address to send the link to');
    const { row, token, url } = await issueClientLink(tx, ctx, client, {
      purpose: 'invite',
      expiresInMs: expiresInDays * 24 * 3600 * 1000,
      publicUrl,
      sendTo: send ? client.email : null,
    });
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
    return { ...invitation, token, url };
  });
}

export async function listClientInvitations(ctx: OrgContext, clientId: string, page: TPageQuery) {
  if (!(await findClient(ctx.db, ctx.org.id, clientId))) throw notFound('client', clientId);
  const result = await listInvitations(ctx.db, ctx.org.id, clientId, page);
  return { items: result.items.map((r) => toInvitation(r, ctx.now)), nextCursor: result.nextCursor };
}

export async function revokeInvitation(ctx: OrgContext, clientId: string, invitationId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findInvitation(tx, ctx.org.id, clientId, invitationId);
    if (!row) throw notFound('invitation', invitationId);
    if (row.used_at !== null) throw new AppError('conflict', 'invitation: already used; it cannot be revoked');
    if (row.revoked_at !== null) return;
    await markInvitationRevoked(tx, ctx.org.id, invitationId, ctx.now);
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
