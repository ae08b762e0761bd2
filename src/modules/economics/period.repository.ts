import { dialectOf } from '../../db/database.js';
import type { Db, EconomicPeriodsTable, EconomicsSettingsTable, Tx } from '../../db/schema.js';

/**
 * Until an organization sets its own: 20% of net profit to the team, 10% kept in the reserve for new
 * projects (redundancy), promises not tied, no right named for spending the reserve. Organizations
 * that existed before the 10% default keep their 0% (stored by migration 20261207T2220_team_books).
 */
export const DEFAULT_SETTINGS = { pool_rate_ppm: 200_000, reserve_rate_ppm: 100_000, fulfillment: 'off', reserve_right_id: null } as const;

export async function loadSettings(
  tx: Tx,
  orgId: string,
): Promise<Pick<EconomicsSettingsTable, 'pool_rate_ppm' | 'reserve_rate_ppm' | 'fulfillment' | 'reserve_right_id' | 'updated_at'>> {
  const row = await tx.selectFrom('economics_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  return row ?? { ...DEFAULT_SETTINGS, updated_at: 0 };
}

export async function saveSettings(tx: Tx, row: EconomicsSettingsTable): Promise<void> {
  await tx
    .insertInto('economics_settings')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...row }))
    .execute();
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
      inputs_locked_at: null,
      inputs_locked_by: null,
      created_at: 0,
      updated_at: 0,
    }
  );
}

/** Stores the period's row unless another transaction stored it first. */
export async function insertPeriodIfMissing(tx: Tx, row: EconomicPeriodsTable): Promise<void> {
  await tx
    .insertInto('economic_periods')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'period']).doNothing())
    .execute();
}

export async function insertPeriod(tx: Tx, row: EconomicPeriodsTable): Promise<void> {
  await tx.insertInto('economic_periods').values(row).execute();
}

export async function updatePeriod(
  tx: Tx,
  orgId: string,
  period: string,
  set: Partial<Omit<EconomicPeriodsTable, 'org_id' | 'period' | 'created_at'>>,
): Promise<void> {
  await tx.updateTable('economic_periods').set(set).where('org_id', '=', orgId).where('period', '=', period).execute();
}

/** Every period stored: with anything entered, or closed. */
export async function listPeriodRows(db: Db, orgId: string): Promise<Pick<EconomicPeriodsTable, 'period' | 'status' | 'closed_at'>[]> {
  return db.selectFrom('economic_periods').select(['period', 'status', 'closed_at']).where('org_id', '=', orgId).execute();
}

/** The frozen figures of every closed period, oldest first. */
export async function listClosedSnapshots(tx: Tx, orgId: string): Promise<Pick<EconomicPeriodsTable, 'period' | 'snapshot'>[]> {
  return tx
    .selectFrom('economic_periods')
    .select(['period', 'snapshot'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'closed')
    .orderBy('period')
    .execute();
}

/**
 * Holds the period's row until the transaction ends (PostgreSQL; SQLite has one writer anyway), so
 * that a write and the closing of the same month never interleave: a line committed while the month
 * closes would otherwise be in the month but not in its frozen figures.
 */
export async function lockPeriod(tx: Tx, orgId: string, period: string, now: number): Promise<void> {
  if (dialectOf(tx) !== 'postgres') return;
  await insertPeriodIfMissing(tx, { ...(await loadPeriod(tx, orgId, period)), created_at: now, updated_at: now });
  await tx.selectFrom('economic_periods').select('period').where('org_id', '=', orgId).where('period', '=', period).forUpdate().execute();
}

/** The organization's row held until the transaction ends (PostgreSQL): one reserve allocation at a time. */
export async function lockOrganization(tx: Tx, orgId: string): Promise<void> {
  if (dialectOf(tx) === 'postgres') await tx.selectFrom('organizations').select('id').where('id', '=', orgId).forUpdate().execute();
}
