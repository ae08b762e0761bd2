import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Overrides of delegated authority: an admin or the council acting over a team that holds a
 * delegated right (deciding under that right, or changing the team's roles, capabilities,
 * agreements, members or split rule) says why. Each such act is one row: the team, what was done
 * to what, the reason, who and when. Rows are never changed: the record is the point.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
  await db.schema
    .createTable('overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('action', 'text', notNull)
    .addColumn('subject_type', 'text', notNull)
    .addColumn('subject_id', 'text', notNull)
    .addColumn('reason', 'text', notNull)
    .addColumn('actor_type', 'text', notNull)
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('overrides_team').on('overrides').columns(['org_id', 'team_id', 'created_at']).execute();
  await db.schema.createIndex('overrides_subject').on('overrides').columns(['org_id', 'subject_type', 'subject_id']).execute();
  await db.schema.createIndex('overrides_time').on('overrides').columns(['org_id', 'created_at']).execute();
}
