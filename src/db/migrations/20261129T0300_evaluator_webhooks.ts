import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * The background evaluator and webhooks: the latest evaluation of each published promise
 * (its row is also the evaluator's job: taken with FOR UPDATE SKIP LOCKED on PostgreSQL and claimed
 * for one minute at a time, so no minute is evaluated twice), the history of status changes and
 * alerts, the organizations' webhook endpoints and the deliveries owed to them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
  const org = (c: ColumnDefinitionBuilder) => c.notNull().references('organizations.id');

  await db.schema
    .createTable('promise_evaluations')
    .addColumn('promise_id', 'text', (c) => c.primaryKey().references('promises.id'))
    .addColumn('org_id', 'text', org)
    // Null until the first evaluation: that one is the baseline, not a change.
    .addColumn('status', 'text')
    .addColumn('firing', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('attainment', 'double precision')
    .addColumn('version', 'integer')
    // The job's claim: the start (UTC ms) of the last minute this promise was evaluated for.
    .addColumn('evaluated_minute', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('evaluated_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'bigint')
    .execute();
  await db.schema.createIndex('promise_evaluations_due').on('promise_evaluations').columns(['evaluated_minute']).execute();
  await db.schema.createIndex('promise_evaluations_org').on('promise_evaluations').columns(['org_id']).execute();

  await db.schema
    .createTable('promise_status_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('promise_id', 'text', (c) => c.notNull().references('promises.id'))
    .addColumn('at', 'bigint', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('alert', 'text')
    .addColumn('details', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('promise_status_history_promise')
    .on('promise_status_history')
    .columns(['org_id', 'promise_id', 'at'])
    .execute();

  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('url', 'text', notNull)
    .addColumn('description', 'text', notNull)
    // Kept as given: every delivery is signed with it. Shown once, at creation.
    .addColumn('secret', 'text', notNull)
    .addColumn('event_types', 'text', notNull)
    .addColumn('disabled_at', 'bigint')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('webhook_endpoints_org').on('webhook_endpoints').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoints.id').onDelete('cascade'))
    .addColumn('event_id', 'text', notNull)
    .addColumn('event_type', 'text', notNull)
    // The exact body sent on every attempt (the receiver deduplicates on its `id`).
    .addColumn('payload', 'text', notNull)
    .addColumn('attempt_count', 'integer', (c) => c.notNull().defaultTo(0))
    // Null once delivered or given up; while an attempt is in flight, the end of its lease.
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    // JSON list of `{at, statusCode, error, durationMs}`, one per attempt.
    .addColumn('attempts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('delivered_at', 'bigint')
    .addColumn('failed_at', 'bigint')
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['next_attempt_at']).execute();
  await db.schema
    .createIndex('webhook_deliveries_endpoint')
    .on('webhook_deliveries')
    .columns(['org_id', 'endpoint_id', 'created_at'])
    .execute();
}
