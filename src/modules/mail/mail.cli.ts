import { AppError, fieldError } from '../../core/errors.js';
import type { Db } from '../../db/schema.js';
import type { CommandValues } from '../cli-kit.js';
import type { CliCommand } from '../module.js';
import { findOrgBySlug } from '../orgs/org.repository.js';
import { listOutbox } from './outbox.service.js';

/**
 * `outbox [--org SLUG] [--limit N]`: the e-mail waiting in (or sent from) the outbox, newest first,
 * each with its status and whole text — on a machine without SMTP this is how links reach people.
 */
async function printOutbox(db: Db, values: CommandValues): Promise<string> {
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    throw new AppError('validation_failed', '--limit: an integer 1–200', [
      fieldError('limit', 'out_of_range', 'an integer 1–200', { minimum: 1, maximum: 200 }),
    ]);
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

export const MAIL_COMMANDS: CliCommand[] = [
  {
    name: 'outbox',
    scope: 'organization',
    help: `  outbox [--org SLUG] [--limit N]
                            Print the e-mail the product sent or would send (newest first, whole text):
                            without SMTP_URL every message waits here — invitation and sign-in links too.`,
    options: { limit: { type: 'string' } },
    run: async (db, input) => ({ stdout: await printOutbox(db, input.values) }),
  },
];
