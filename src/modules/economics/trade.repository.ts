import type { Db, InternalTradesTable, Tx } from '../../db/schema.js';

export async function insertTrade(tx: Tx, row: InternalTradesTable): Promise<void> {
  await tx.insertInto('internal_trades').values(row).execute();
}

export async function findTrade(tx: Tx, orgId: string, period: string, id: string): Promise<InternalTradesTable | undefined> {
  return tx
    .selectFrom('internal_trades')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Records the other side's answer to a trade. */
export async function updateTrade(
  tx: Tx,
  orgId: string,
  id: string,
  set: Pick<InternalTradesTable, 'status' | 'answered_by' | 'answered_at'> & Partial<Pick<InternalTradesTable, 'decline_reason'>>,
): Promise<void> {
  await tx.updateTable('internal_trades').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** The period's trades, those where the team sells or buys when given, in the order they were recorded. */
export async function listTrades(db: Db, orgId: string, period: string, teamId?: string): Promise<InternalTradesTable[]> {
  let q = db.selectFrom('internal_trades').selectAll().where('org_id', '=', orgId).where('period', '=', period);
  if (teamId) q = q.where((eb) => eb.or([eb('seller_team_id', '=', teamId), eb('buyer_team_id', '=', teamId)]));
  return q.orderBy('created_at').orderBy('id').execute();
}

/** The period's confirmed trades: the only ones that count in the figures. */
export async function listConfirmedTrades(
  tx: Tx,
  orgId: string,
  period: string,
): Promise<Pick<InternalTradesTable, 'seller_team_id' | 'buyer_team_id' | 'amount_minor'>[]> {
  return tx
    .selectFrom('internal_trades')
    .select(['seller_team_id', 'buyer_team_id', 'amount_minor'])
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .where('status', '=', 'confirmed')
    .execute();
}
