/**
 * Progressive backoff of sign-in attempts (pure: state in, state out, `now` given).
 *
 * Each throttled key (an e-mail from one IP, an e-mail from anywhere, one trusted device) has a
 * count of failures. `freeFailures` may come back to back; after that many the key waits 1 s before
 * its next attempt, after one more 2 s, then 4 s … doubling up to `capMs`. A key that has not
 * failed for `forgetAfterMs` starts again from zero. An attempt is counted *before* the password is checked (the service
 * takes it back when the password was right), so parallel requests cannot slip through one slot.
 */

export interface BackoffPolicy {
  /** Failures allowed before any wait. */
  freeFailures: number;
  /** The longest wait between two attempts, ms. */
  capMs: number;
  /** A key with no failure for this long starts again from zero, ms. */
  forgetAfterMs: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 3_600_000;

/** One e-mail from one IP address: a few typos are free, then the waits double up to 15 minutes. */
export const PAIR_POLICY: BackoffPolicy = { freeFailures: 5, capMs: 15 * MINUTE_MS, forgetAfterMs: DAY_MS };
/**
 * One e-mail from every untrusted address together: what stops an attacker who rotates addresses.
 * 20 free failures, then 1 s, 2 s … 512 s, then one attempt per 15 minutes: at most 124 guesses in
 * the first 24 hours and 96 a day after that (attemptsWithin computes it; the tests check it).
 */
export const ACCOUNT_POLICY: BackoffPolicy = { freeFailures: 20, capMs: 15 * MINUTE_MS, forgetAfterMs: DAY_MS };
/** One browser holding a device cookie for the e-mail: its own count, untouched by anyone else's failures. */
export const DEVICE_POLICY: BackoffPolicy = { freeFailures: 10, capMs: 15 * MINUTE_MS, forgetAfterMs: DAY_MS };
/**
 * Every device cookie of one e-mail together, so that many cookies do not multiply the guesses: 30
 * free failures (the owner's typos on all their browsers), then the same doubling — at most 134
 * guesses in the first 24 hours and 96 a day after, however many cookies.
 */
export const DEVICES_POLICY: BackoffPolicy = { freeFailures: 30, capMs: 15 * MINUTE_MS, forgetAfterMs: DAY_MS };

export interface BackoffState {
  failures: number;
  /** When the last failure was counted, epoch ms. */
  lastFailureAt: number;
  /** No attempt is taken before this instant, epoch ms (0: none is blocked). */
  blockedUntil: number;
}

/** Wait after `failures` counted failures, ms: 0 below the free ones, 1 s at them, then 2 s, 4 s … up to the cap. */
export function backoffDelayMs(failures: number, policy: BackoffPolicy): number {
  const beyond = failures - policy.freeFailures;
  if (beyond < 0) return 0;
  // 2^beyond seconds; past 2^40 the cap has long been reached, and Math.pow stays exact below it.
  return Math.min(2 ** Math.min(beyond, 40) * 1000, policy.capMs);
}

/** Milliseconds the caller must wait before an attempt on a key in `state`; 0 when it may go now. */
export function waitMs(state: BackoffState | null, now: number): number {
  if (!state) return 0;
  return Math.max(0, state.blockedUntil - now);
}

/** The state after one more failure at `now` (a forgotten key counts from zero again). */
export function countFailure(state: BackoffState | null, policy: BackoffPolicy, now: number): BackoffState {
  const isFresh = !state || now - state.lastFailureAt >= policy.forgetAfterMs;
  const failures = (isFresh ? 0 : state.failures) + 1;
  const delay = backoffDelayMs(failures, policy);
  return { failures, lastFailureAt: now, blockedUntil: delay > 0 ? now + delay : 0 };
}

/**
 * How many attempts on one key a caller gets in the `spanMs` from its first one when it tries at the
 * first moment each is allowed and every one fails: the bound an attacker faces.
 */
export function attemptsWithin(policy: BackoffPolicy, spanMs: number): number {
  let state: BackoffState | null = null;
  let now = 0;
  let attempts = 0;
  while (now < spanMs) {
    attempts += 1;
    state = countFailure(state, policy, now);
    now = Math.max(now, state.blockedUntil);
  }
  return attempts;
}
