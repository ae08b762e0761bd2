import type { Db, SegmentsTable, Tx } from '../../db/schema.js';
import { removeSegmentFromClients } from '../clients/client.repository.js';
import type { TPageQuery } from '../common.schema.js';
import { pageByCreated } from '../list.js';
import { deleteCanvasRows, listCanvasIdsOfSegment } from './canvas.repository.js';
import { deleteContextOfSegment } from './context.repository.js';

export async function pageSegments(db: Db, orgId: string, page: TPageQuery) {
  const query = db.selectFrom('segments').selectAll().where('org_id', '=', orgId);
  return pageByCreated<SegmentsTable, 'segments'>(query, 'segments', page);
}

export async function findSegmentIdByName(tx: Tx, orgId: string, name: string): Promise<string | undefined> {
  const row = await tx.selectFrom('segments').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst();
  return row?.id;
}

export async function insertSegment(tx: Tx, row: SegmentsTable): Promise<void> {
  await tx.insertInto('segments').values(row).execute();
}

export async function updateSegmentRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Pick<SegmentsTable, 'name' | 'description' | 'size_estimate' | 'kind'>> & { updated_at: number },
): Promise<void> {
  await tx.updateTable('segments').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/**
 * Deletes a segment with everything recorded for it: canvases, value map, context, needs, pains,
 * gains and their evidence. Feedback tagged to a pain of the segment stays, untagged; clients leave the
 * segment; proposals made to it stay, to no segment.
 */
export async function deleteSegmentWithContents(tx: Tx, orgId: string, id: string): Promise<void> {
  await deleteCanvasRows(tx, orgId, await listCanvasIdsOfSegment(tx, orgId, id));
  await deleteContextOfSegment(tx, orgId, id);
  const itemIds = (await tx.selectFrom('value_items').select('id').where('org_id', '=', orgId).where('segment_id', '=', id).execute()).map(
    (v) => v.id,
  );
  if (itemIds.length) await tx.deleteFrom('value_links').where('org_id', '=', orgId).where('item_id', 'in', itemIds).execute();
  await tx.deleteFrom('value_items').where('org_id', '=', orgId).where('segment_id', '=', id).execute();
  for (const table of ['needs', 'pains', 'gains'] as const) {
    const ids = (await tx.selectFrom(table).select('id').where('org_id', '=', orgId).where('segment_id', '=', id).execute()).map(
      (r) => r.id,
    );
    if (ids.length) await tx.deleteFrom('evidence').where('org_id', '=', orgId).where('subject_id', 'in', ids).execute();
    if (ids.length && table === 'pains')
      await tx.updateTable('feedback').set({ pain_id: null }).where('org_id', '=', orgId).where('pain_id', 'in', ids).execute();
    await tx.deleteFrom(table).where('org_id', '=', orgId).where('segment_id', '=', id).execute();
  }
  await removeSegmentFromClients(tx, orgId, id);
  await tx.updateTable('proposals').set({ segment_id: null }).where('org_id', '=', orgId).where('segment_id', '=', id).execute();
  await tx.deleteFrom('segments').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Id and name of each of these segments that the organization has. */
export async function listSegmentNamesByIds(tx: Tx, orgId: string, ids: string[]): Promise<{ id: string; name: string }[]> {
  const rows: { id: string; name: string }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await tx
        .selectFrom('segments')
        .select(['id', 'name'])
        .where('org_id', '=', orgId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}
