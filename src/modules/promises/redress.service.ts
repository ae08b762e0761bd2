import { conflict, notFound } from '../../core/errors.js';
import type { RedressItemsTable } from '../../db/schema.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';

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
  let q = ctx.db
    .selectFrom('redress_items')
    .innerJoin('clients', 'clients.id', 'redress_items.client_id')
    .innerJoin('promises', 'promises.id', 'redress_items.promise_id')
    .selectAll('redress_items')
    .select(['clients.name as client_name', 'promises.title as promise_title'])
    .where('redress_items.org_id', '=', ctx.org.id);
  if (filter.promiseId) q = q.where('redress_items.promise_id', '=', filter.promiseId);
  if (filter.clientId) q = q.where('redress_items.client_id', '=', filter.clientId);
  if (filter.state === 'owed') q = q.where('redress_items.given_at', 'is', null);
  if (filter.state === 'given') q = q.where('redress_items.given_at', 'is not', null);
  const rows = await q.orderBy('redress_items.owed_at').orderBy('redress_items.id').execute();
  return rows.map(toRedress);
}

/** Marks a redress item given, with a note of how; once. */
export async function giveRedress(ctx: OrgContext, id: string, note: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('redress_items').selectAll().where('org_id', '=', ctx.org.id).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('redress item', id);
    const by = await actorName(tx, ctx);
    const result = await tx
      .updateTable('redress_items')
      .set({ given_at: ctx.now, given_by: by, note })
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', id)
      .where('given_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw conflict('id', 'the redress was already given');
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
