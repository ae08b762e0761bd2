import type { Kysely } from 'kysely';

/**
 * A fresh status: the evaluator's job row learns that a promise's
 * figures changed (`changed_at`, the first change not yet evaluated: set by ingest and new versions,
 * cleared by the evaluation that sees it), so a changed promise is evaluated within seconds instead
 * of at the next minute. `evaluation_seq` counts a promise's evaluations: the claim is conditional on
 * it, and the keys that deduplicate what an evaluation sends are made of it, one per evaluation.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('promise_evaluations').addColumn('changed_at', 'bigint').execute();
  await db.schema
    .alterTable('promise_evaluations')
    .addColumn('evaluation_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
