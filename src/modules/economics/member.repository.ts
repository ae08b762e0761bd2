import type { PeriodMembersTable, Tx } from '../../db/schema.js';

/** A member's hours and salary recorded in the team for the period. */
export async function findPeriodMember(
  tx: Tx,
  orgId: string,
  period: string,
  teamId: string,
  userId: string,
): Promise<PeriodMembersTable | undefined> {
  return tx
    .selectFrom('period_members')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function savePeriodMember(
  tx: Tx,
  row: PeriodMembersTable,
  values: Pick<PeriodMembersTable, 'hours_centi' | 'salary_minor' | 'updated_at' | 'recorded_by'>,
): Promise<void> {
  await tx
    .insertInto('period_members')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'period', 'team_id', 'user_id']).doUpdateSet(values))
    .execute();
}

/** Ids of the team's members who joined before `joinedBefore`, and of those with hours recorded in the period. */
export async function listPeriodTeammateIds(
  tx: Tx,
  orgId: string,
  period: string,
  teamId: string,
  joinedBefore: number,
): Promise<string[]> {
  const current = await tx
    .selectFrom('team_members')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .where('created_at', '<', joinedBefore)
    .execute();
  const recorded = await tx
    .selectFrom('period_members')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .where('team_id', '=', teamId)
    .execute();
  return [...current, ...recorded].map((r) => r.user_id);
}

/** Every team's members who joined before `joinedBefore`, with their names. */
export async function listTeamMembersJoinedBefore(
  tx: Tx,
  orgId: string,
  joinedBefore: number,
): Promise<{ team_id: string; user_id: string; created_at: number; name: string }[]> {
  return tx
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['team_members.team_id', 'team_members.user_id', 'team_members.created_at', 'users.name'])
    .where('team_members.org_id', '=', orgId)
    .where('team_members.created_at', '<', joinedBefore)
    .execute();
}

/** Hours and salaries recorded in the period, every team's, with the members' names. */
export async function listPeriodMembers(tx: Tx, orgId: string, period: string): Promise<(PeriodMembersTable & { name: string })[]> {
  return tx
    .selectFrom('period_members')
    .innerJoin('users', 'users.id', 'period_members.user_id')
    .select([
      'period_members.org_id',
      'period_members.period',
      'period_members.team_id',
      'period_members.user_id',
      'period_members.created_at',
      'period_members.updated_at',
      'period_members.hours_centi',
      'period_members.salary_minor',
      'period_members.recorded_by',
      'users.name',
    ])
    .where('period_members.org_id', '=', orgId)
    .where('period_members.period', '=', period)
    .execute();
}
