/**
 * What the client portal reads and writes of its own: invitation links redeemed, client sessions,
 * and the lists its pages show a signed-in client.
 */
import type { ClientInvitationsTable, ClientSessionsTable, ClientsTable, Tx } from '../../db/schema.js';

/** An invitation link of the organization by the hash of its token. */
export async function findInvitationByToken(tx: Tx, orgId: string, tokenHash: string): Promise<ClientInvitationsTable | undefined> {
  return tx.selectFrom('client_invitations').selectAll().where('token_hash', '=', tokenHash).where('org_id', '=', orgId).executeTakeFirst();
}

/** Uses an invitation link up unless it already was; whether this call used it. */
export async function markInvitationUsed(tx: Tx, invitationId: string, at: number): Promise<boolean> {
  const used = await tx
    .updateTable('client_invitations')
    .set({ used_at: at })
    .where('id', '=', invitationId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

/** A client of the organization; throws when there is none (the caller read its id from another row). */
export async function loadClientRow(tx: Tx, orgId: string, id: string): Promise<ClientsTable> {
  return tx.selectFrom('clients').selectAll().where('id', '=', id).where('org_id', '=', orgId).executeTakeFirstOrThrow();
}

/** A client of the organization by e-mail (as stored). */
export async function findClientByEmail(tx: Tx, orgId: string, email: string): Promise<ClientsTable | undefined> {
  return tx.selectFrom('clients').selectAll().where('org_id', '=', orgId).where('email', '=', email).executeTakeFirst();
}

export async function insertClientSession(tx: Tx, row: ClientSessionsTable): Promise<void> {
  await tx.insertInto('client_sessions').values(row).execute();
}

/** The client of an unexpired session of the organization, by the hash of its secret. */
export async function findClientOfSession(tx: Tx, orgId: string, idHash: string, now: number): Promise<ClientsTable | undefined> {
  return tx
    .selectFrom('client_sessions')
    .innerJoin('clients', 'clients.id', 'client_sessions.client_id')
    .selectAll('clients')
    .where('client_sessions.id_hash', '=', idHash)
    .where('client_sessions.org_id', '=', orgId)
    .where('client_sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteClientSession(tx: Tx, orgId: string, idHash: string): Promise<void> {
  await tx.deleteFrom('client_sessions').where('org_id', '=', orgId).where('id_hash', '=', idHash).execute();
}

type VoiceTable = 'feedback' | 'proposals' | 'proposal_supports' | 'poll_ballots' | 'pb_ballots';

/** How many rows of `table` the client has in the organization, `column` naming the client. */
export async function countClientRows(tx: Tx, orgId: string, table: VoiceTable, column: string, clientId: string): Promise<number> {
  const row = await tx
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .where(column as never, '=', clientId as never)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many of the client's feedback messages got a reply. */
export async function countRepliedFeedback(tx: Tx, orgId: string, clientId: string): Promise<number> {
  const row = await tx
    .selectFrom('feedback')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .where('replied_at', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The ten visible, unmerged proposals the client made or supports, latest change first. */
export async function listRecentProposalsOfClient(tx: Tx, orgId: string, clientId: string) {
  return tx
    .selectFrom('proposals')
    .select(['id', 'title', 'status', 'author_client_id', 'answered_at', 'answer_due_at', 'updated_at'])
    .where('org_id', '=', orgId)
    .where('hidden_at', 'is', null)
    .where('status', '!=', 'merged')
    .where((eb) =>
      eb.or([
        eb('author_client_id', '=', clientId),
        eb(
          'id',
          'in',
          eb.selectFrom('proposal_supports').select('proposal_id').where('org_id', '=', orgId).where('client_id', '=', clientId),
        ),
      ]),
    )
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(10)
    .execute();
}

/** The segments the client is in, with names, by name. */
export async function listSegmentsOfClient(tx: Tx, orgId: string, clientId: string): Promise<{ id: string; name: string }[]> {
  return tx
    .selectFrom('client_segments as cs')
    .innerJoin('segments as s', 's.id', 'cs.segment_id')
    .select(['s.id', 's.name'])
    .where('cs.org_id', '=', orgId)
    .where('cs.client_id', '=', clientId)
    .orderBy('s.name')
    .execute();
}

/** The published client promises by title, and the teams by name: what feedback may be about. */
export async function listFeedbackSubjects(tx: Tx, orgId: string) {
  const promises = await tx
    .selectFrom('promises')
    .select(['id', 'title'])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'client')
    .where('status', '=', 'published')
    .orderBy('title')
    .execute();
  const teams = await tx.selectFrom('teams').select(['id', 'name']).where('org_id', '=', orgId).orderBy('name').execute();
  return { promises, teams };
}

/** Records that the client read mail at their current address (a link sent there was used). */
export async function confirmClientEmail(tx: Tx, orgId: string, clientId: string, at: number): Promise<void> {
  await tx.updateTable('clients').set({ email_confirmed_at: at }).where('id', '=', clientId).where('org_id', '=', orgId).execute();
}
