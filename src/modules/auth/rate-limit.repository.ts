import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';

/**
 * Counts one hit under a key in the window starting at `windowStart`, as one upsert, and returns
 * the key's count in that window (a counter of an older window starts again at 1).
 */
export async function countRateLimitHit(db: Db, key: string, windowStart: number): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        // Both expressions read the row as it was: a counter of an older window starts again.
        count: sql<number>`case when rate_limits.window_start = ${windowStart} then rate_limits.count + 1 else 1 end`,
        window_start: windowStart,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Removes counters whose window began before `cutoff`; returns how many. */
export async function deleteRateLimitsBefore(db: Db, cutoff: number): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('window_start', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
