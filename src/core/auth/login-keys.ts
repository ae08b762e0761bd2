/**
 * Which counts a sign-in attempt is judged by (pure). Three kinds of attempt:
 * - from a browser holding a device cookie of the account's current epoch: that cookie's own count,
 *   and the count of every device cookie of the e-mail together (so minting many cookies while the
 *   password was known buys no more guesses);
 * - from a usual address (the account signed in there successfully within 30 days, in the current
 *   epoch), without such a cookie: the (e-mail, address) pair only — the owner on a new browser at
 *   home or at the office is not held up by failures from elsewhere;
 * - anything else: the pair, and the e-mail across every such address (what stops an attacker who
 *   rotates addresses).
 * The epoch is raised by a password change, a password reset and "sign out everywhere else": device
 * cookies and usual addresses of before then count for nothing.
 */
import { ACCOUNT_POLICY, type BackoffPolicy, DEVICE_POLICY, DEVICES_POLICY, PAIR_POLICY } from './login-backoff.js';

/** One throttled key and its policy; `resetOnSuccess` keys start again from zero when the password is right. */
export interface ThrottleKey {
  key: string;
  policy: BackoffPolicy;
  resetOnSuccess: boolean;
}

/** An address stays usual for an account this long after its last successful sign-in there, ms (30 days). */
export const USUAL_ADDRESS_MS = 30 * 24 * 3_600_000;

/** True when the last successful sign-in from an address (`lastSuccessAt`, epoch ms; null: none) is less than 30 days before `now`. */
export function isUsualAddress(lastSuccessAt: number | null, now: number): boolean {
  return lastSuccessAt !== null && now - lastSuccessAt < USUAL_ADDRESS_MS;
}

/** Where an attempt comes from, as far as trust goes. */
export interface AttemptOrigin {
  /** Lower-case e-mail the attempt is for. */
  email: string;
  ip: string;
  /** The nonce of a valid device cookie of the current epoch for this e-mail; null when none. */
  device: string | null;
  /** The address is usual for the account (see isUsualAddress), in the current epoch. */
  isUsualAddress: boolean;
}

/**
 * The keys an attempt is counted on, in order. Keys of one browser or one address start again from
 * zero on a right password; keys across many (every cookie, every address) only get the attempt
 * back, so the owner's success does not wipe out what an attacker has earned.
 */
export function throttleKeysFor(origin: AttemptOrigin): ThrottleKey[] {
  if (origin.device) {
    return [
      { key: `device:${origin.device}`, policy: DEVICE_POLICY, resetOnSuccess: true },
      { key: `devices:${origin.email}`, policy: DEVICES_POLICY, resetOnSuccess: false },
    ];
  }
  const pair: ThrottleKey = { key: `pair:${origin.email}:${origin.ip}`, policy: PAIR_POLICY, resetOnSuccess: true };
  if (origin.isUsualAddress) return [pair];
  return [pair, { key: `account:${origin.email}`, policy: ACCOUNT_POLICY, resetOnSuccess: false }];
}
