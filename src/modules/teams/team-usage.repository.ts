import type { Tx } from '../../db/schema.js';

/** Tables of what a team builds in governance, each row naming the team in `team_id`. */
export type TeamRecordTable = 'roles' | 'capabilities' | 'agreements' | 'decisions';

/** Whether any row of `table` belongs to the team. */
export async function teamOwnsRecords(tx: Tx, orgId: string, table: TeamRecordTable, teamId: string): Promise<boolean> {
  const row = await tx.selectFrom(table).select('id').where('org_id', '=', orgId).where('team_id', '=', teamId).executeTakeFirst();
  return row !== undefined;
}

/** Whether the team holds, or once held, a decision right. */
export async function teamHoldsGrants(tx: Tx, orgId: string, teamId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('grants')
    .select('id')
    .where('org_id', '=', orgId)
    .where('holder_type', '=', 'team')
    .where('holder_id', '=', teamId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the team made, or was given, a promise. */
export async function teamHasPromises(tx: Tx, orgId: string, teamId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('promises')
    .select('id')
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('promiser_team_id', '=', teamId), eb('promisee_team_id', '=', teamId)]))
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the team's months hold money: ledger lines, hours, peer points or internal trades. */
export async function teamHasEconomicsRecords(tx: Tx, orgId: string, teamId: string): Promise<boolean> {
  const found = await Promise.all([
    tx.selectFrom('ledger_lines').select('id').where('org_id', '=', orgId).where('team_id', '=', teamId).executeTakeFirst(),
    tx.selectFrom('period_members').select('user_id').where('org_id', '=', orgId).where('team_id', '=', teamId).executeTakeFirst(),
    tx.selectFrom('peer_points').select('giver_id').where('org_id', '=', orgId).where('team_id', '=', teamId).executeTakeFirst(),
    tx
      .selectFrom('internal_trades')
      .select('id')
      .where('org_id', '=', orgId)
      .where((eb) => eb.or([eb('seller_team_id', '=', teamId), eb('buyer_team_id', '=', teamId)]))
      .executeTakeFirst(),
  ]);
  return found.some((row) => row !== undefined);
}

/** Deletes a team with its split rules and its members' seats. */
export async function deleteTeamRows(tx: Tx, orgId: string, teamId: string): Promise<void> {
  await tx.deleteFrom('split_rules').where('org_id', '=', orgId).where('team_id', '=', teamId).execute();
  await tx.deleteFrom('team_members').where('org_id', '=', orgId).where('team_id', '=', teamId).execute();
  await tx.deleteFrom('teams').where('org_id', '=', orgId).where('id', '=', teamId).execute();
}
