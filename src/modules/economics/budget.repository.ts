import type { PoolMode } from '../../core/economics/budgeted-pool.js';
import type { TeamBudgetsTable, Tx } from '../../db/schema.js';

/** Where the organization's pools come from; `profit_share` until it says otherwise. */
export async function loadPoolMode(tx: Tx, orgId: string): Promise<PoolMode> {
  const row = await tx.selectFrom('economics_settings').select('pool_mode').where('org_id', '=', orgId).executeTakeFirst();
  return row?.pool_mode ?? 'profit_share';
}

/** Every team's budget and bonus fund for the period. */
export async function listTeamBudgets(tx: Tx, orgId: string, period: string): Promise<TeamBudgetsTable[]> {
  const rows = await tx.selectFrom('team_budgets').selectAll().where('org_id', '=', orgId).where('period', '=', period).execute();
  // PostgreSQL returns bigint columns as strings.
  return rows.map((r) => ({ ...r, budget_minor: Number(r.budget_minor), bonus_fund_minor: Number(r.bonus_fund_minor) }));
}

export async function findTeamBudget(tx: Tx, orgId: string, period: string, teamId: string): Promise<TeamBudgetsTable | undefined> {
  const row = await tx
    .selectFrom('team_budgets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  return row && { ...row, budget_minor: Number(row.budget_minor), bonus_fund_minor: Number(row.bonus_fund_minor) };
}

/** Inserts the team's budget for the period, or replaces its amounts. */
export async function saveTeamBudget(tx: Tx, row: TeamBudgetsTable): Promise<void> {
  const { budget_minor, bonus_fund_minor, updated_at, updated_by } = row;
  await tx
    .insertInto('team_budgets')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'period', 'team_id']).doUpdateSet({ budget_minor, bonus_fund_minor, updated_at, updated_by }))
    .execute();
}

/** Whether the organization has any team budget (a demo seeder that finds one does nothing). */
export async function hasTeamBudgets(tx: Tx, orgId: string): Promise<boolean> {
  return (await tx.selectFrom('team_budgets').select('org_id').where('org_id', '=', orgId).executeTakeFirst()) !== undefined;
}
