import { AppError, invalidField } from '../../core/errors.js';
import { dialectOf } from '../../db/database.js';
import type { EconomicPeriodsTable, EconomicsSettingsTable, Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';

/** Until an organization sets its own: 20% of net profit to the team, nothing kept, promises not tied. */
export const DEFAULT_SETTINGS = { pool_rate_ppm: 200_000, reserve_rate_ppm: 0, fulfillment: 'off' } as const;

export async function loadSettings(
  tx: Tx,
  orgId: string,
): Promise<Pick<EconomicsSettingsTable, 'pool_rate_ppm' | 'reserve_rate_ppm' | 'fulfillment' | 'updated_at'>> {
  const row = await tx.selectFrom('economics_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  return row ?? { ...DEFAULT_SETTINGS, updated_at: 0 };
}

/** A period as stored, or as it is before anything was entered: open, overhead per capita. */
export async function loadPeriod(tx: Tx, orgId: string, period: string): Promise<EconomicPeriodsTable> {
  const row = await tx
    .selectFrom('economic_periods')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .executeTakeFirst();
  return (
    row ?? {
      org_id: orgId,
      period,
      status: 'open',
      overhead_rule: 'per_capita',
      overhead_basis_points: null,
      snapshot: null,
      closed_at: null,
      closed_by: null,
      created_at: 0,
      updated_at: 0,
    }
  );
}

/**
 * Holds the period's row until the transaction ends (PostgreSQL; SQLite has one writer anyway), so
 * that a write and the closing of the same month never interleave: a line committed while the month
 * closes would otherwise be in the month but not in its frozen figures.
 */
export async function lockPeriod(tx: Tx, orgId: string, period: string, now: number): Promise<void> {
  if (dialectOf(tx) !== 'postgres') return;
  await tx
    .insertInto('economic_periods')
    .values({ ...(await loadPeriod(tx, orgId, period)), created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['org_id', 'period']).doNothing())
    .execute();
  await tx.selectFrom('economic_periods').select('period').where('org_id', '=', orgId).where('period', '=', period).forUpdate().execute();
}

/** The organization's row held until the transaction ends (PostgreSQL): one reserve allocation at a time. */
export async function lockOrganization(tx: Tx, orgId: string): Promise<void> {
  if (dialectOf(tx) === 'postgres') await tx.selectFrom('organizations').select('id').where('id', '=', orgId).forUpdate().execute();
}

/** The period for a write: created open on first use; `period_closed` (409) when it is closed. */
export async function openPeriodForWrite(tx: Tx, ctx: OrgContext, period: string): Promise<EconomicPeriodsTable> {
  await lockPeriod(tx, ctx.org.id, period, ctx.now);
  const row = await loadPeriod(tx, ctx.org.id, period);
  if (row.status === 'closed')
    throw new AppError('period_closed', `period ${period} is closed: an admin reopens it, with a reason, to change it`);
  if (row.created_at === 0) {
    const created = { ...row, created_at: ctx.now, updated_at: ctx.now };
    await tx
      .insertInto('economic_periods')
      .values(created)
      .onConflict((oc) => oc.columns(['org_id', 'period']).doNothing())
      .execute();
    return created;
  }
  return row;
}

/** The team, or 422 naming the field when the organization has no such team. */
export async function requireTeam(tx: Tx, orgId: string, teamId: string, field: string): Promise<{ id: string; name: string }> {
  const team = await tx.selectFrom('teams').select(['id', 'name']).where('org_id', '=', orgId).where('id', '=', teamId).executeTakeFirst();
  if (!team) throw invalidField(field, 'no team with this id in the organization');
  return team;
}

/** Whether the acting user belongs to the team. */
export async function isTeamMember(tx: Tx, ctx: OrgContext, teamId: string): Promise<boolean> {
  if (ctx.actor.type !== 'user' || !ctx.actor.id) return false;
  const row = await tx
    .selectFrom('team_members')
    .select('id')
    .where('org_id', '=', ctx.org.id)
    .where('team_id', '=', teamId)
    .where('user_id', '=', ctx.actor.id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Admins, tokens and the system act for any team; a person acts only for a team they belong to. */
export async function requireTeamSide(tx: Tx, ctx: OrgContext, teamId: string, what: string): Promise<void> {
  if (ctx.actor.type !== 'user' || ctx.role === 'admin') return;
  if (!(await isTeamMember(tx, ctx, teamId))) throw new AppError('forbidden', `only the team's members or an admin may ${what}`);
}
