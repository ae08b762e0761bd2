import { CONTEXT_FIELDS, type ContextTexts, contextFilling } from '../../core/discovery/context.js';
import { newId } from '../../core/ids.js';
import type { SegmentContextsTable, Tx } from '../../db/schema.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { findContextRow, insertContextRow, updateContextRow } from './context.repository.js';
import type { TSaveSegmentContext, TSegmentContext } from './context.schema.js';
import { evidenceCounts } from './discovery.repository.js';
import { requireSegment } from './segment.service.js';

const EMPTY: ContextTexts = { situation: '', regulations: '', market: '', channels: '' };

function textsOf(row: SegmentContextsTable | undefined): ContextTexts {
  return row ? { situation: row.situation, regulations: row.regulations, market: row.market, channels: row.channels } : EMPTY;
}

function toSegmentContext(segmentId: string, row: SegmentContextsTable | undefined, evidenceCount: number): TSegmentContext {
  return {
    segmentId,
    ...textsOf(row),
    version: row?.version ?? 0,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
    ...contextFilling(row ? textsOf(row) : null),
    evidenceCount,
  };
}

/** The context of a segment known to be the organization's: four empty parts, version 0, while never written. */
export async function loadSegmentContext(tx: Tx, ctx: OrgContext, segmentId: string): Promise<TSegmentContext> {
  const row = await findContextRow(tx, ctx.org.id, segmentId);
  const count = (await evidenceCounts(tx, ctx.org.id, [segmentId])).get(segmentId) ?? 0;
  return toSegmentContext(segmentId, row, count);
}

export async function getSegmentContext(ctx: OrgContext, segmentId: string): Promise<TSegmentContext> {
  await requireSegment(ctx.db, ctx, segmentId);
  return loadSegmentContext(ctx.db, ctx, segmentId);
}

/**
 * Writes the parts sent; the parts left out keep their text. A write that changes nothing makes no
 * new version; any other makes the next one, recorded in the audit log with the text before and after.
 */
export async function saveSegmentContext(ctx: OrgContext, segmentId: string, input: TSaveSegmentContext): Promise<TSegmentContext> {
  return ctx.db.transaction().execute(async (tx) => {
    await requireSegment(tx, ctx, segmentId);
    const row = await findContextRow(tx, ctx.org.id, segmentId);
    const before = textsOf(row);
    const after: ContextTexts = { ...before, ...input };
    if (row && CONTEXT_FIELDS.every((field) => after[field] === before[field])) return loadSegmentContext(tx, ctx, segmentId);
    const set = { ...after, version: (row?.version ?? 0) + 1, updated_by: await actorName(tx, ctx), updated_at: ctx.now };
    if (row) await updateContextRow(tx, ctx.org.id, segmentId, set);
    else await insertContextRow(tx, { id: newId(), org_id: ctx.org.id, segment_id: segmentId, ...set, created_at: ctx.now });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'segment.context_updated',
      entityType: 'segment',
      entityId: segmentId,
      before: row ? { ...before, version: row.version } : undefined,
      after: { ...after, version: set.version },
      at: ctx.now,
    });
    return loadSegmentContext(tx, ctx, segmentId);
  });
}
