import { AppError } from '../../core/errors.js';
import { hashSecret, newSecret } from '../../core/ids.js';
import type { Db } from '../../db/schema.js';
import { listMyOrganizations } from '../orgs/org.service.js';
import type { TLogin } from './auth.schema.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import { hitRateLimit } from './rate-limit.js';
import { findUserByEmail } from './user.repository.js';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
export const LOGIN_LIMIT_PER_MINUTE = 10;

/**
 * Checks the password and opens a session; returns the session secret for the cookie. Attempts are
 * limited per IP and per e-mail (10 a minute), counted before the password is checked.
 */
export async function login(
  db: Db,
  input: TLogin,
  ip: string,
  now: number,
): Promise<{ sessionSecret: string; sessionHash: string; userId: string }> {
  await hitRateLimit(db, [`login:ip:${ip}`, `login:email:${input.email}`], LOGIN_LIMIT_PER_MINUTE, 60_000, now);
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok) {
    throw new AppError('unauthenticated', 'email or password: no account matches this e-mail and password', [
      { path: 'password', message: 'wrong e-mail or password' },
    ]);
  }
  const sessionSecret = newSecret();
  const sessionHash = hashSecret(sessionSecret);
  await db
    .insertInto('sessions')
    .values({ id_hash: sessionHash, user_id: user.id, created_at: now, expires_at: now + SESSION_TTL_MS })
    .execute();
  await db.deleteFrom('sessions').where('user_id', '=', user.id).where('expires_at', '<=', now).execute();
  return { sessionSecret, sessionHash, userId: user.id };
}

export async function logout(db: Db, sessionHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', sessionHash).execute();
}

export async function describeMe(db: Db, userId: string) {
  return listMyOrganizations(db, userId);
}
