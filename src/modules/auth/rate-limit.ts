import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/schema.js';
import { countRateLimitHit, deleteRateLimitsBefore } from './rate-limit.repository.js';

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
    worst = Math.max(worst, await countRateLimitHit(db, key, windowStart));
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
  return deleteRateLimitsBefore(db, now - 2 * LONGEST_WINDOW_MS);
}
