import { newId } from '../../core/ids.js';
import { encodeCursor } from '../../core/pagination.js';
import type { Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { cursorOf } from '../list.js';
import type { NotificationKind, TNotification } from './notification.schema.js';

type Params = Record<string, string | number | null>;

export interface NotificationDraft {
  kind: NotificationKind;
  subjectType: TNotification['subjectType'];
  subjectId: string;
  params: Params;
  /** Set for reminders: one notification per user and key, however often the sweep runs. */
  dedupeKey?: string;
  /** Only people who may act on it (not viewers): for a request to do something, such as advice. */
  participantsOnly?: boolean;
}

/**
 * Sends a notification to each user once (duplicates in `userIds` collapse), only to members of the
 * organization, never to `exceptUserId` — nobody is told about what they did themselves. Returns
 * how many were written.
 */
export async function notifyUsers(
  tx: Tx,
  orgId: string,
  userIds: Iterable<string>,
  draft: NotificationDraft,
  at: number,
  exceptUserId: string | null = null,
): Promise<number> {
  const wanted = [...new Set(userIds)].filter((id) => id !== exceptUserId);
  if (wanted.length === 0) return 0;
  // Only people still in the organization: someone who left (or was never here) gets nothing.
  let members = tx.selectFrom('memberships').select('user_id').where('org_id', '=', orgId).where('user_id', 'in', wanted);
  if (draft.participantsOnly) members = members.where('role', '!=', 'viewer');
  const recipients = (await members.execute()).map((m) => m.user_id);
  if (recipients.length === 0) return 0;
  const rows = recipients.map((userId) => ({
    id: newId(),
    org_id: orgId,
    user_id: userId,
    kind: draft.kind,
    subject_type: draft.subjectType,
    subject_id: draft.subjectId,
    params: JSON.stringify(draft.params),
    dedupe_key: draft.dedupeKey ?? null,
    created_at: at,
    read_at: null,
  }));
  const result = await tx
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['org_id', 'user_id', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** The people who answer for a team or a role: its members (a role's people). Members only of this organization. */
export async function peopleOf(tx: Tx, orgId: string, holderType: 'team' | 'role' | 'user', holderId: string): Promise<string[]> {
  if (holderType === 'user') return [holderId];
  const rows =
    holderType === 'team'
      ? await tx.selectFrom('team_members').select('user_id').where('org_id', '=', orgId).where('team_id', '=', holderId).execute()
      : await tx.selectFrom('role_members').select('user_id').where('org_id', '=', orgId).where('role_id', '=', holderId).execute();
  return rows.map((r) => r.user_id);
}

const toNotification = (row: {
  id: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  params: string;
  created_at: number;
  read_at: number | null;
}): TNotification => ({
  id: row.id,
  kind: row.kind as TNotification['kind'],
  subjectType: row.subject_type as TNotification['subjectType'],
  subjectId: row.subject_id,
  params: JSON.parse(row.params) as Params,
  createdAt: row.created_at,
  readAt: row.read_at,
});

/** The caller's inbox, newest first; a token (no person) has none. Keyset-paged on (created_at, id) descending. */
export async function listNotifications(
  ctx: OrgContext,
  query: TPageQuery & { unread?: 'true' | 'false' },
): Promise<{ items: TNotification[]; nextCursor: string | null }> {
  const after = cursorOf(query);
  if (ctx.actor.type !== 'user' || !ctx.actor.id) return { items: [], nextCursor: null };
  let q = ctx.db.selectFrom('notifications').selectAll().where('org_id', '=', ctx.org.id).where('user_id', '=', ctx.actor.id);
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
  return {
    items: page.map(toNotification),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.created_at, id: last.id }) : null,
  };
}

export async function countUnread(ctx: OrgContext): Promise<{ unread: number }> {
  if (ctx.actor.type !== 'user' || !ctx.actor.id) return { unread: 0 };
  const row = await ctx.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', ctx.org.id)
    .where('user_id', '=', ctx.actor.id)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { unread: Number(row.n) };
}

/** Marks the caller's notifications read: the listed ones (others' ids are left alone) or all of them. */
export async function markRead(ctx: OrgContext, input: { ids?: string[]; all?: boolean }): Promise<{ updated: number }> {
  if (ctx.actor.type !== 'user' || !ctx.actor.id) return { updated: 0 };
  let q = ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.now })
    .where('org_id', '=', ctx.org.id)
    .where('user_id', '=', ctx.actor.id)
    .where('read_at', 'is', null);
  if (input.all !== true) q = q.where('id', 'in', input.ids ?? []);
  const result = await q.executeTakeFirst();
  return { updated: Number(result.numUpdatedRows) };
}
