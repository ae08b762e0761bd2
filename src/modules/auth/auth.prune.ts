import { DEFAULT_SESSION_IDLE_DAYS } from '../../config.js';
import { ACCOUNT_POLICY, DEVICE_POLICY, DEVICES_POLICY, PAIR_POLICY } from '../../core/auth/login-backoff.js';
import type { Db } from '../../db/schema.js';
import { pruneLoginThrottle } from './login-throttle.js';
import { pruneKnownAddresses } from './login-trust.repository.js';
import { prunePasswordResets } from './password-reset.service.js';
import { pruneSessions } from './session.repository.js';

/**
 * Removes what signs no one in and limits no one any more: sessions past their lifetime or idle
 * timeout, reset links a day past their expiry, backoff counters every policy has forgotten, sign-in
 * addresses no longer usual (no success there for 30 days). Run off the request path (the server's
 * hourly pruning); nothing reads these rows as live anyway.
 */
export async function pruneAccounts(
  db: Db,
  now: number,
  idleDays = DEFAULT_SESSION_IDLE_DAYS,
): Promise<{ sessions: number; resets: number; throttle: number; knownAddresses: number }> {
  const forgetAfterMs = Math.max(...[PAIR_POLICY, ACCOUNT_POLICY, DEVICE_POLICY, DEVICES_POLICY].map((p) => p.forgetAfterMs));
  return {
    sessions: await pruneSessions(db, now, now - idleDays * 24 * 3_600_000),
    resets: await prunePasswordResets(db, now),
    throttle: await pruneLoginThrottle(db, now, forgetAfterMs),
    knownAddresses: await pruneKnownAddresses(db, now),
  };
}
