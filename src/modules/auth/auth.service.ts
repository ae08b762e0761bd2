import { isUsualAddress, throttleKeysFor } from '../../core/auth/login-keys.js';
import { AppError, fieldError, invalidField } from '../../core/errors.js';
import { hashSecret, newSecret } from '../../core/ids.js';
import type { Db, Tx } from '../../db/schema.js';
import { findMemberOrgIdBySlug, upsertOrgVisit } from '../orgs/org.repository.js';
import { listMyOrganizations } from '../orgs/org.service.js';
import type { TLogin } from './auth.schema.js';
import { newDeviceCookie, trustedDeviceOf } from './device-cookie.js';
import { claimAttempt, settleSuccess } from './login-throttle.js';
import { deviceEpochOf, lastSuccessFrom, recordSuccessFrom } from './login-trust.repository.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import { hitRateLimit } from './rate-limit.js';
import { deleteExpiredSessionsOf, deleteSessionByHash, insertSession } from './session.repository.js';
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
 * cookie to (re)set. Limits: 10 attempts a minute per IP address, and the progressive backoff by the
 * keys of core/auth/login-keys.ts — a device cookie of the account's current epoch, a usual address,
 * or neither — counted before the password is checked, so a blocked attempt learns nothing. A success
 * makes the address usual for 30 days.
 */
export async function login(
  db: Db,
  input: TLogin,
  client: ClientInfo,
  secret: string,
  now: number,
): Promise<{ sessionSecret: string; sessionHash: string; userId: string; deviceCookie: string }> {
  await hitRateLimit(db, [`login:ip:${client.ip}`], LOGIN_LIMIT_PER_MINUTE, 60_000, now);
  const user = await findUserByEmail(db, input.email);
  // The same two look-ups whether or not an account has the e-mail (an id none has finds nothing).
  const userId = user?.id ?? '';
  const epoch = await deviceEpochOf(db, userId);
  const lastSuccess = await lastSuccessFrom(db, userId, client.ip, epoch);
  const device = trustedDeviceOf(secret, input.email, epoch, client.deviceCookie);
  const keys = throttleKeysFor({ email: input.email, ip: client.ip, device, isUsualAddress: isUsualAddress(lastSuccess, now) });
  const claims = await claimAttempt(db, keys, now);
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok) {
    throw new AppError('unauthenticated', 'email or password: no account matches this e-mail and password', [
      fieldError('password', 'wrong_credentials', 'wrong e-mail or password'),
    ]);
  }
  await settleSuccess(db, claims);
  await recordSuccessFrom(db, user.id, client.ip, epoch, now);
  const { sessionSecret, sessionHash } = await openSession(db, user.id, client, now);
  await deleteExpiredSessionsOf(db, user.id, now);
  return {
    sessionSecret,
    sessionHash,
    userId: user.id,
    deviceCookie: device && client.deviceCookie ? client.deviceCookie : newDeviceCookie(secret, input.email, epoch),
  };
}

export async function logout(db: Db, sessionHash: string): Promise<void> {
  await deleteSessionByHash(db, sessionHash);
}

export async function describeMe(db: Db, userId: string) {
  return listMyOrganizations(db, userId);
}

/**
 * Records that a person opened one of their organizations now. Refused with 422 on `lastOrg` when
 * they do not belong to it — the same answer whether or not it exists, so nothing is learnt.
 */
export async function recordVisit(db: Db, userId: string, slug: string, now: number): Promise<void> {
  const orgId = await findMemberOrgIdBySlug(db, userId, slug);
  if (orgId === undefined) throw invalidField('lastOrg', 'not_member', 'not one of your organizations', { of: 'organization' });
  await upsertOrgVisit(db, orgId, userId, now);
}
