import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Public-sector motivation: an organization of kind `government` may pay its teams a budgeted bonus
 * fund × the fulfillment index instead of a share of net profit (`economics_settings.pool_mode`).
 * Each team's expense budget and bonus fund per month live in `team_budgets`, in minor units;
 * savings against the budget stand in for the profit line.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
  await db.schema
    .alterTable('economics_settings')
    .addColumn('pool_mode', 'text', (c) => c.notNull().defaultTo('profit_share'))
    .execute();
  await db.schema
    .createTable('team_budgets')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('period', 'text', notNull)
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('budget_minor', 'bigint', notNull)
    .addColumn('bonus_fund_minor', 'bigint', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('team_budgets_pk', ['org_id', 'period', 'team_id'])
    .execute();
}
