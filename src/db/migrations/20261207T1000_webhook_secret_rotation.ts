import type { Kysely } from 'kysely';

/**
 * Rotating a webhook's signing secret: the secret it replaced keeps signing deliveries,
 * beside the new one, until `previous_secret_expires_at` (24 hours after the rotation), so receivers
 * switch without losing a delivery. Both null when the endpoint was never rotated.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webhook_endpoints').addColumn('previous_secret', 'text').execute();
  await db.schema.alterTable('webhook_endpoints').addColumn('previous_secret_expires_at', 'bigint').execute();
}
