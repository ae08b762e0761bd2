/** Queries of agreements (their reviews are in review.repository.ts, shared with decisions). */
import type { AgreementsTable, Tx } from '../../db/schema.js';

export async function findAgreement(tx: Tx, orgId: string, id: string): Promise<AgreementsTable | undefined> {
  return tx.selectFrom('agreements').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/**
 * Agreements by team and status, by review date; `due` with `today` (the organization's calendar
 * day) keeps those due for review (not retired, review day come) or, when false, the others.
 */
export async function listAgreementRows(
  tx: Tx,
  orgId: string,
  filter: { teamId?: string; status?: AgreementsTable['status']; due?: boolean },
  today: string,
): Promise<AgreementsTable[]> {
  let q = tx.selectFrom('agreements').selectAll().where('org_id', '=', orgId);
  if (filter.teamId) q = q.where('team_id', '=', filter.teamId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.due === true) q = q.where('status', '!=', 'retired').where('review_date', '<=', today);
  if (filter.due === false) q = q.where((eb) => eb.or([eb('status', '=', 'retired'), eb('review_date', '>', today)]));
  return q.orderBy('review_date').orderBy('created_at').orderBy('id').execute();
}

/** Agreements due for review on `today` with their team's name, for reminders. */
export async function listDueAgreements(tx: Tx, orgId: string, today: string) {
  return tx
    .selectFrom('agreements')
    .innerJoin('teams', 'teams.id', 'agreements.team_id')
    .select([
      'agreements.id',
      'agreements.title',
      'agreements.team_id',
      'agreements.owner_type',
      'agreements.owner_id',
      'agreements.review_date',
      'teams.name as team',
    ])
    .where('agreements.org_id', '=', orgId)
    .where('agreements.status', '!=', 'retired')
    .where('agreements.review_date', '<=', today)
    .execute();
}

/** An agreement the owner (a team or a role) owns, if any. */
export async function findAgreementOfOwner(
  tx: Tx,
  orgId: string,
  ownerType: AgreementsTable['owner_type'],
  ownerId: string,
): Promise<{ id: string } | undefined> {
  return tx
    .selectFrom('agreements')
    .select('id')
    .where('org_id', '=', orgId)
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
}

export async function insertAgreement(tx: Tx, row: AgreementsTable): Promise<void> {
  await tx.insertInto('agreements').values(row).execute();
}

export async function updateAgreementRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Pick<AgreementsTable, 'title' | 'driver' | 'body' | 'criteria' | 'review_date' | 'status'>> & { updated_at: number },
): Promise<void> {
  await tx.updateTable('agreements').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}
