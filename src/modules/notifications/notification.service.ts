import { newId } from '../../core/ids.js';
import type { NotificationsTable, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { cursorOf } from '../list.js';
import { listMembershipRolesOfUsers } from '../memberships/membership.repository.js';
import {
  countUnreadOf,
  insertNotifications,
  listHolderUserIds,
  markNotificationsRead,
  pageNotificationsOf,
} from './notification.repository.js';
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
  const roles = await listMembershipRolesOfUsers(tx, orgId, wanted);
  const recipients = [...roles].filter(([, role]) => !draft.participantsOnly || role !== 'viewer').map(([userId]) => userId);
  if (recipients.length === 0) return 0;
  const rows = recipients.map(
    (userId): NotificationsTable => ({
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
    }),
  );
  return insertNotifications(tx, rows);
}

/** The people who answer for a team or a role: its members (a role's people). Members only of this organization. */
export async function peopleOf(tx: Tx, orgId: string, holderType: 'team' | 'role' | 'user', holderId: string): Promise<string[]> {
  if (holderType === 'user') return [holderId];
  return listHolderUserIds(tx, orgId, holderType, holderId);
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
  // A bad cursor is refused even when the caller has no inbox.
  cursorOf(query);
  if (ctx.actor.type !== 'user' || !ctx.actor.id) return { items: [], nextCursor: null };
  const result = await pageNotificationsOf(ctx.db, ctx.org.id, ctx.actor.id, query);
  return { items: result.items.map(toNotification), nextCursor: result.nextCursor };
}

export async function countUnread(ctx: OrgContext): Promise<{ unread: number }> {
  if (ctx.actor.type !== 'user' || !ctx.actor.id) return { unread: 0 };
  return { unread: await countUnreadOf(ctx.db, ctx.org.id, ctx.actor.id) };
}

/** Marks the caller's notifications read: the listed ones (others' ids are left alone) or all of them. */
export async function markRead(ctx: OrgContext, input: { ids?: string[]; all?: boolean }): Promise<{ updated: number }> {
  if (ctx.actor.type !== 'user' || !ctx.actor.id) return { updated: 0 };
  const ids = input.all === true ? null : (input.ids ?? []);
  return { updated: await markNotificationsRead(ctx.db, ctx.org.id, ctx.actor.id, ids, ctx.now) };
}
