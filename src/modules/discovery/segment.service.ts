import { comparePains } from '../../core/discovery/priority.js';
import { conflict, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { SegmentsTable, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { evidenceCounts, findSegment, linksByTarget, listSegmentRows, toGain, toNeed, toPain, toSegment } from './discovery.repository.js';
import type { TCreateSegment, TGain, TNeed, TPain, TSegment, TUpdateSegment } from './discovery.schema.js';
import { deleteSegmentWithContents, findSegmentIdByName, insertSegment, pageSegments, updateSegmentRow } from './segment.repository.js';

export async function requireSegment(tx: Tx, ctx: OrgContext, id: string) {
  const row = await findSegment(tx, ctx.org.id, id);
  if (!row) throw notFound('segment', id);
  return row;
}

export async function listSegments(ctx: OrgContext, page: TPageQuery) {
  const result = await pageSegments(ctx.db, ctx.org.id, page);
  return { items: result.items.map(toSegment), nextCursor: result.nextCursor };
}

export async function getSegment(ctx: OrgContext, id: string): Promise<TSegment> {
  return toSegment(await requireSegment(ctx.db, ctx, id));
}

async function guardName(tx: Tx, orgId: string, name: string, selfId?: string) {
  const otherId = await findSegmentIdByName(tx, orgId, name);
  if (otherId !== undefined && otherId !== selfId)
    throw conflict('name', 'taken', `a segment named "${name}" already exists`, { entity: 'segment' });
}

export async function createSegment(ctx: OrgContext, input: TCreateSegment): Promise<TSegment> {
  return ctx.db.transaction().execute(async (tx) => {
    await guardName(tx, ctx.org.id, input.name);
    const row: SegmentsTable = {
      id: newId(),
      org_id: ctx.org.id,
      name: input.name,
      description: input.description,
      size_estimate: input.sizeEstimate,
      kind: input.kind,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await insertSegment(tx, row);
    const segment = toSegment(row);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'segment.created',
      entityType: 'segment',
      entityId: row.id,
      after: segment,
      at: ctx.now,
    });
    return segment;
  });
}

export async function updateSegment(ctx: OrgContext, id: string, input: TUpdateSegment): Promise<TSegment> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await requireSegment(tx, ctx, id);
    if (input.name !== undefined) await guardName(tx, ctx.org.id, input.name, id);
    const set = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.sizeEstimate !== undefined && { size_estimate: input.sizeEstimate }),
      ...(input.kind !== undefined && { kind: input.kind }),
      updated_at: ctx.now,
    };
    await updateSegmentRow(tx, ctx.org.id, id, set);
    const after = toSegment({ ...row, ...set });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'segment.updated',
      entityType: 'segment',
      entityId: id,
      before: toSegment(row),
      after,
      at: ctx.now,
    });
    return after;
  });
}

/** Deletes a segment with everything recorded for it: needs, pains, gains, their evidence, value map, canvases. */
export async function deleteSegment(ctx: OrgContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await requireSegment(tx, ctx, id);
    const org = ctx.org.id;
    await deleteSegmentWithContents(tx, org, id);
    await appendAudit(tx, {
      orgId: org,
      actor: ctx.actor,
      action: 'segment.deleted',
      entityType: 'segment',
      entityId: id,
      before: toSegment(row),
      at: ctx.now,
    });
  });
}

/** Needs of a segment, most important first, with evidence counts. */
export async function loadNeeds(tx: Tx, ctx: OrgContext, segmentId: string): Promise<TNeed[]> {
  const rows = await listSegmentRows(tx, 'needs', ctx.org.id, segmentId);
  const counts = await evidenceCounts(
    tx,
    ctx.org.id,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toNeed(r, counts.get(r.id) ?? 0)).sort((a, b) => b.importance - a.importance || a.createdAt - b.createdAt);
}

/** Pains of a segment, highest priority first, with evidence counts and the relievers answering each. */
export async function loadPains(tx: Tx, ctx: OrgContext, segmentId: string): Promise<TPain[]> {
  const rows = await listSegmentRows(tx, 'pains', ctx.org.id, segmentId);
  const ids = rows.map((r) => r.id);
  const [counts, links] = [await evidenceCounts(tx, ctx.org.id, ids), await linksByTarget(tx, ctx.org.id, ids)];
  return rows.map((r) => toPain(r, counts.get(r.id) ?? 0, links.get(r.id) ?? [])).sort(comparePains);
}

/** Gains of a segment, most relevant first. */
export async function loadGains(tx: Tx, ctx: OrgContext, segmentId: string): Promise<TGain[]> {
  const rows = await listSegmentRows(tx, 'gains', ctx.org.id, segmentId);
  const ids = rows.map((r) => r.id);
  const [counts, links] = [await evidenceCounts(tx, ctx.org.id, ids), await linksByTarget(tx, ctx.org.id, ids)];
  return rows
    .map((r) => toGain(r, counts.get(r.id) ?? 0, links.get(r.id) ?? []))
    .sort((a, b) => b.relevance - a.relevance || a.createdAt - b.createdAt);
}
