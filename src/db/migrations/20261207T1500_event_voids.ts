import type { Kysely } from 'kysely';

/**
 * Corrections of fulfillment events: an admin or a token with events:write voids an event
 * with a reason. The event stays (its external id remains taken, the audit log points at it) but
 * counts for nothing: these columns say when, by whom and why. Null: the event counts.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('promise_events').addColumn('voided_at', 'bigint').execute();
  await db.schema.alterTable('promise_events').addColumn('void_reason', 'text').execute();
  await db.schema.alterTable('promise_events').addColumn('voided_by', 'text').execute();
}
