import type { CursorKey } from '../../core/pagination.js';
import type { Db, OutboxTable, Tx } from '../../db/schema.js';

export async function insertOutboxMessage(tx: Tx, row: OutboxTable): Promise<void> {
  await tx.insertInto('outbox').values(row).execute();
}

/**
 * Outbox rows, newest first, after the cursor key when given; one more than `limit` is read so the
 * caller knows whether a next page exists. `orgId` null reads every organization's.
 */
export async function listOutboxRows(
  db: Tx,
  orgId: string | null,
  filter: { limit: number; topic?: string; after: CursorKey | null },
): Promise<OutboxTable[]> {
  let query = db.selectFrom('outbox').selectAll();
  if (orgId !== null) query = query.where('org_id', '=', orgId);
  if (filter.topic) query = query.where('topic', '=', filter.topic);
  const key = filter.after;
  if (key) {
    query = query.where((eb) => eb.or([eb('created_at', '<', key.t), eb.and([eb('created_at', '=', key.t), eb('id', '<', key.id)])]));
  }
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

/** Up to `limit` pending messages, oldest first. */
export async function listPendingMail(db: Db, limit: number): Promise<OutboxTable[]> {
  return db.selectFrom('outbox').selectAll().where('status', '=', 'pending').orderBy('created_at').orderBy('id').limit(limit).execute();
}

/**
 * Claims a pending message for one sending attempt by bumping its attempts from `attempts`
 * (compare-and-set); true when this call claimed it, false when another server did first.
 */
export async function claimMail(db: Db, id: string, attempts: number): Promise<boolean> {
  const claimed = await db
    .updateTable('outbox')
    .set({ attempts: attempts + 1 })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('attempts', '=', attempts)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export async function markMailSent(db: Db, id: string, at: number): Promise<void> {
  await db.updateTable('outbox').set({ status: 'sent', sent_at: at, last_error: null }).where('id', '=', id).execute();
}

/** Records a failed attempt: the message stays pending for a later try, or is `failed` for good. */
export async function markMailAttemptFailed(db: Db, id: string, status: 'pending' | 'failed', lastError: string): Promise<void> {
  await db.updateTable('outbox').set({ status, last_error: lastError }).where('id', '=', id).execute();
}
