import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * The column mapping last used to import fulfillment events into a promise: which column of the organization's spreadsheet is the id, the time, the outcome or
 * value and the client, with the time zone and date format — preselected on the next import.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
  await db.schema
    .createTable('event_import_mappings')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('promise_id', 'text', (c) => c.primaryKey().references('promises.id'))
    .addColumn('mapping', 'text', notNull)
    .addColumn('time_zone', 'text', notNull)
    .addColumn('date_format', 'text', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('event_import_mappings_org').on('event_import_mappings').column('org_id').execute();
}
