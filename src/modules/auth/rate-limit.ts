import { sql } from 'kysely';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/schema.js';

/**
 * Fixed-window counters kept in the database, so every app process behind a load balancer shares
 * them. `hit` counts one attempt under each key and throws `rate_limited` when any key is over.
 * Each key is one upsert that returns its count (a new window starts it again at 1): no
 * transaction spans two rows, so concurrent hits cannot deadlock. Finished windows are removed by
 * `pruneRateLimits`, off the request path.
 */
export async function hitRateLimit(db: Db, keys: string[], limit: number, windowMs: number, now: number): Promise<void> {
  const windowStart = now - (now % windowMs);
  let worst = 0;
  for (const key of keys) {
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
    worst = Math.max(worst, Number(row.count));
  }
  if (worst > limit) {
    const retryAfter = Math.ceil((windowStart + windowMs - now) / 1000);
    throw new AppError('rate_limited', `too many attempts; try again in ${retryAfter} s`, [], retryAfter);
  }
}

/** The longest window any limit uses (a day); counters older than two of them are never read again. */
export const LONGEST_WINDOW_MS = 24 * 3_600_000;

/** Removes counters whose window began more than two days ago (no limit's window is longer than a day). */
export async function pruneRateLimits(db: Db, now: number): Promise<number> {
  const result = await db
    .deleteFrom('rate_limits')
    .where('window_start', '<', now - 2 * LONGEST_WINDOW_MS)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
