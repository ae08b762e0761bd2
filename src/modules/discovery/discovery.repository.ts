import type { Db, EvidenceTable, GainsTable, NeedsTable, PainsTable, SegmentsTable, Tx } from '../../db/schema.js';
import type { TEvidence, TGain, TNeed, TPain, TSegment } from './discovery.schema.js';

export function toSegment(row: SegmentsTable): TSegment {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    sizeEstimate: row.size_estimate === null ? null : Number(row.size_estimate),
    kind: row.kind,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toNeed(row: NeedsTable, evidenceCount: number): TNeed {
  return {
    id: row.id,
    segmentId: row.segment_id,
    jobKind: row.job_kind,
    text: row.text,
    importance: row.importance,
    evidenceCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toPain(row: PainsTable, evidenceCount: number, answeredBy: string[]): TPain {
  return {
    id: row.id,
    segmentId: row.segment_id,
    text: row.text,
    severity: row.severity,
    frequency: row.frequency,
    priority: row.severity * row.frequency,
    contextWhere: row.context_where,
    contextWhen: row.context_when,
    contextWho: row.context_who,
    contextChannel: row.context_channel,
    status: row.status,
    answeredBy,
    evidenceCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toGain(row: GainsTable, evidenceCount: number, createdBy: string[]): TGain {
  return {
    id: row.id,
    segmentId: row.segment_id,
    text: row.text,
    relevance: row.relevance,
    evidenceCount,
    createdBy,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toEvidence(row: EvidenceTable): TEvidence {
  return {
    id: row.id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    kind: row.kind,
    text: row.text,
    source: row.source,
    date: row.observed_on,
    createdAt: row.created_at,
  };
}

export async function findSegment(tx: Tx, orgId: string, id: string) {
  return tx.selectFrom('segments').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Evidence counts per subject id, for the subjects given (one query). */
export async function evidenceCounts(tx: Tx, orgId: string, subjectIds: string[]): Promise<Map<string, number>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('evidence')
    .select(['subject_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('org_id', '=', orgId)
    .where('subject_id', 'in', subjectIds)
    .groupBy('subject_id')
    .execute();
  return new Map(rows.map((r) => [r.subject_id, Number(r.n)]));
}

/** Value items linked to each target (pain or gain) id. */
export async function linksByTarget(tx: Tx, orgId: string, targetIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (targetIds.length === 0) return map;
  const rows = await tx
    .selectFrom('value_links')
    .select(['item_id', 'target_id'])
    .where('org_id', '=', orgId)
    .where('target_id', 'in', targetIds)
    .orderBy('created_at')
    .execute();
  for (const r of rows) map.set(r.target_id, [...(map.get(r.target_id) ?? []), r.item_id]);
  return map;
}

export async function listSegmentRows<T extends 'needs' | 'pains' | 'gains'>(db: Db | Tx, table: T, orgId: string, segmentId: string) {
  return db
    .selectFrom(table as 'needs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('segment_id', '=', segmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute() as unknown as Promise<(T extends 'needs' ? NeedsTable : T extends 'pains' ? PainsTable : GainsTable)[]>;
}
