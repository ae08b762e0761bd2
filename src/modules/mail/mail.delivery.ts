import nodemailer from 'nodemailer';
import type { Db } from '../../db/schema.js';
import { claimMail, listPendingMail, markMailAttemptFailed, markMailSent } from './outbox.repository.js';

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
  const due = await listPendingMail(db, BATCH);
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    if (!(await claimMail(db, row.id, row.attempts))) continue;
    try {
      await transport.send({ from, to: row.to_email, subject: row.subject, text: row.body });
      await markMailSent(db, row.id, now);
      sent++;
    } catch (error) {
      const gaveUp = row.attempts + 1 >= MAX_MAIL_ATTEMPTS;
      await markMailAttemptFailed(db, row.id, gaveUp ? 'failed' : 'pending', String((error as Error).message ?? error).slice(0, 500));
      if (gaveUp) failed++;
    }
  }
  return { sent, failed };
}
