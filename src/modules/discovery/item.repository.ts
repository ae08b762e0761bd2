import type { Db, EvidenceTable, GainsTable, NeedsTable, PainsTable, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { pageByCreated } from '../list.js';

/** The kinds of a segment's profile entries, and the table each lives in. */
export type ItemKind = 'need' | 'pain' | 'gain';
const TABLE = { need: 'needs', pain: 'pains', gain: 'gains' } as const;

type ItemRow<K extends ItemKind> = K extends 'need' ? NeedsTable : K extends 'pain' ? PainsTable : GainsTable;
type Common = 'id' | 'org_id' | 'segment_id' | 'created_at' | 'updated_at';

/** One need, pain or gain of the organization, or undefined. */
export async function findItemRow<K extends ItemKind>(tx: Tx, orgId: string, kind: K, id: string): Promise<ItemRow<K> | undefined> {
  return (await tx
    .selectFrom(TABLE[kind] as 'needs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst()) as ItemRow<K> | undefined;
}

export async function insertItemRow<K extends ItemKind>(tx: Tx, kind: K, row: ItemRow<K>): Promise<void> {
  await tx
    .insertInto(TABLE[kind] as 'needs')
    .values(row as NeedsTable)
    .execute();
}

export async function updateItemRow<K extends ItemKind>(
  tx: Tx,
  orgId: string,
  kind: K,
  id: string,
  set: Partial<Omit<ItemRow<K>, Common>> & { updated_at: number },
): Promise<void> {
  await tx
    .updateTable(TABLE[kind] as 'needs')
    .set(set as never)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Deletes a need, pain or gain with its evidence and its links from the value map. */
export async function deleteItemWithTraces(tx: Tx, orgId: string, kind: ItemKind, id: string): Promise<void> {
  await tx.deleteFrom('evidence').where('org_id', '=', orgId).where('subject_id', '=', id).execute();
  await tx.deleteFrom('value_links').where('org_id', '=', orgId).where('target_id', '=', id).execute();
  await tx
    .deleteFrom(TABLE[kind] as 'needs')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Evidence of the organization, optionally of one subject type or subject, keyset-paginated. */
export async function pageEvidence(
  db: Db,
  orgId: string,
  query: TPageQuery & { subjectType?: EvidenceTable['subject_type']; subjectId?: string },
) {
  let q = db.selectFrom('evidence').selectAll().where('org_id', '=', orgId);
  if (query.subjectType) q = q.where('subject_type', '=', query.subjectType);
  if (query.subjectId) q = q.where('subject_id', '=', query.subjectId);
  return pageByCreated<EvidenceTable, 'evidence'>(q, 'evidence', query);
}

export async function findEvidence(tx: Tx, orgId: string, id: string): Promise<EvidenceTable | undefined> {
  return tx.selectFrom('evidence').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function insertEvidence(tx: Tx, row: EvidenceTable): Promise<void> {
  await tx.insertInto('evidence').values(row).execute();
}

export async function updateEvidenceRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Pick<EvidenceTable, 'kind' | 'text' | 'source' | 'observed_on'>> & { updated_at: number },
): Promise<void> {
  await tx.updateTable('evidence').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function deleteEvidenceRow(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.deleteFrom('evidence').where('org_id', '=', orgId).where('id', '=', id).execute();
}
