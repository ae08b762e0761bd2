import { type BackoffState, countFailure, waitMs } from '../../core/auth/login-backoff.js';
import type { ThrottleKey } from '../../core/auth/login-keys.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/schema.js';
import { deleteIdleThrottleKeys, deleteThrottleKey, readThrottleState, swapThrottleState } from './login-throttle.repository.js';

/** An attempt counted on a key, with the state before it, so a right password can take it back. */
export interface Claim {
  key: ThrottleKey;
  before: BackoffState | null;
  after: BackoffState;
}

const CLAIM_TRIES = 5;

function rateLimited(waitMsLeft: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMsLeft / 1000));
  return new AppError('rate_limited', `too many failed sign-ins for this account; try again in ${seconds} s`, [], seconds);
}

/**
 * Counts one sign-in attempt on every key, as a failure, before the password is checked; throws
 * `rate_limited` (with the longest wait) when any key is still waiting, counting nothing then.
 * Each count is a compare-and-set on the key's row, so of several requests racing for the one
 * attempt a blocked key allows, one gets it and the others are refused: parallel requests from many
 * addresses cannot multiply an attacker's guesses.
 */
export async function claimAttempt(db: Db, keys: ThrottleKey[], now: number): Promise<Claim[]> {
  const states = await Promise.all(keys.map((k) => readThrottleState(db, k.key)));
  const longest = Math.max(0, ...states.map((s) => waitMs(s, now)));
  if (longest > 0) throw rateLimited(longest);
  const claims: Claim[] = [];
  for (const key of keys) {
    let claimed: Claim | null = null;
    for (let attempt = 0; attempt < CLAIM_TRIES && !claimed; attempt++) {
      const before = await readThrottleState(db, key.key);
      const wait = waitMs(before, now);
      if (wait > 0) throw rateLimited(wait);
      const after = countFailure(before, key.policy, now);
      if (await swapThrottleState(db, key.key, before, after)) claimed = { key, before, after };
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
      await deleteThrottleKey(db, claim.key.key);
    } else {
      // If someone else failed meanwhile the row has moved on: then this attempt stays counted.
      await swapThrottleState(db, claim.key.key, claim.after, claim.before);
    }
  }
}

/** Removes keys that no policy remembers any more: no failure for `forgetAfterMs` and not blocked. */
export async function pruneLoginThrottle(db: Db, now: number, forgetAfterMs: number): Promise<number> {
  return deleteIdleThrottleKeys(db, now - forgetAfterMs, now);
}
