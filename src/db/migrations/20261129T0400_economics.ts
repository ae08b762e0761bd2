import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Team economics: the organization's pool and reserve settings, monthly periods (open or
 * closed, a closed one frozen with its figures), ledger lines per team (and organization overhead),
 * hours and salary per member and period, internal trades between teams, each team's published
 * split rule, peer points, and what has been allocated from the reserve fund. Money is integer minor
 * units (bigint), hours hundredths of an hour, rates whole parts per million.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
  const org = (c: ColumnDefinitionBuilder) => c.notNull().references('organizations.id');
  const team = (c: ColumnDefinitionBuilder) => c.notNull().references('teams.id');

  await db.schema
    .createTable('economics_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('pool_rate_ppm', 'integer', notNull)
    .addColumn('reserve_rate_ppm', 'integer', notNull)
    .addColumn('fulfillment', 'text', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('economic_periods')
    .addColumn('org_id', 'text', org)
    .addColumn('period', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('overhead_rule', 'text', notNull)
    .addColumn('overhead_basis_points', 'text')
    // The frozen figures of every team (JSON) while closed; null while open.
    .addColumn('snapshot', 'text')
    .addColumn('closed_at', 'bigint')
    .addColumn('closed_by', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('economic_periods_pk', ['org_id', 'period'])
    .execute();

  await db.schema
    .createTable('ledger_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('period', 'text', notNull)
    // Null for the organization's overhead, shared among teams by the period's rule.
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('amount_minor', 'bigint', notNull)
    .addColumn('note', 'text', notNull)
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('promise_id', 'text', (c) => c.references('promises.id'))
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('ledger_lines_period').on('ledger_lines').columns(['org_id', 'period', 'team_id']).execute();

  await db.schema
    .createTable('period_members')
    .addColumn('org_id', 'text', org)
    .addColumn('period', 'text', notNull)
    .addColumn('team_id', 'text', team)
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('hours_centi', 'bigint', notNull)
    .addColumn('salary_minor', 'bigint', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('period_members_pk', ['org_id', 'period', 'team_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('internal_trades')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('period', 'text', notNull)
    .addColumn('seller_team_id', 'text', team)
    .addColumn('buyer_team_id', 'text', team)
    .addColumn('amount_minor', 'bigint', notNull)
    .addColumn('promise_id', 'text', (c) => c.references('promises.id'))
    .addColumn('note', 'text', notNull)
    .addColumn('status', 'text', notNull)
    // The side that entered it; the other side confirms or declines.
    .addColumn('entered_by_team_id', 'text', team)
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'bigint')
    .addColumn('decline_reason', 'text', notNull)
    .execute();
  await db.schema.createIndex('internal_trades_period').on('internal_trades').columns(['org_id', 'period']).execute();

  await db.schema
    .createTable('split_rules')
    .addColumn('org_id', 'text', org)
    .addColumn('team_id', 'text', team)
    .addColumn('rule', 'text', notNull)
    .addColumn('weights', 'text')
    .addColumn('updated_at', 'bigint', notNull)
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('split_rules_pk', ['org_id', 'team_id'])
    .execute();

  await db.schema
    .createTable('peer_points')
    .addColumn('org_id', 'text', org)
    .addColumn('period', 'text', notNull)
    .addColumn('team_id', 'text', team)
    .addColumn('giver_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('receiver_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('points', 'integer', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('peer_points_pk', ['org_id', 'period', 'team_id', 'giver_id', 'receiver_id'])
    .execute();

  await db.schema
    .createTable('reserve_allocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('amount_minor', 'bigint', notNull)
    .addColumn('purpose', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('reserve_allocations_org').on('reserve_allocations').columns(['org_id', 'created_at']).execute();
}
