import { type BackoffState, countFailure, waitMs } from '../../core/auth/login-backoff.js';
import type { ThrottleKey } from '../../core/auth/login-keys.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/schema.js';

/** An attempt counted on a key, with the state before it, so a right password can take it back. */
export interface Claim {
  key: ThrottleKey;
  before: BackoffState | null;
  after: BackoffState;
}

const CLAIM_TRIES = 5;

async function readState(db: Db, key: string): Promise<BackoffState | null> {
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  return { failures: Number(row.failures), lastFailureAt: Number(row.last_failure_at), blockedUntil: Number(row.blocked_until) };
}

function rateLimited(waitMsLeft: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMsLeft / 1000));
  return new AppError('rate_limited', `too many failed sign-ins for this account; try again in ${seconds} s`, [], seconds);
}

/** Replaces `before` with `after` only if no one changed the row meanwhile (compare-and-set); true when it did. */
async function swapState(db: Db, key: string, before: BackoffState | null, after: BackoffState | null): Promise<boolean> {
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

/**
 * Counts one sign-in attempt on every key, as a failure, before the password is checked; throws
 * `rate_limited` (with the longest wait) when any key is still waiting, counting nothing then.
 * Each count is a compare-and-set on the key's row, so of several requests racing for the one
 * attempt a blocked key allows, one gets it and the others are refused: parallel requests from many
 * addresses cannot multiply an attacker's guesses.
 */
export async function claimAttempt(db: Db, keys: ThrottleKey[], now: number): Promise<Claim[]> {
  const states = await Promise.all(keys.map((k) => readState(db, k.key)));
  const longest = Math.max(0, ...states.map((s) => waitMs(s, now)));
  if (longest > 0) throw rateLimited(longest);
  const claims: Claim[] = [];
  for (const key of keys) {
    let claimed: Claim | null = null;
    for (let attempt = 0; attempt < CLAIM_TRIES && !claimed; attempt++) {
      const before = await readState(db, key.key);
      const wait = waitMs(before, now);
      if (wait > 0) throw rateLimited(wait);
      const after = countFailure(before, key.policy, now);
      if (await swapState(db, key.key, before, after)) claimed = { key, before, after };
    }
    if (!claimed) throw rateLimited(1000);
    claims.push(claimed);
  }
  return claims;
}

/**
 * The password was right: keys that reset on success (the e-mail and address pair, the device) start
 * again from zero; the others (the account across addresses, every device cookie together) get the counted attempt taken back,
 * so the owner's success neither costs them a failure nor wipes out what an attacker has earned.
 */
export async function settleSuccess(db: Db, claims: Claim[]): Promise<void> {
  for (const claim of claims) {
    if (claim.key.resetOnSuccess) {
      await db.deleteFrom('login_throttle').where('key', '=', claim.key.key).execute();
    } else {
      // If someone else failed meanwhile the row has moved on: then this attempt stays counted.
      await swapState(db, claim.key.key, claim.after, claim.before);
    }
  }
}

/** Removes keys that no policy remembers any more: no failure for `forgetAfterMs` and not blocked. */
export async function pruneLoginThrottle(db: Db, now: number, forgetAfterMs: number): Promise<number> {
  const result = await db
    .deleteFrom('login_throttle')
    .where('last_failure_at', '<', now - forgetAfterMs)
    .where('blocked_until', '<', now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
