import type { BackoffState } from '../../core/auth/login-backoff.js';
import type { Db } from '../../db/schema.js';

/** The backoff state stored under a throttle key, or null when the key has none. */
export async function readThrottleState(db: Db, key: string): Promise<BackoffState | null> {
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  return { failures: Number(row.failures), lastFailureAt: Number(row.last_failure_at), blockedUntil: Number(row.blocked_until) };
}

/**
 * Replaces `before` with `after` under a key only if no one changed the row meanwhile
 * (compare-and-set: an insert that does nothing on conflict, or a delete or update conditioned on
 * the old values); true when it did. Null stands for "no row".
 */
export async function swapThrottleState(db: Db, key: string, before: BackoffState | null, after: BackoffState | null): Promise<boolean> {
  if (before === null && after !== null) {
    const inserted = await db
      .insertInto('login_throttle')
      .values({ key, failures: after.failures, last_failure_at: after.lastFailureAt, blocked_until: after.blockedUntil })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  if (before === null) return true;
  if (after === null) {
    const deleted = await db
      .deleteFrom('login_throttle')
      .where('key', '=', key)
      .where('failures', '=', before.failures)
      .where('last_failure_at', '=', before.lastFailureAt)
      .where('blocked_until', '=', before.blockedUntil)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) === 1;
  }
  const updated = await db
    .updateTable('login_throttle')
    .set({ failures: after.failures, last_failure_at: after.lastFailureAt, blocked_until: after.blockedUntil })
    .where('key', '=', key)
    .where('failures', '=', before.failures)
    .where('last_failure_at', '=', before.lastFailureAt)
    .where('blocked_until', '=', before.blockedUntil)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Forgets a key's state (its count starts again from zero). */
export async function deleteThrottleKey(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Removes keys whose last failure is before `lastFailureBefore` and that are not blocked at `now`; returns how many. */
export async function deleteIdleThrottleKeys(db: Db, lastFailureBefore: number, now: number): Promise<number> {
  const result = await db
    .deleteFrom('login_throttle')
    .where('last_failure_at', '<', lastFailureBefore)
    .where('blocked_until', '<', now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
