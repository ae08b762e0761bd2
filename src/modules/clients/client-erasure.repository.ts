import type { Tx } from '../../db/schema.js';

/**
 * Removes what ties a client's voice to them: their supports (the proposals' counters are counted
 * again, in one statement per 500 proposals), ballots and segments go; their feedback and
 * proposals stay, no longer naming them.
 */
export async function forgetClientVoice(tx: Tx, orgId: string, clientId: string): Promise<void> {
  const supported = (
    await tx.selectFrom('proposal_supports').select('proposal_id').where('org_id', '=', orgId).where('client_id', '=', clientId).execute()
  ).map((r) => r.proposal_id);
  await tx.deleteFrom('proposal_supports').where('org_id', '=', orgId).where('client_id', '=', clientId).execute();
  for (let i = 0; i < supported.length; i += 500) {
    await tx
      .updateTable('proposals')
      .set((eb) => ({
        supports: eb
          .selectFrom('proposal_supports')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('proposal_supports.proposal_id', '=', 'proposals.id'),
      }))
      .where('org_id', '=', orgId)
      .where('id', 'in', supported.slice(i, i + 500))
      .execute();
  }
  await tx.deleteFrom('poll_ballots').where('org_id', '=', orgId).where('client_id', '=', clientId).execute();
  await tx.deleteFrom('pb_ballots').where('org_id', '=', orgId).where('client_id', '=', clientId).execute();
  await tx.deleteFrom('client_segments').where('org_id', '=', orgId).where('client_id', '=', clientId).execute();
  await tx.updateTable('feedback').set({ client_id: null }).where('org_id', '=', orgId).where('client_id', '=', clientId).execute();
  await tx
    .updateTable('proposals')
    .set({ author_client_id: null })
    .where('org_id', '=', orgId)
    .where('author_client_id', '=', clientId)
    .execute();
}

/** Deletes a client's portal sessions, invitations and the client row itself. */
export async function deleteClientRows(tx: Tx, orgId: string, clientId: string): Promise<void> {
  await tx.deleteFrom('client_sessions').where('org_id', '=', orgId).where('client_id', '=', clientId).execute();
  await tx.deleteFrom('client_invitations').where('org_id', '=', orgId).where('client_id', '=', clientId).execute();
  await tx.deleteFrom('clients').where('org_id', '=', orgId).where('id', '=', clientId).execute();
}
