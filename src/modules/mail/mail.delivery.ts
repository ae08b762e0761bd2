import nodemailer from 'nodemailer';
import type { Db } from '../../db/schema.js';

/** A message is tried this many times, a minute or more apart, before it is marked failed. */
export const MAX_MAIL_ATTEMPTS = 5;
const BATCH = 20;

export interface MailTransport {
  send(message: { from: string; to: string; subject: string; text: string }): Promise<void>;
}

/** The SMTP transport for an `smtp://` or `smtps://` URL. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
  };
}

/**
 * Sends the outbox's pending messages, oldest first, through the transport: a sent one is marked
 * with its time; a failure is recorded and tried again on a later run, up to MAX_MAIL_ATTEMPTS.
 * Each message is claimed by bumping its attempts first, so two servers do not send it twice.
 */
export async function deliverMail(db: Db, transport: MailTransport, from: string, now: number): Promise<{ sent: number; failed: number }> {
  const due = await db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .limit(BATCH)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    const claimed = await db
      .updateTable('outbox')
      .set({ attempts: row.attempts + 1 })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where('attempts', '=', row.attempts)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      await transport.send({ from, to: row.to_email, subject: row.subject, text: row.body });
      await db.updateTable('outbox').set({ status: 'sent', sent_at: now, last_error: null }).where('id', '=', row.id).execute();
      sent++;
    } catch (error) {
      const gaveUp = row.attempts + 1 >= MAX_MAIL_ATTEMPTS;
      await db
        .updateTable('outbox')
        .set({ status: gaveUp ? 'failed' : 'pending', last_error: String((error as Error).message ?? error).slice(0, 500) })
        .where('id', '=', row.id)
        .execute();
      if (gaveUp) failed++;
    }
  }
  return { sent, failed };
}
