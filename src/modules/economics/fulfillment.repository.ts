import type { PromisesTable, Tx } from '../../db/schema.js';

/** The client promises in force at some time in [from, to): published before it ended, not retired before it began; by title. */
export async function listClientPromisesInForce(
  tx: Tx,
  orgId: string,
  from: number,
  to: number,
): Promise<(Pick<PromisesTable, 'id' | 'title' | 'fine_bucket_ms'> & { promiser_team_id: string })[]> {
  return (
    tx
      .selectFrom('promises')
      .select(['id', 'title', 'promiser_team_id', 'fine_bucket_ms'])
      .where('org_id', '=', orgId)
      .where('kind', '=', 'client')
      .where('published_at', 'is not', null)
      // Only a promise with a team is ever published; the check narrows the type (intentions have none).
      .where('promiser_team_id', 'is not', null)
      .$narrowType<{ promiser_team_id: string }>()
      .where('published_at', '<', to)
      .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>=', from)]))
      .orderBy('title')
      .execute()
  );
}
