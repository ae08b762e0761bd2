import type { SegmentContextsTable, Tx } from '../../db/schema.js';

/** The context record of one segment of the organization, or undefined while never written. */
export async function findContextRow(tx: Tx, orgId: string, segmentId: string): Promise<SegmentContextsTable | undefined> {
  return tx.selectFrom('segment_contexts').selectAll().where('org_id', '=', orgId).where('segment_id', '=', segmentId).executeTakeFirst();
}

export async function insertContextRow(tx: Tx, row: SegmentContextsTable): Promise<void> {
  await tx.insertInto('segment_contexts').values(row).execute();
}

export async function updateContextRow(
  tx: Tx,
  orgId: string,
  segmentId: string,
  set: Pick<SegmentContextsTable, 'situation' | 'regulations' | 'market' | 'channels' | 'version' | 'updated_by' | 'updated_at'>,
): Promise<void> {
  await tx.updateTable('segment_contexts').set(set).where('org_id', '=', orgId).where('segment_id', '=', segmentId).execute();
}

/** Removes a segment's context record and the evidence attached to it (the segment is being deleted). */
export async function deleteContextOfSegment(tx: Tx, orgId: string, segmentId: string): Promise<void> {
  await tx
    .deleteFrom('evidence')
    .where('org_id', '=', orgId)
    .where('subject_type', '=', 'context')
    .where('subject_id', '=', segmentId)
    .execute();
  await tx.deleteFrom('segment_contexts').where('org_id', '=', orgId).where('segment_id', '=', segmentId).execute();
}
