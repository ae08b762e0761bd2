import type { PromisesTable, Tx } from '../../db/schema.js';

/** The client promises in force at some time in [from, to): published before it ended, not retired before it began; by title. */
export async function listClientPromisesInForce(
  tx: Tx,
  orgId: string,
  from: number,
  to: number,
): Promise<Pick<PromisesTable, 'id' | 'title' | 'promiser_team_id' | 'fine_bucket_ms'>[]> {
  return tx
    .selectFrom('promises')
    .select(['id', 'title', 'promiser_team_id', 'fine_bucket_ms'])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'client')
    .where('published_at', 'is not', null)
    .where('published_at', '<', to)
    .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>=', from)]))
    .orderBy('title')
    .execute();
}
