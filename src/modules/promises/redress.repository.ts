/** Redress items: what a broken promise owes a client, and whether it was given. */
import { newId } from '../../core/ids.js';
import type { RedressItemsTable, Tx } from '../../db/schema.js';

const CHUNK = 500;

/** A redress owed for one bad event of a known client, by the terms of the version that judged it. */
export interface OwedRedress {
  promiseId: string;
  version: number;
  clientId: string;
  eventExternalId: string;
  kind: RedressItemsTable['kind'];
  amount: number | null;
  text: string;
  owedAt: number;
}

/** Records redress owed, in chunks; an event that already owes one is left as it is. */
export async function insertOwedRedress(tx: Tx, orgId: string, items: readonly OwedRedress[]): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    await tx
      .insertInto('redress_items')
      .values(
        items.slice(i, i + CHUNK).map((item) => ({
          id: newId(),
          org_id: orgId,
          promise_id: item.promiseId,
          version: item.version,
          client_id: item.clientId,
          event_external_id: item.eventExternalId,
          kind: item.kind,
          amount: item.amount,
          text: item.text,
          owed_at: item.owedAt,
          given_at: null,
          given_by: null,
          note: '',
        })),
      )
      .onConflict((oc) => oc.columns(['promise_id', 'event_external_id']).doNothing())
      .execute();
  }
}

/** Redress items with their client's name and promise's title, oldest owed first. */
export async function listRedressItems(tx: Tx, orgId: string, filter: { promiseId?: string; clientId?: string; state?: 'owed' | 'given' }) {
  let q = tx
    .selectFrom('redress_items')
    .innerJoin('clients', 'clients.id', 'redress_items.client_id')
    .innerJoin('promises', 'promises.id', 'redress_items.promise_id')
    .selectAll('redress_items')
    .select(['clients.name as client_name', 'promises.title as promise_title'])
    .where('redress_items.org_id', '=', orgId);
  if (filter.promiseId) q = q.where('redress_items.promise_id', '=', filter.promiseId);
  if (filter.clientId) q = q.where('redress_items.client_id', '=', filter.clientId);
  if (filter.state === 'owed') q = q.where('redress_items.given_at', 'is', null);
  if (filter.state === 'given') q = q.where('redress_items.given_at', 'is not', null);
  return q.orderBy('redress_items.owed_at').orderBy('redress_items.id').execute();
}

export async function findRedressItem(tx: Tx, orgId: string, id: string): Promise<RedressItemsTable | undefined> {
  return tx.selectFrom('redress_items').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Marks an item given unless it already was; whether it was marked now. */
export async function markRedressGiven(
  tx: Tx,
  orgId: string,
  id: string,
  given: { at: number; by: string; note: string },
): Promise<boolean> {
  const result = await tx
    .updateTable('redress_items')
    .set({ given_at: given.at, given_by: given.by, note: given.note })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('given_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Withdraws the redress an event made owed and that was not given yet. */
export async function deleteOwedRedressOfEvent(tx: Tx, orgId: string, promiseId: string, externalId: string): Promise<void> {
  await tx
    .deleteFrom('redress_items')
    .where('org_id', '=', orgId)
    .where('promise_id', '=', promiseId)
    .where('event_external_id', '=', externalId)
    .where('given_at', 'is', null)
    .execute();
}
