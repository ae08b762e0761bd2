import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * The context of step 2 at segment level: the client's situation, the regulations, the market and the
 * channels, one short record per segment. Evidence attaches to it through `evidence` (subject type
 * `context`, subject id the segment's), so no table of its own is needed for that.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
  await db.schema
    .createTable('segment_contexts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id'))
    .addColumn('situation', 'text', notNull)
    .addColumn('regulations', 'text', notNull)
    .addColumn('market', 'text', notNull)
    .addColumn('channels', 'text', notNull)
    .addColumn('version', 'integer', notNull)
    .addColumn('updated_by', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('segment_contexts_segment').on('segment_contexts').columns(['org_id', 'segment_id']).unique().execute();
}
