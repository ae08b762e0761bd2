import { computeFit } from '../../core/discovery/fit.js';
import { invalidField, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Tx, ValueItemsTable } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { loadSegmentContext } from './context.service.js';
import { toSegment } from './discovery.repository.js';
import type { TPain } from './discovery.schema.js';
import { loadGains, loadNeeds, loadPains, requireSegment } from './segment.service.js';
import {
  deleteValueItemWithLinks,
  findTargetIdsInSegment,
  findValueItemRow,
  insertValueItem,
  linksByItem,
  listValueItemRows,
  replaceValueLinks,
  updateValueItemRow,
} from './value.repository.js';
import type { TCreateValueItem, TUpdateValueItem, TValueItem } from './value.schema.js';

function toValueItem(row: ValueItemsTable, targetIds: string[]): TValueItem {
  return {
    id: row.id,
    segmentId: row.segment_id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    targetIds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function loadValueItems(tx: Tx, ctx: OrgContext, segmentId: string): Promise<TValueItem[]> {
  const rows = await listValueItemRows(tx, ctx.org.id, segmentId);
  const links = await linksByItem(
    tx,
    ctx.org.id,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toValueItem(r, links.get(r.id) ?? []));
}

async function loadValueItem(tx: Tx, ctx: OrgContext, id: string): Promise<TValueItem> {
  const row = await findValueItemRow(tx, ctx.org.id, id);
  if (!row) throw notFound('value item', id);
  return toValueItem(row, (await linksByItem(tx, ctx.org.id, [id])).get(id) ?? []);
}

/**
 * Replaces an item's links. A reliever links to pains and a creator to gains of its own segment;
 * a product or service links to nothing. Any other id is refused naming its position.
 */
async function setLinks(tx: Tx, ctx: OrgContext, item: { id: string; kind: string; segment_id: string }, targetIds: string[]) {
  const unique = [...new Set(targetIds)];
  if (item.kind === 'product' && unique.length)
    throw invalidField('targetIds', 'not_applicable', 'a product or service is not linked to pains or gains');
  const table = item.kind === 'reliever' ? 'pains' : 'gains';
  if (unique.length) {
    const found = await findTargetIdsInSegment(tx, ctx.org.id, table, item.segment_id, unique);
    const bad = unique.findIndex((id) => !found.has(id));
    if (bad >= 0)
      throw invalidField(
        `targetIds.${targetIds.indexOf(unique[bad] as string)}`,
        'not_found',
        `no ${table.slice(0, -1)} with this id in the segment`,
        { entity: table.slice(0, -1) },
      );
  }
  const targetType = item.kind === 'reliever' ? ('pain' as const) : ('gain' as const);
  await replaceValueLinks(
    tx,
    ctx.org.id,
    item.id,
    unique.map((targetId, i) => ({
      id: newId(),
      org_id: ctx.org.id,
      item_id: item.id,
      target_type: targetType,
      target_id: targetId,
      created_at: ctx.now + i,
    })),
  );
}

export async function createValueItem(ctx: OrgContext, segmentId: string, input: TCreateValueItem): Promise<TValueItem> {
  return ctx.db.transaction().execute(async (tx) => {
    await requireSegment(tx, ctx, segmentId);
    const row: ValueItemsTable = {
      id: newId(),
      org_id: ctx.org.id,
      segment_id: segmentId,
      kind: input.kind,
      name: input.name,
      description: input.description,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await insertValueItem(tx, row);
    await setLinks(tx, ctx, row, input.targetIds);
    const item = await loadValueItem(tx, ctx, row.id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'value_item.created',
      entityType: 'value_item',
      entityId: row.id,
      after: item,
      at: ctx.now,
    });
    return item;
  });
}

export async function updateValueItem(ctx: OrgContext, id: string, input: TUpdateValueItem): Promise<TValueItem> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findValueItemRow(tx, ctx.org.id, id);
    if (!row) throw notFound('value item', id);
    const before = await loadValueItem(tx, ctx, id);
    const set = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.description !== undefined && { description: input.description }),
      updated_at: ctx.now,
    };
    await updateValueItemRow(tx, ctx.org.id, id, set);
    if (input.targetIds !== undefined) await setLinks(tx, ctx, row, input.targetIds);
    const after = await loadValueItem(tx, ctx, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'value_item.updated',
      entityType: 'value_item',
      entityId: id,
      before,
      after,
      at: ctx.now,
    });
    return after;
  });
}

export async function deleteValueItem(ctx: OrgContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await loadValueItem(tx, ctx, id);
    await deleteValueItemWithLinks(tx, ctx.org.id, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'value_item.deleted',
      entityType: 'value_item',
      entityId: id,
      before,
      at: ctx.now,
    });
  });
}

/** Fit of the segment from its pains and the relievers linked to them (core rule: computeFit). */
export function fitOf(pains: TPain[], items: TValueItem[]) {
  const relieverIds = new Set(items.filter((i) => i.kind === 'reliever').map((i) => i.id));
  const answered = new Set(pains.filter((p) => p.answeredBy.some((id) => relieverIds.has(id))).map((p) => p.id));
  const result = computeFit(pains, answered);
  const byId = new Map(pains.map((p) => [p.id, p]));
  return { ...result, unanswered: result.unanswered.map((id) => byId.get(id) as TPain) };
}

export async function segmentFit(ctx: OrgContext, segmentId: string) {
  await requireSegment(ctx.db, ctx, segmentId);
  return fitOf(await loadPains(ctx.db, ctx, segmentId), await loadValueItems(ctx.db, ctx, segmentId));
}

/** Everything the segment workspace shows, read in one go: context, profile, value map and fit. */
export async function segmentWorkspace(ctx: OrgContext, segmentId: string) {
  const segment = await requireSegment(ctx.db, ctx, segmentId);
  const context = await loadSegmentContext(ctx.db, ctx, segmentId);
  const [needs, pains, gains, valueItems] = [
    await loadNeeds(ctx.db, ctx, segmentId),
    await loadPains(ctx.db, ctx, segmentId),
    await loadGains(ctx.db, ctx, segmentId),
    await loadValueItems(ctx.db, ctx, segmentId),
  ];
  return { segment: toSegment(segment), context, needs, pains, gains, valueItems, fit: fitOf(pains, valueItems) };
}
