import { newId } from '../../core/ids.js';
import type { DecisionsTable, Tx } from '../../db/schema.js';
import { translate } from '../../i18n/index.js';
import type { OrgContext } from '../context.js';
import { queueMail } from '../mail/outbox.service.js';
import { insertAdviceMails, listClientsToMailAboutAdvice } from './client-advice.repository.js';
import { segmentIdsOf } from './clients-asked.service.js';

/**
 * Tells the clients a decision asks for advice: each client of its asked segments with a confirmed
 * e-mail (the address they sign in to the portal by) gets one e-mail in the organization's language,
 * with a link to the decision's portal page — queued in the outbox inside the caller's transaction
 * (topic `decision.advice_asked`). A client is e-mailed at most once per decision, however often
 * segments are added or added back. Without the server's public address (seeders) nothing is sent.
 */
export async function mailClientsAskedForAdvice(
  tx: Tx,
  ctx: OrgContext,
  row: DecisionsTable,
  publicUrl: string | undefined,
): Promise<number> {
  if (publicUrl === undefined || row.decided_at !== null || row.retired_at !== null) return 0;
  const clients = await listClientsToMailAboutAdvice(tx, ctx.org.id, row.id, segmentIdsOf(row.advice_segment_ids));
  if (clients.length === 0) return 0;
  const locale = ctx.org.locale === 'en' ? 'en' : 'ru';
  const link = `${publicUrl.replace(/\/$/, '')}/c/${encodeURIComponent(ctx.org.slug)}/decisions/${encodeURIComponent(row.id)}`;
  const deadline = row.advice_deadline
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${row.advice_deadline}T00:00:00Z`))
    : '';
  for (const client of clients) {
    const vars = { org: ctx.org.name, name: client.name, title: row.title, link, deadline };
    await queueMail(
      tx,
      {
        orgId: ctx.org.id,
        to: client.email,
        subject: translate(locale, 'voiceDecisions.mail.subject', vars),
        body: translate(locale, 'voiceDecisions.mail.body', vars),
        topic: 'decision.advice_asked',
      },
      ctx.now,
    );
  }
  await insertAdviceMails(
    tx,
    clients.map((c) => ({ id: newId(), org_id: ctx.org.id, decision_id: row.id, client_id: c.id, mailed_at: ctx.now })),
  );
  return clients.length;
}
