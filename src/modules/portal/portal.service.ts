import { hashSecret, newSecret } from '../../core/ids.js';
import { invitationStatus } from '../../core/invitations.js';
import type { ClientsTable, Db, OrganizationsTable } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import { findClient } from '../clients/client.repository.js';
import {
  confirmClientEmail,
  deleteClientSession,
  findClientOfSession,
  findInvitationByToken,
  insertClientSession,
  loadClientRow,
  markInvitationUsed,
} from './portal.repository.js';

export const CLIENT_SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

/**
 * Signs a client in by an invitation link: the link must be of this organization, unused,
 * unrevoked and unexpired; it is used up in the same transaction. Returns the session secret, or
 * null when the link is not valid (the caller shows one message for every reason).
 */
export async function redeemInvitation(db: Db, org: OrganizationsTable, token: string, now: number): Promise<string | null> {
  return db.transaction().execute(async (tx) => {
    const inv = await findInvitationByToken(tx, org.id, hashSecret(token));
    if (!inv || invitationStatus(inv, now) !== 'pending') return null;
    if (!(await markInvitationUsed(tx, inv.id, now))) return null;
    const client = await loadClientRow(tx, org.id, inv.client_id);
    // A link e-mailed to the client's current address proves they read that mail.
    const confirms = inv.sent_to !== null && client.email !== null && inv.sent_to.toLowerCase() === client.email.toLowerCase();
    if (confirms && client.email_confirmed_at === null) await confirmClientEmail(tx, org.id, client.id, now);
    const secret = newSecret();
    await insertClientSession(tx, {
      id_hash: hashSecret(secret),
      org_id: org.id,
      client_id: client.id,
      created_at: now,
      expires_at: now + CLIENT_SESSION_TTL_MS,
    });
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
  const inv = await findInvitationByToken(db, org.id, hashSecret(token));
  if (!inv || invitationStatus(inv, now) !== 'pending') return null;
  const client = await findClient(db, org.id, inv.client_id);
  return client ? { name: client.name, purpose: inv.purpose } : null;
}

/** The client signed in to this organization's portal by the session secret, if any. */
export async function clientOfSession(db: Db, orgId: string, secret: string | undefined, now: number): Promise<ClientsTable | null> {
  if (!secret) return null;
  const row = await findClientOfSession(db, orgId, hashSecret(secret), now);
  return row ?? null;
}

/** Ends the client's session in this organization; a session of another organization's portal is not this one's to end. */
export async function endClientSession(db: Db, orgId: string, secret: string): Promise<void> {
  await deleteClientSession(db, orgId, hashSecret(secret));
}
