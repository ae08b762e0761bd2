import type { Kysely } from 'kysely';

/**
 * Promises backed by real capacity: a capability's capacity may be a rate per week
 * (`capacity_per` = 'week'; null keeps the old meaning, an amount that is not a rate, e.g.
 * "3 engineers"); a promise may carry the demand per week forecast at drafting, used until four
 * weeks of its events exist; and the evaluator's flag `over_capacity` (JSON `{since, capabilities}`)
 * on a published promise whose capabilities are asked for more than they can do, like `unbacked`.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('capabilities').addColumn('capacity_per', 'text').execute();
  await db.schema.alterTable('promises').addColumn('demand_forecast_per_week', 'integer').execute();
  await db.schema.alterTable('promises').addColumn('over_capacity', 'text').execute();
}
