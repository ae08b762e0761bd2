import { ACCOUNT_POLICY, DEVICE_POLICY, PAIR_POLICY } from '../../core/auth/login-backoff.js';
import { AppError } from '../../core/errors.js';
import { hashSecret, newSecret } from '../../core/ids.js';
import type { Db, Tx } from '../../db/schema.js';
import { listMyOrganizations } from '../orgs/org.service.js';
import type { TLogin } from './auth.schema.js';
import { newDeviceCookie, trustedDeviceOf } from './device-cookie.js';
import { claimAttempt, settleSuccess, type ThrottleKey } from './login-throttle.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import { hitRateLimit } from './rate-limit.js';
import { insertSession } from './session.repository.js';
import { findUserByEmail } from './user.repository.js';

/** The absolute lifetime of a staff session; the idle timeout (CLIENTOCRACY_SESSION_IDLE_DAYS) may end it sooner. */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** Sign-in attempts a minute from one IP address, whatever the e-mail (a fixed window). */
export const LOGIN_LIMIT_PER_MINUTE = 10;

/** Where a sign-in comes from: the address, the browser, and its device cookie if it has one. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  deviceCookie: string | undefined;
}

/**
 * The keys an attempt is throttled by. A browser with a valid device cookie for this e-mail is
 * throttled by its own count only; any other attempt by the (e-mail, address) pair and by the
 * e-mail across every address. See device-cookie.ts and core/auth/login-backoff.ts for the why.
 */
function throttleKeys(email: string, ip: string, device: string | null): ThrottleKey[] {
  if (device) return [{ key: `device:${device}`, policy: DEVICE_POLICY, resetOnSuccess: true }];
  return [
    { key: `pair:${email}:${ip}`, policy: PAIR_POLICY, resetOnSuccess: true },
    { key: `account:${email}`, policy: ACCOUNT_POLICY, resetOnSuccess: false },
  ];
}

/** Opens a session for the person; returns the secret for the cookie. */
export async function openSession(tx: Tx, userId: string, client: ClientInfo, now: number) {
  const sessionSecret = newSecret();
  const sessionHash = hashSecret(sessionSecret);
  const sessionId = await insertSession(tx, {
    idHash: sessionHash,
    userId,
    now,
    expiresAt: now + SESSION_TTL_MS,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  return { sessionSecret, sessionHash, sessionId };
}

/**
 * Checks the password and opens a session; returns the session secret for the cookie and the device
 * cookie to (re)set. Limits: 10 attempts a minute per IP address, and the progressive backoff per
 * account (counted before the password is checked, so a blocked attempt learns nothing).
 */
export async function login(
  db: Db,
  input: TLogin,
  client: ClientInfo,
  secret: string,
  now: number,
): Promise<{ sessionSecret: string; sessionHash: string; userId: string; deviceCookie: string }> {
  await hitRateLimit(db, [`login:ip:${client.ip}`], LOGIN_LIMIT_PER_MINUTE, 60_000, now);
  const device = trustedDeviceOf(secret, input.email, client.deviceCookie);
  const claims = await claimAttempt(db, throttleKeys(input.email, client.ip, device), now);
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok) {
    throw new AppError('unauthenticated', 'email or password: no account matches this e-mail and password', [
      { path: 'password', message: 'wrong e-mail or password' },
    ]);
  }
  await settleSuccess(db, claims);
  const { sessionSecret, sessionHash } = await openSession(db, user.id, client, now);
  await db.deleteFrom('sessions').where('user_id', '=', user.id).where('expires_at', '<=', now).execute();
  return {
    sessionSecret,
    sessionHash,
    userId: user.id,
    deviceCookie: device && client.deviceCookie ? client.deviceCookie : newDeviceCookie(secret, input.email),
  };
}

export async function logout(db: Db, sessionHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', sessionHash).execute();
}

export async function describeMe(db: Db, userId: string) {
  return listMyOrganizations(db, userId);
}
