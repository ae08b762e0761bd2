import { AppError } from '../core/errors.js';
import type { Db } from '../db/schema.js';
import { listOutbox } from '../modules/mail/outbox.service.js';
import { findOrgBySlug } from '../modules/orgs/org.repository.js';

type Values = Record<string, string | undefined>;

/**
 * `outbox [--org SLUG] [--limit N]`: the e-mail waiting in (or sent from) the outbox, newest first,
 * each with its status and whole text — on a machine without SMTP this is how links reach people.
 * Null when the command is another.
 */
export async function runOutboxCommand(db: Db, command: string, values: Values): Promise<string | null> {
  if (command !== 'outbox') return null;
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    throw new AppError('validation_failed', '--limit: an integer 1–200', [{ path: 'limit', message: 'an integer 1–200' }]);
  let orgId: string | null = null;
  if (values.org) {
    const org = await findOrgBySlug(db, values.org);
    if (!org) throw new AppError('not_found', `--org: organization ${values.org} not found`);
    orgId = org.id;
  }
  const { items } = await listOutbox(db, orgId, { limit });
  if (items.length === 0) return 'the outbox is empty';
  return items
    .map((m) => {
      const status =
        m.status === 'sent'
          ? `sent ${new Date(m.sentAt ?? 0).toISOString()}`
          : m.status === 'failed'
            ? `failed: ${m.lastError}`
            : 'not sent';
      return `── ${new Date(m.createdAt).toISOString()} · ${m.topic} · ${status}\nTo: ${m.to}\nSubject: ${m.subject}\n\n${m.body}\n`;
    })
    .join('\n');
}
