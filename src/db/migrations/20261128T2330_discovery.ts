import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/** Discovery and value design (M2, M3): segments, needs, pains, gains, evidence, value map, canvases. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: a table builder of any shape gets the two time columns
  const stamps = (t: any) =>
    t
      .addColumn('created_at', 'bigint', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('updated_at', 'bigint', (c: ColumnDefinitionBuilder) => c.notNull());

  await stamps(
    db.schema
      .createTable('segments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('size_estimate', 'bigint')
      .addColumn('kind', 'text', (c) => c.notNull()),
  )
    .addUniqueConstraint('segments_org_name', ['org_id', 'name'])
    .execute();

  await stamps(
    db.schema
      .createTable('needs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id'))
      .addColumn('job_kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('importance', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('needs_segment').on('needs').columns(['org_id', 'segment_id']).execute();

  await stamps(
    db.schema
      .createTable('pains')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('severity', 'integer', (c) => c.notNull())
      .addColumn('frequency', 'integer', (c) => c.notNull())
      .addColumn('context_where', 'text', (c) => c.notNull())
      .addColumn('context_when', 'text', (c) => c.notNull())
      .addColumn('context_who', 'text', (c) => c.notNull())
      .addColumn('context_channel', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('pains_segment').on('pains').columns(['org_id', 'segment_id']).execute();

  await stamps(
    db.schema
      .createTable('gains')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('relevance', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('gains_segment').on('gains').columns(['org_id', 'segment_id']).execute();

  await stamps(
    db.schema
      .createTable('evidence')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('observed_on', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('evidence_subject').on('evidence').columns(['org_id', 'subject_type', 'subject_id']).execute();

  await stamps(
    db.schema
      .createTable('value_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('value_items_segment').on('value_items').columns(['org_id', 'segment_id']).execute();

  await db.schema
    .createTable('value_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('value_items.id'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('value_links_item_target', ['item_id', 'target_id'])
    .execute();
  await db.schema.createIndex('value_links_target').on('value_links').columns(['org_id', 'target_id']).execute();

  await stamps(
    db.schema
      .createTable('canvases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('current_label', 'text', (c) => c.notNull())
      .addColumn('target_label', 'text', (c) => c.notNull()),
  ).execute();

  await db.schema
    .createTable('canvas_factors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('canvas_id', 'text', (c) => c.notNull().references('canvases.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('current_level', 'integer', (c) => c.notNull())
    .addColumn('target_level', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('canvas_competitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('canvas_id', 'text', (c) => c.notNull().references('canvases.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('canvas_levels')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('canvas_id', 'text', (c) => c.notNull().references('canvases.id'))
    .addColumn('factor_id', 'text', (c) => c.notNull().references('canvas_factors.id'))
    .addColumn('competitor_id', 'text', (c) => c.notNull().references('canvas_competitors.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('canvas_levels_pk', ['factor_id', 'competitor_id'])
    .execute();
}
