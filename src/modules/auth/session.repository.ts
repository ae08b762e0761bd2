import { newId } from '../../core/ids.js';
import { pageOf } from '../../core/pagination.js';
import type { Db, SessionsTable, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { cursorOf } from '../list.js';

/** Longest stored User-Agent: enough to name any browser, not a place to store a novel. */
const USER_AGENT_MAX = 300;

/** Opens a session row; the caller holds the secret whose hash is `idHash`. */
export async function insertSession(
  tx: Tx,
  row: { idHash: string; userId: string; now: number; expiresAt: number; ip: string | null; userAgent: string | null },
): Promise<string> {
  const id = newId();
  await tx
    .insertInto('sessions')
    .values({
      id_hash: row.idHash,
      id,
      user_id: row.userId,
      created_at: row.now,
      expires_at: row.expiresAt,
      last_seen_at: row.now,
      ip: row.ip,
      user_agent: row.userAgent ? row.userAgent.slice(0, USER_AGENT_MAX) : null,
    })
    .execute();
  return id;
}

/**
 * A person's live sessions, newest first, paged by (created_at, id): expired ones and those idle
 * since before `idleSince` are left out (they no longer sign anyone in).
 */
export async function listLiveSessions(
  db: Db,
  userId: string,
  live: { now: number; idleSince: number },
  page: TPageQuery,
): Promise<{ items: SessionsTable[]; nextCursor: string | null }> {
  const after = cursorOf(page);
  let query = db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', live.now)
    .where('last_seen_at', '>', live.idleSince);
  if (after) {
    query = query.where((eb) => eb.or([eb('created_at', '<', after.t), eb.and([eb('created_at', '=', after.t), eb('id', '<', after.id)])]));
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return pageOf(rows, page.limit, (r) => ({ t: Number(r.created_at), id: r.id }));
}

/** Ends one session of the person by its public id; false when they have no such session. */
export async function deleteSessionOf(tx: Tx, userId: string, id: string): Promise<{ deleted: boolean; idHash: string | null }> {
  const row = await tx.selectFrom('sessions').select('id_hash').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  if (!row) return { deleted: false, idHash: null };
  await tx.deleteFrom('sessions').where('id_hash', '=', row.id_hash).execute();
  return { deleted: true, idHash: row.id_hash };
}

/** Ends every session of the person but `keepIdHash` (null ends them all); returns how many ended. */
export async function deleteSessionsOf(tx: Tx, userId: string, keepIdHash: string | null): Promise<number> {
  let query = tx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepIdHash) query = query.where('id_hash', '!=', keepIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes sessions that sign no one in any more: past their lifetime, or unused since `idleSince`. */
export async function pruneSessions(db: Db, now: number, idleSince: number): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The session with this hash and its person, or undefined: the person's row with the session's expiry and last use. */
export async function findSessionWithUser(db: Db, idHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.expires_at as session_expires_at', 'sessions.last_seen_at as session_last_seen_at'])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
}

/** Records the session's last use. */
export async function touchSession(db: Db, idHash: string, at: number): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

/** Ends one session by its hash (signing out). */
export async function deleteSessionByHash(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Removes the person's sessions that are past their lifetime. */
export async function deleteExpiredSessionsOf(db: Db, userId: string, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
}
