import { AppError, invalidField } from '../../core/errors.js';
import { hashSecret, newId, newSecret } from '../../core/ids.js';
import type { Db, Tx, UsersTable } from '../../db/schema.js';
import { type Locale, translate } from '../../i18n/index.js';
import { queueMail } from '../mail/outbox.service.js';
import { findFirstOrgLocaleOfUser } from '../orgs/org.repository.js';
import type { TPasswordResetConfirm } from './auth.schema.js';
import { raiseDeviceEpoch } from './login-trust.repository.js';
import { hashPassword } from './password.js';
import {
  claimPasswordReset,
  deletePasswordResetsExpiredBefore,
  findPasswordResetByHash,
  insertPasswordReset,
  useUpPasswordResetsOf,
} from './password-reset.repository.js';
import { hitRateLimit } from './rate-limit.js';
import { deleteSessionsOf } from './session.repository.js';
import { findUserByEmail, loadUserEmail, updateUserPassword } from './user.repository.js';

const HOUR_MS = 3_600_000;
/** A reset link works once, for an hour. */
export const RESET_LINK_MS = HOUR_MS;
/** Reset requests an hour from one address (answered 429 above it, whatever the e-mail). */
export const RESET_REQUESTS_PER_HOUR_IP = 10;
/** Reset e-mails an hour to one address: above it nothing is sent, and the answer stays the same. */
export const RESET_MAILS_PER_HOUR_EMAIL = 3;
/** Attempts at using a reset link an hour from one address. */
export const RESET_CONFIRMS_PER_HOUR_IP = 20;

/** Counts one under `key`; false when the key is over its limit (the caller then quietly does nothing). */
async function withinLimit(db: Db, key: string, limit: number, now: number): Promise<boolean> {
  try {
    await hitRateLimit(db, [key], limit, HOUR_MS, now);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') return false;
    throw error;
  }
}

/** The person's own language, else that of the first organization they joined, else Russian. */
async function localeOf(tx: Tx, user: UsersTable): Promise<Locale> {
  if (user.locale === 'en' || user.locale === 'ru') return user.locale;
  return (await findFirstOrgLocaleOfUser(tx, user.id)) === 'en' ? 'en' : 'ru';
}

/**
 * Asks for a password reset link. Whether the e-mail belongs to an account or not, the caller sees
 * the same (the route answers 202 either way) and the same limits apply, so the answer tells no one
 * which addresses have accounts. For an account, a single-use link valid for an hour is queued in
 * the outbox (where the message, link included, stays like every message; the link is useless after
 * the hour or once used) and `password_resets` keeps only the hash of its secret. Staff accounts
 * belong to no one organization: the message is queued with a null `org_id`, so it is not listed in
 * any organization's outbox (an admin there must not read another person's reset link) — SMTP sends
 * it, and without SMTP the server's own `clientocracy outbox` shows it.
 */
export async function requestPasswordReset(db: Db, email: string, from: { ip: string; publicUrl: string }, now: number): Promise<void> {
  await hitRateLimit(db, [`reset:ip:${from.ip}`], RESET_REQUESTS_PER_HOUR_IP, HOUR_MS, now);
  if (!(await withinLimit(db, `reset:email:${email}`, RESET_MAILS_PER_HOUR_EMAIL, now))) return;
  const user = await findUserByEmail(db, email);
  if (!user) return;
  const token = newSecret();
  await db.transaction().execute(async (tx) => {
    await insertPasswordReset(tx, {
      id: newId(),
      user_id: user.id,
      token_hash: hashSecret(token),
      created_at: now,
      expires_at: now + RESET_LINK_MS,
      used_at: null,
      requested_ip: from.ip,
    });
    const locale = await localeOf(tx, user);
    const vars = { name: user.name, email: user.email, url: `${from.publicUrl}/app/reset-password?token=${token}`, minutes: 60 };
    await queueMail(
      tx,
      {
        orgId: null,
        to: user.email,
        subject: translate(locale, 'account.mail.passwordReset.subject', vars),
        body: translate(locale, 'account.mail.passwordReset.body', vars),
        topic: 'account.password_reset',
      },
      now,
    );
  });
}

const badLink = () => invalidField('token', 'invalid_link', 'the link is not valid: it has been used, has expired or was never made');

/**
 * Sets a new password with a reset link's secret: the link is used up, every other unused link of
 * the person stops working, every session of theirs ends (whoever was signed in is signed out), and
 * device cookies and usual addresses of before stop counting (the device epoch is raised). Returns
 * the account's e-mail and new epoch, so the route can mark this browser as a trusted device.
 */
export async function confirmPasswordReset(
  db: Db,
  input: TPasswordResetConfirm,
  from: { ip: string },
  now: number,
): Promise<{ email: string; deviceEpoch: number }> {
  await hitRateLimit(db, [`reset-confirm:ip:${from.ip}`], RESET_CONFIRMS_PER_HOUR_IP, HOUR_MS, now);
  const tokenHash = hashSecret(input.token);
  const row = await findPasswordResetByHash(db, tokenHash);
  if (!row || row.used_at !== null || Number(row.expires_at) <= now) throw badLink();
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    // Used up first, conditionally: of two requests racing with one link, one wins and one is refused.
    if (!(await claimPasswordReset(tx, row.id, now))) throw badLink();
    await updateUserPassword(tx, row.user_id, passwordHash, now);
    await useUpPasswordResetsOf(tx, row.user_id, now);
    await deleteSessionsOf(tx, row.user_id, null);
    const deviceEpoch = await raiseDeviceEpoch(tx, row.user_id, now);
    return { email: await loadUserEmail(tx, row.user_id), deviceEpoch };
  });
}

/** Removes reset links that can no longer be used and are a day past it. */
export async function prunePasswordResets(db: Db, now: number): Promise<number> {
  return deletePasswordResetsExpiredBefore(db, now - 24 * HOUR_MS);
}
