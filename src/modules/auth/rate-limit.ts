import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/schema.js';

/**
 * Fixed-window counters kept in the database, so every app process behind a load balancer shares
 * them. `hit` counts one attempt under each key and throws `rate_limited` when any key is over.
 */
export async function hitRateLimit(db: Db, keys: string[], limit: number, windowMs: number, now: number): Promise<void> {
  const windowStart = now - (now % windowMs);
  let worst = 0;
  await db.transaction().execute(async (tx) => {
    for (const key of keys) {
      const row = await tx.selectFrom('rate_limits').selectAll().where('key', '=', key).executeTakeFirst();
      if (!row || row.window_start !== windowStart) {
        await tx
          .insertInto('rate_limits')
          .values({ key, window_start: windowStart, count: 1 })
          .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: windowStart, count: 1 }))
          .execute();
        worst = Math.max(worst, 1);
      } else {
        await tx
          .updateTable('rate_limits')
          .set((eb) => ({ count: eb('count', '+', 1) }))
          .where('key', '=', key)
          .execute();
        worst = Math.max(worst, row.count + 1);
      }
    }
    // Counters of finished windows are never read again.
    await tx.deleteFrom('rate_limits').where('window_start', '<', windowStart).execute();
  });
  if (worst > limit) {
    const retryAfter = Math.ceil((windowStart + windowMs - now) / 1000);
    throw new AppError('rate_limited', `too many attempts; try again in ${retryAfter} s`, [], retryAfter);
  }
}
