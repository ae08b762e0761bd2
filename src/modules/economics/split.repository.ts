import type { Db, PeerPointsTable, SplitRulesTable, Tx } from '../../db/schema.js';

/** The team's published split rule, or undefined while it has none (then the pool splits equally). */
export async function findSplitRule(tx: Tx, orgId: string, teamId: string): Promise<SplitRulesTable | undefined> {
  return tx.selectFrom('split_rules').selectAll().where('org_id', '=', orgId).where('team_id', '=', teamId).executeTakeFirst();
}

/** Every team's published split rule. */
export async function listSplitRules(tx: Tx, orgId: string): Promise<SplitRulesTable[]> {
  return tx.selectFrom('split_rules').selectAll().where('org_id', '=', orgId).execute();
}

export async function saveSplitRule(
  tx: Tx,
  orgId: string,
  teamId: string,
  values: Pick<SplitRulesTable, 'rule' | 'weights' | 'updated_at' | 'updated_by'>,
): Promise<void> {
  await tx
    .insertInto('split_rules')
    .values({ org_id: orgId, team_id: teamId, ...values })
    .onConflict((oc) => oc.columns(['org_id', 'team_id']).doUpdateSet(values))
    .execute();
}

/** The points given within the team for the period, by everyone. */
export async function listPeerPoints(
  db: Db,
  orgId: string,
  period: string,
  teamId: string,
): Promise<Pick<PeerPointsTable, 'giver_id' | 'receiver_id' | 'points'>[]> {
  return db
    .selectFrom('peer_points')
    .select(['giver_id', 'receiver_id', 'points'])
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .where('team_id', '=', teamId)
    .execute();
}

/** The points each member received in their team for the period. */
export async function sumPeerPointsReceived(
  tx: Tx,
  orgId: string,
  period: string,
): Promise<{ team_id: string; receiver_id: string; sum: number }[]> {
  const rows = await tx
    .selectFrom('peer_points')
    .select(['team_id', 'receiver_id', (eb) => eb.fn.sum<number>('points').as('sum')])
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .groupBy(['team_id', 'receiver_id'])
    .execute();
  return rows.map((r) => ({ team_id: r.team_id, receiver_id: r.receiver_id, sum: Number(r.sum) }));
}

/** Replaces what the giver gave in the team for the period with `rows`. */
export async function replacePeerPoints(
  tx: Tx,
  orgId: string,
  period: string,
  teamId: string,
  giverId: string,
  rows: readonly PeerPointsTable[],
): Promise<void> {
  await tx
    .deleteFrom('peer_points')
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .where('team_id', '=', teamId)
    .where('giver_id', '=', giverId)
    .execute();
  if (rows.length) await tx.insertInto('peer_points').values(rows).execute();
}
