import { hashSecret, newSecret } from '../../core/ids.js';
import { invitationStatus } from '../../core/invitations.js';
import type { ClientsTable, Db, OrganizationsTable } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';

export const CLIENT_SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

/**
 * Signs a client in by an invitation link: the link must be of this organization, unused,
 * unrevoked and unexpired; it is used up in the same transaction. Returns the session secret, or
 * null when the link is not valid (the caller shows one message for every reason).
 */
export async function redeemInvitation(db: Db, org: OrganizationsTable, token: string, now: number): Promise<string | null> {
  return db.transaction().execute(async (tx) => {
    const inv = await tx
      .selectFrom('client_invitations')
      .selectAll()
      .where('token_hash', '=', hashSecret(token))
      .where('org_id', '=', org.id)
      .executeTakeFirst();
    if (!inv || invitationStatus(inv, now) !== 'pending') return null;
    const used = await tx
      .updateTable('client_invitations')
      .set({ used_at: now })
      .where('id', '=', inv.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return null;
    const client = await tx
      .selectFrom('clients')
      .select(['id', 'name', 'email', 'email_confirmed_at'])
      .where('id', '=', inv.client_id)
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    // A link e-mailed to the client's current address proves they read that mail.
    const confirms = inv.sent_to !== null && client.email !== null && inv.sent_to.toLowerCase() === client.email.toLowerCase();
    if (confirms && client.email_confirmed_at === null)
      await tx.updateTable('clients').set({ email_confirmed_at: now }).where('id', '=', client.id).where('org_id', '=', org.id).execute();
    const secret = newSecret();
    await tx
      .insertInto('client_sessions')
      .values({
        id_hash: hashSecret(secret),
        org_id: org.id,
        client_id: client.id,
        created_at: now,
        expires_at: now + CLIENT_SESSION_TTL_MS,
      })
      .execute();
    await appendAudit(tx, {
      orgId: org.id,
      actor: { type: 'client', id: client.id, label: client.name },
      action: 'client.signed_in',
      entityType: 'client',
      entityId: client.id,
      after: { invitationId: inv.id, purpose: inv.purpose, emailConfirmed: confirms },
      at: now,
    });
    return secret;
  });
}

/** The client a still-valid invitation link is for, without using the link up (the confirm page). */
export async function peekInvitation(
  db: Db,
  org: OrganizationsTable,
  token: string,
  now: number,
): Promise<{ name: string; purpose: 'invite' | 'confirm' | 'sign_in' } | null> {
  const inv = await db
    .selectFrom('client_invitations')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .where('org_id', '=', org.id)
    .executeTakeFirst();
  if (!inv || invitationStatus(inv, now) !== 'pending') return null;
  const client = await db
    .selectFrom('clients')
    .select('name')
    .where('id', '=', inv.client_id)
    .where('org_id', '=', org.id)
    .executeTakeFirst();
  return client ? { name: client.name, purpose: inv.purpose } : null;
}

/** The client signed in to this organization's portal by the session secret, if any. */
export async function clientOfSession(db: Db, orgId: string, secret: string | undefined, now: number): Promise<ClientsTable | null> {
  if (!secret) return null;
  const row = await db
    .selectFrom('client_sessions')
    .innerJoin('clients', 'clients.id', 'client_sessions.client_id')
    .selectAll('clients')
    .where('client_sessions.id_hash', '=', hashSecret(secret))
    .where('client_sessions.org_id', '=', orgId)
    .where('client_sessions.expires_at', '>', now)
    .executeTakeFirst();
  return row ?? null;
}

/** Ends the client's session in this organization; a session of another organization's portal is not this one's to end. */
export async function endClientSession(db: Db, orgId: string, secret: string): Promise<void> {
  await db.deleteFrom('client_sessions').where('org_id', '=', orgId).where('id_hash', '=', hashSecret(secret)).execute();
}
