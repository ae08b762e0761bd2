import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Teams keep their own books (issue 17): who recorded a member's hours (`period_members.recorded_by`);
 * a month's inputs locked by an admin before closing (`economic_periods.inputs_locked_at/_by`); the
 * decision right under which the reserve is spent (`economics_settings.reserve_right_id`) and the
 * decision an allocation was made by (`reserve_allocations.decision_id`); a team's request for
 * reserve money naming the decision and the option that funds it (`reserve_requests`); a team's
 * time reserve, the share of its hours kept for new projects (`team_time_reserves`, basis points).
 *
 * The default reserve rate becomes 10%: organizations that never stored their settings keep the 0%
 * they had, written down here, so only new organizations start at 10%.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
  const org = (c: ColumnDefinitionBuilder) => c.notNull().references('organizations.id');
  const team = (c: ColumnDefinitionBuilder) => c.notNull().references('teams.id');

  await db.schema.alterTable('period_members').addColumn('recorded_by', 'text').execute();
  await db.schema.alterTable('economic_periods').addColumn('inputs_locked_at', 'bigint').execute();
  await db.schema.alterTable('economic_periods').addColumn('inputs_locked_by', 'text').execute();
  await db.schema.alterTable('economics_settings').addColumn('reserve_right_id', 'text').execute();
  await db.schema.alterTable('reserve_allocations').addColumn('decision_id', 'text').execute();

  await db.schema
    .createTable('reserve_requests')
    .addColumn('org_id', 'text', org)
    .addColumn('decision_id', 'text', notNull)
    .addColumn('team_id', 'text', team)
    .addColumn('funding_option', 'integer', notNull)
    .addColumn('purpose', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('reserve_requests_pk', ['org_id', 'decision_id'])
    .execute();

  await db.schema
    .createTable('team_time_reserves')
    .addColumn('org_id', 'text', org)
    .addColumn('team_id', 'text', team)
    .addColumn('share_bp', 'integer', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('team_time_reserves_pk', ['org_id', 'team_id'])
    .execute();

  // Existing organizations keep the reserve rate they had (0% by the old default).
  const stored = await db.selectFrom('economics_settings').select('org_id').execute();
  const have = new Set(stored.map((r: { org_id: string }) => r.org_id));
  const orgs = await db.selectFrom('organizations').select('id').execute();
  const missing = orgs.filter((o: { id: string }) => !have.has(o.id));
  if (missing.length > 0)
    await db
      .insertInto('economics_settings')
      .values(
        missing.map((o: { id: string }) => ({
          org_id: o.id,
          pool_rate_ppm: 200_000,
          reserve_rate_ppm: 0,
          fulfillment: 'off',
          updated_at: 0,
          updated_by: null,
        })),
      )
      .execute();
}
