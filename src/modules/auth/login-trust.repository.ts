import { sql } from 'kysely';
import { USUAL_ADDRESS_MS } from '../../core/auth/login-keys.js';
import type { Db, Tx } from '../../db/schema.js';

/**
 * What makes a sign-in attempt trusted, kept in the database so every app process shares it: the
 * account's device epoch (device cookies are signed with it) and the addresses it signed in from
 * (see core/auth/login-keys.ts for how both are used).
 */

/** The account's device epoch: 0 until first raised (also for an id no account has). */
export async function deviceEpochOf(tx: Tx, userId: string): Promise<number> {
  const row = await tx.selectFrom('login_epochs').select('epoch').where('user_id', '=', userId).executeTakeFirst();
  return row ? Number(row.epoch) : 0;
}

/**
 * Raises the account's device epoch (a password change, a reset, "sign out everywhere else") and
 * forgets its usual addresses: every device cookie and address trusted before counts for nothing
 * from now on. Returns the new epoch, for the cookie of the browser that asked.
 */
export async function raiseDeviceEpoch(tx: Tx, userId: string, now: number): Promise<number> {
  const row = await tx
    .insertInto('login_epochs')
    .values({ user_id: userId, epoch: 1, changed_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ epoch: sql<number>`login_epochs.epoch + 1`, changed_at: now }))
    .returning('epoch')
    .executeTakeFirstOrThrow();
  await tx.deleteFrom('login_known_addresses').where('user_id', '=', userId).execute();
  return Number(row.epoch);
}

/** When the account last signed in successfully from `ip` in `epoch`, epoch ms; null when never (or only in an earlier epoch). */
export async function lastSuccessFrom(tx: Tx, userId: string, ip: string, epoch: number): Promise<number | null> {
  const row = await tx
    .selectFrom('login_known_addresses')
    .select('last_success_at')
    .where('user_id', '=', userId)
    .where('ip', '=', ip)
    .where('epoch', '=', epoch)
    .executeTakeFirst();
  return row ? Number(row.last_success_at) : null;
}

/** Records a successful sign-in of the account from `ip` in `epoch` at `now`. */
export async function recordSuccessFrom(tx: Tx, userId: string, ip: string, epoch: number, now: number): Promise<void> {
  await tx
    .insertInto('login_known_addresses')
    .values({ user_id: userId, ip, epoch, last_success_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'ip']).doUpdateSet({ epoch, last_success_at: now }))
    .execute();
}

/** Removes addresses no longer usual: no successful sign-in from them for 30 days. */
export async function pruneKnownAddresses(db: Db, now: number): Promise<number> {
  const result = await db
    .deleteFrom('login_known_addresses')
    .where('last_success_at', '<=', now - USUAL_ADDRESS_MS)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
