import { conflict, notFound } from '../../core/errors.js';
import type { RedressItemsTable } from '../../db/schema.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { findRedressItem, listRedressItems, markRedressGiven } from './redress.repository.js';

export const toRedress = (row: RedressItemsTable & { client_name?: string; promise_title?: string }) => ({
  id: row.id,
  promiseId: row.promise_id,
  promiseTitle: row.promise_title ?? '',
  version: row.version,
  clientId: row.client_id,
  clientName: row.client_name ?? '',
  eventExternalId: row.event_external_id,
  kind: row.kind,
  amount: row.amount === null ? null : Number(row.amount),
  text: row.text,
  owedAt: row.owed_at,
  givenAt: row.given_at,
  givenBy: row.given_by,
  note: row.note,
});

/** Redress owed or given, by promise or client, oldest owed first. */
export async function listRedress(ctx: OrgContext, filter: { promiseId?: string; clientId?: string; state?: 'owed' | 'given' }) {
  const rows = await listRedressItems(ctx.db, ctx.org.id, filter);
  return rows.map(toRedress);
}

/** Marks a redress item given, with a note of how; once. */
export async function giveRedress(ctx: OrgContext, id: string, note: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findRedressItem(tx, ctx.org.id, id);
    if (!row) throw notFound('redress item', id);
    const by = await actorName(tx, ctx);
    const marked = await markRedressGiven(tx, ctx.org.id, id, { at: ctx.now, by, note });
    if (!marked) throw conflict('id', 'wrong_status', 'the redress was already given', { status: 'given' });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'redress.given',
      entityType: 'redress',
      entityId: id,
      after: { note },
      at: ctx.now,
    });
    return toRedress({ ...row, given_at: ctx.now, given_by: by, note });
  });
}
