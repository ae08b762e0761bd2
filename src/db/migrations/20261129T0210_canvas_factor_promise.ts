import type { Kysely } from 'kysely';

/** A strategy-canvas factor may be bound to a promise: its current level is then measured (M3 ↔ M4). */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('canvas_factors').addColumn('promise_id', 'text').execute();
}
