import type { Tx, ValueItemsTable, ValueLinksTable } from '../../db/schema.js';

/** The targets (pains or gains) each value item is linked to, in the order they were linked. */
export async function linksByItem(tx: Tx, orgId: string, itemIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!itemIds.length) return map;
  const rows = await tx
    .selectFrom('value_links')
    .select(['item_id', 'target_id'])
    .where('org_id', '=', orgId)
    .where('item_id', 'in', itemIds)
    .orderBy('created_at')
    .execute();
  for (const r of rows) map.set(r.item_id, [...(map.get(r.item_id) ?? []), r.target_id]);
  return map;
}

/** A segment's value items, oldest first. */
export async function listValueItemRows(tx: Tx, orgId: string, segmentId: string): Promise<ValueItemsTable[]> {
  return tx
    .selectFrom('value_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('segment_id', '=', segmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findValueItemRow(tx: Tx, orgId: string, id: string): Promise<ValueItemsTable | undefined> {
  return tx.selectFrom('value_items').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Which of `ids` are pains (or gains) of the segment. */
export async function findTargetIdsInSegment(
  tx: Tx,
  orgId: string,
  table: 'pains' | 'gains',
  segmentId: string,
  ids: string[],
): Promise<Set<string>> {
  const rows = await tx
    .selectFrom(table)
    .select('id')
    .where('org_id', '=', orgId)
    .where('segment_id', '=', segmentId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Replaces the links of a value item by `links` (which may be empty). */
export async function replaceValueLinks(tx: Tx, orgId: string, itemId: string, links: ValueLinksTable[]): Promise<void> {
  await tx.deleteFrom('value_links').where('org_id', '=', orgId).where('item_id', '=', itemId).execute();
  if (links.length) await tx.insertInto('value_links').values(links).execute();
}

export async function insertValueItem(tx: Tx, row: ValueItemsTable): Promise<void> {
  await tx.insertInto('value_items').values(row).execute();
}

export async function updateValueItemRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Pick<ValueItemsTable, 'name' | 'description'>> & { updated_at: number },
): Promise<void> {
  await tx.updateTable('value_items').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Deletes a value item with its links. */
export async function deleteValueItemWithLinks(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.deleteFrom('value_links').where('org_id', '=', orgId).where('item_id', '=', id).execute();
  await tx.deleteFrom('value_items').where('org_id', '=', orgId).where('id', '=', id).execute();
}
