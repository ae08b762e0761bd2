import { encodeCursor } from '../../core/pagination.js';
import type { Db, NotificationsTable, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { cursorOf } from '../list.js';

/** Writes notifications; a row whose (user, dedupe key) is already there is skipped. Returns how many were written. */
export async function insertNotifications(tx: Tx, rows: NotificationsTable[]): Promise<number> {
  const result = await tx
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['org_id', 'user_id', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** The user ids of a team's members or of a role's people. */
export async function listHolderUserIds(tx: Tx, orgId: string, holderType: 'team' | 'role', holderId: string): Promise<string[]> {
  const rows =
    holderType === 'team'
      ? await tx.selectFrom('team_members').select('user_id').where('org_id', '=', orgId).where('team_id', '=', holderId).execute()
      : await tx.selectFrom('role_members').select('user_id').where('org_id', '=', orgId).where('role_id', '=', holderId).execute();
  return rows.map((r) => r.user_id);
}

/** A person's notifications, newest first, keyset-paged on (created_at, id) descending; optionally only unread or read ones. */
export async function pageNotificationsOf(
  db: Db,
  orgId: string,
  userId: string,
  query: TPageQuery & { unread?: 'true' | 'false' },
): Promise<{ items: NotificationsTable[]; nextCursor: string | null }> {
  const after = cursorOf(query);
  let q = db.selectFrom('notifications').selectAll().where('org_id', '=', orgId).where('user_id', '=', userId);
  if (query.unread === 'true') q = q.where('read_at', 'is', null);
  if (query.unread === 'false') q = q.where('read_at', 'is not', null);
  if (after) {
    q = q.where((eb) => eb.or([eb('created_at', '<', after.t), eb.and([eb('created_at', '=', after.t), eb('id', '<', after.id)])]));
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.created_at, id: last.id }) : null };
}

export async function countUnreadOf(db: Db, orgId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks a person's unread notifications read: those with the given ids, or all when `ids` is null. Returns how many. */
export async function markNotificationsRead(db: Db, orgId: string, userId: string, ids: string[] | null, at: number): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== null) q = q.where('id', 'in', ids);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
