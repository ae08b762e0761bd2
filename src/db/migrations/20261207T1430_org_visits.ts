import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * When each person last worked in each of their organizations: after sign-in, on any browser, a person lands in the organization they used last.
 * One row per person and organization, written when the staff app opens another organization.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
  await db.schema
    .createTable('org_visits')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('used_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('org_visits_pk', ['org_id', 'user_id'])
    .execute();
  await db.schema.createIndex('org_visits_user').on('org_visits').columns(['user_id', 'used_at']).execute();
}
