import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Promises (M4): promises with versioned terms, their fulfillment events (idempotent by external id),
 * the time-bucketed counters every figure is read from, redress owed to clients, and requests
 * between teams.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
  const org = (c: ColumnDefinitionBuilder) => c.notNull().references('organizations.id');

  await db.schema
    .createTable('promises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('kind', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('promiser_team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('promisee_segment_id', 'text', (c) => c.references('segments.id'))
    .addColumn('promisee_team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('supports_promise_id', 'text', (c) => c.references('promises.id'))
    .addColumn('pain_ids', 'text', notNull)
    .addColumn('required_capability_ids', 'text', notNull)
    .addColumn('required_right_ids', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('current_version', 'integer', notNull)
    .addColumn('fine_bucket_ms', 'integer', notNull)
    .addColumn('unbacked', 'text')
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addColumn('published_at', 'bigint')
    .addColumn('retired_at', 'bigint')
    .execute();
  await db.schema.createIndex('promises_org_status').on('promises').columns(['org_id', 'status']).execute();
  await db.schema.createIndex('promises_team').on('promises').columns(['org_id', 'promiser_team_id']).execute();

  await db.schema
    .createTable('promise_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('promise_id', 'text', (c) => c.notNull().references('promises.id'))
    .addColumn('version', 'integer', notNull)
    .addColumn('statement', 'text', notNull)
    .addColumn('metric', 'text', notNull)
    .addColumn('target', 'double precision', notNull)
    .addColumn('time_window', 'text', notNull)
    .addColumn('promiser_team_id', 'text', notNull)
    .addColumn('redress', 'text')
    .addColumn('reason', 'text', notNull)
    .addColumn('effective_from', 'bigint', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addUniqueConstraint('promise_versions_number', ['promise_id', 'version'])
    .execute();

  // The primary key is the idempotency key: a retried batch inserts nothing twice.
  await db.schema
    .createTable('promise_events')
    .addColumn('promise_id', 'text', (c) => c.notNull().references('promises.id'))
    .addColumn('external_id', 'text', notNull)
    .addColumn('org_id', 'text', org)
    .addColumn('occurred_at', 'bigint', notNull)
    .addColumn('good', 'integer', notNull)
    .addColumn('value', 'double precision')
    .addColumn('client_id', 'text')
    .addColumn('version', 'integer', notNull)
    .addColumn('ingested_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('promise_events_pk', ['promise_id', 'external_id'])
    .execute();
  await db.schema.createIndex('promise_events_time').on('promise_events').columns(['promise_id', 'occurred_at']).execute();

  await db.schema
    .createTable('promise_counters')
    .addColumn('promise_id', 'text', (c) => c.notNull().references('promises.id'))
    .addColumn('level', 'integer', notNull)
    .addColumn('bucket_start', 'bigint', notNull)
    .addColumn('org_id', 'text', org)
    .addColumn('good', 'bigint', notNull)
    .addColumn('total', 'bigint', notNull)
    .addPrimaryKeyConstraint('promise_counters_pk', ['promise_id', 'level', 'bucket_start'])
    .execute();

  await db.schema
    .createTable('redress_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('promise_id', 'text', (c) => c.notNull().references('promises.id'))
    .addColumn('version', 'integer', notNull)
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('event_external_id', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('amount', 'bigint')
    .addColumn('text', 'text', notNull)
    .addColumn('owed_at', 'bigint', notNull)
    .addColumn('given_at', 'bigint')
    .addColumn('given_by', 'text')
    .addColumn('note', 'text', notNull)
    .addUniqueConstraint('redress_items_event', ['promise_id', 'event_external_id'])
    .execute();
  await db.schema.createIndex('redress_items_client').on('redress_items').columns(['org_id', 'client_id']).execute();

  await db.schema
    .createTable('promise_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('from_team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('to_team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('title', 'text', notNull)
    .addColumn('statement', 'text', notNull)
    .addColumn('supports_promise_id', 'text', (c) => c.references('promises.id'))
    .addColumn('status', 'text', notNull)
    .addColumn('answer', 'text', notNull)
    .addColumn('promise_id', 'text', (c) => c.references('promises.id'))
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('answered_at', 'bigint')
    .execute();
}
