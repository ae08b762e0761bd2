import { invalidField } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { type CursorKey, decodeCursor, pageOf } from '../../core/pagination.js';
import type { Tx } from '../../db/schema.js';
import { insertOutboxMessage, listOutboxRows } from './outbox.repository.js';

/** One e-mail to send: plain text, one recipient. */
export interface Mail {
  /** The organization it is about; null for messages about no one organization. */
  orgId: string | null;
  to: string;
  subject: string;
  body: string;
  /** What it is about, e.g. `client.confirm`, `feedback.reply`, `proposal.answered`. */
  topic: string;
}

/**
 * Puts an e-mail in the outbox inside the caller's transaction, so it is sent only when the change
 * it tells of is committed. With SMTP configured the delivery loop sends it; without, it stays in
 * the outbox, which admins read in the app and `clientocracy outbox` prints.
 */
export async function queueMail(tx: Tx, mail: Mail, now: number): Promise<string> {
  const id = newId();
  await insertOutboxMessage(tx, {
    id,
    org_id: mail.orgId,
    to_email: mail.to,
    subject: mail.subject,
    body: mail.body,
    topic: mail.topic,
    status: 'pending',
    attempts: 0,
    last_error: null,
    created_at: now,
    sent_at: null,
  });
  return id;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  topic: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

/**
 * The outbox, newest first, paged by cursor: every message with whether it was sent. `orgId` null
 * lists every organization's (the CLI on the server's own machine).
 */
export async function listOutbox(
  db: Tx,
  orgId: string | null,
  page: { limit: number; cursor?: string; topic?: string },
): Promise<{ items: OutboxMessage[]; nextCursor: string | null }> {
  let after: CursorKey | null = null;
  if (page.cursor) {
    after = decodeCursor(page.cursor);
    if (!after) throw invalidField('cursor', 'invalid_cursor', 'not a cursor from this list');
  }
  const rows = await listOutboxRows(db, orgId, { limit: page.limit, topic: page.topic, after });
  const result = pageOf(rows, page.limit, (r) => ({ t: r.created_at, id: r.id }));
  return {
    items: result.items.map((r) => ({
      id: r.id,
      to: r.to_email,
      subject: r.subject,
      body: r.body,
      topic: r.topic,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    })),
    nextCursor: result.nextCursor,
  };
}
