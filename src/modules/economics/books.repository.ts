/** Queries of the teams' own books: time reserves, reserve requests, and the names of who recorded what. */
import type { Db, ReserveRequestsTable, TeamTimeReservesTable, Tx } from '../../db/schema.js';

/** The team's time reserve, or undefined while it has set none (0%). */
export async function findTimeReserve(tx: Tx | Db, orgId: string, teamId: string): Promise<TeamTimeReservesTable | undefined> {
  return tx.selectFrom('team_time_reserves').selectAll().where('org_id', '=', orgId).where('team_id', '=', teamId).executeTakeFirst();
}

export async function saveTimeReserve(tx: Tx, row: TeamTimeReservesTable): Promise<void> {
  await tx
    .insertInto('team_time_reserves')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'team_id']).doUpdateSet({ share_bp: row.share_bp, updated_at: row.updated_at, updated_by: row.updated_by }),
    )
    .execute();
}

export async function findReserveRequest(tx: Tx, orgId: string, decisionId: string): Promise<ReserveRequestsTable | undefined> {
  return tx.selectFrom('reserve_requests').selectAll().where('org_id', '=', orgId).where('decision_id', '=', decisionId).executeTakeFirst();
}

/** Stores the request, or replaces the funding option and purpose of the decision's request. */
export async function saveReserveRequest(tx: Tx, row: ReserveRequestsTable): Promise<void> {
  await tx
    .insertInto('reserve_requests')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'decision_id']).doUpdateSet({ funding_option: row.funding_option, purpose: row.purpose }))
    .execute();
}

/** Every reserve request with its decision's title, amount and outcome, newest first. */
export async function listReserveRequests(tx: Tx | Db, orgId: string) {
  return tx
    .selectFrom('reserve_requests')
    .innerJoin('decisions', (j) =>
      j.onRef('decisions.id', '=', 'reserve_requests.decision_id').onRef('decisions.org_id', '=', 'reserve_requests.org_id'),
    )
    .select([
      'reserve_requests.decision_id',
      'reserve_requests.team_id',
      'reserve_requests.funding_option',
      'reserve_requests.purpose',
      'reserve_requests.created_at',
      'reserve_requests.created_by',
      'decisions.title',
      'decisions.amount',
      'decisions.decided_at',
    ])
    .where('reserve_requests.org_id', '=', orgId)
    .orderBy('reserve_requests.created_at', 'desc')
    .orderBy('reserve_requests.decision_id')
    .execute();
}

/** Who recorded each member's hours and salary in the period, and when. */
export async function listMemberRecorders(
  tx: Tx | Db,
  orgId: string,
  period: string,
  teamId: string,
): Promise<{ user_id: string; recorded_by: string | null; updated_at: number }[]> {
  return tx
    .selectFrom('period_members')
    .select(['user_id', 'recorded_by', 'updated_at'])
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .where('team_id', '=', teamId)
    .execute();
}
