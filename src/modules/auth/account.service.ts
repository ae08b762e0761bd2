import { shortUserAgent } from '../../core/auth/user-agent.js';
import { AppError, fieldError, invalidField, notFound } from '../../core/errors.js';
import type { Db, SessionsTable, UsersTable } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import type { TChangePassword, TSession } from './auth.schema.js';
import { raiseDeviceEpoch } from './login-trust.repository.js';
import { hashPassword, verifyPassword } from './password.js';
import { useUpPasswordResetsOf } from './password-reset.repository.js';
import { hitRateLimit } from './rate-limit.js';
import { deleteSessionOf, deleteSessionsOf, listLiveSessions } from './session.repository.js';
import { updateUserPassword } from './user.repository.js';

/** Attempts at changing the password an hour per person, right or wrong: the current password is not guessed here either. */
export const PASSWORD_CHANGES_PER_HOUR = 10;
const HOUR_MS = 3_600_000;

/** Who asks: the signed-in person and the session they ask with. */
export interface Asker {
  user: UsersTable;
  sessionHash: string;
}

const iso = (ms: number) => new Date(Number(ms)).toISOString();

function toSession(row: SessionsTable, currentHash: string, idleMs: number): TSession {
  const expiresAt = Number(row.expires_at);
  return {
    id: row.id,
    createdAt: iso(row.created_at),
    lastSeenAt: iso(row.last_seen_at),
    expiresAt: iso(expiresAt),
    idleExpiresAt: iso(Math.min(expiresAt, Number(row.last_seen_at) + idleMs)),
    ip: row.ip,
    userAgent: row.user_agent,
    browser: shortUserAgent(row.user_agent),
    isCurrent: row.id_hash === currentHash,
  };
}

/**
 * Changes the person's password after checking the current one; every other session of theirs ends
 * (whoever else was signed in with the old password is signed out), this one stays, reset links not
 * yet used stop working, and so do device cookies and usual addresses of before (the device epoch is
 * raised; `deviceEpoch` is the new one, for this browser's cookie).
 */
export async function changePassword(
  db: Db,
  asker: Asker,
  input: TChangePassword,
  now: number,
): Promise<{ endedSessions: number; deviceEpoch: number }> {
  await hitRateLimit(db, [`password:user:${asker.user.id}`], PASSWORD_CHANGES_PER_HOUR, HOUR_MS, now);
  if (!(await verifyPassword(input.currentPassword, asker.user.password_hash))) {
    throw new AppError('validation_failed', 'currentPassword: this is not your current password', [
      fieldError('currentPassword', 'wrong_password', 'wrong current password'),
    ]);
  }
  if (input.newPassword === input.currentPassword)
    throw invalidField('newPassword', 'same_password', 'must differ from the current password');
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (tx) => {
    await updateUserPassword(tx, asker.user.id, passwordHash, now);
    await useUpPasswordResetsOf(tx, asker.user.id, now);
    const deviceEpoch = await raiseDeviceEpoch(tx, asker.user.id, now);
    return { endedSessions: await deleteSessionsOf(tx, asker.user.id, asker.sessionHash), deviceEpoch };
  });
}

/** The person's live sessions, newest first, the one asking marked `isCurrent`. */
export async function listMySessions(db: Db, asker: Asker, page: TPageQuery, idleMs: number, now: number) {
  const result = await listLiveSessions(db, asker.user.id, { now, idleSince: now - idleMs }, page);
  return { items: result.items.map((row) => toSession(row, asker.sessionHash, idleMs)), nextCursor: result.nextCursor };
}

/** Ends one of the person's own sessions; another person's session id is answered 404 like an unknown one. */
export async function endSession(db: Db, asker: Asker, id: string): Promise<{ wasCurrent: boolean }> {
  const { deleted, idHash } = await deleteSessionOf(db, asker.user.id, id);
  if (!deleted) throw notFound('session', id);
  return { wasCurrent: idHash === asker.sessionHash };
}

/**
 * "Sign out everywhere else": ends every session of the person but the one asking, and raises the
 * device epoch — other browsers' device cookies and the usual addresses stop exempting them from
 * the account's sign-in backoff; `deviceEpoch` is the new one, for this browser's cookie.
 */
export async function endOtherSessions(db: Db, asker: Asker, now: number): Promise<{ endedSessions: number; deviceEpoch: number }> {
  return db.transaction().execute(async (tx) => {
    const deviceEpoch = await raiseDeviceEpoch(tx, asker.user.id, now);
    return { endedSessions: await deleteSessionsOf(tx, asker.user.id, asker.sessionHash), deviceEpoch };
  });
}
