import { invalidField, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { EvidenceTable, GainsTable, NeedsTable, PainsTable, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { evidenceCounts, findSegment, linksByTarget, toEvidence, toGain, toNeed, toPain } from './discovery.repository.js';
import type { TCreateEvidence, TCreateGain, TCreateNeed, TCreatePain, TEvidence, TGain, TNeed, TPain } from './discovery.schema.js';
import {
  deleteEvidenceRow,
  deleteItemWithTraces,
  findEvidence,
  findItemRow,
  type ItemKind,
  insertEvidence,
  insertItemRow,
  pageEvidence,
  updateEvidenceRow,
  updateItemRow,
} from './item.repository.js';
import { requireSegment } from './segment.service.js';

type Kind = ItemKind;

function needRow(input: Partial<TCreateNeed>) {
  return {
    ...(input.jobKind !== undefined && { job_kind: input.jobKind }),
    ...(input.text !== undefined && { text: input.text }),
    ...(input.importance !== undefined && { importance: input.importance }),
  };
}
function painRow(input: Partial<TCreatePain>) {
  return {
    ...(input.text !== undefined && { text: input.text }),
    ...(input.severity !== undefined && { severity: input.severity }),
    ...(input.frequency !== undefined && { frequency: input.frequency }),
    ...(input.contextWhere !== undefined && { context_where: input.contextWhere }),
    ...(input.contextWhen !== undefined && { context_when: input.contextWhen }),
    ...(input.contextWho !== undefined && { context_who: input.contextWho }),
    ...(input.contextChannel !== undefined && { context_channel: input.contextChannel }),
    ...(input.status !== undefined && { status: input.status }),
  };
}
function gainRow(input: Partial<TCreateGain>) {
  return {
    ...(input.text !== undefined && { text: input.text }),
    ...(input.relevance !== undefined && { relevance: input.relevance }),
  };
}

/** Reads one need, pain or gain of the organization as the API shows it. */
export async function loadItem(tx: Tx, ctx: OrgContext, kind: Kind, id: string): Promise<TNeed | TPain | TGain> {
  const row = await findItemRow(tx, ctx.org.id, kind, id);
  if (!row) throw notFound(kind, id);
  const count = (await evidenceCounts(tx, ctx.org.id, [id])).get(id) ?? 0;
  const links = (await linksByTarget(tx, ctx.org.id, [id])).get(id) ?? [];
  if (kind === 'need') return toNeed(row as NeedsTable, count);
  if (kind === 'pain') return toPain(row as PainsTable, count, links);
  return toGain(row as GainsTable, count, links);
}

/** Inserts need/pain/gain rows in the caller's transaction (used by the API and the CSV import). */
export async function insertItem(
  tx: Tx,
  ctx: OrgContext,
  kind: Kind,
  segmentId: string,
  input: TCreateNeed | TCreatePain | TCreateGain,
): Promise<string> {
  const id = newId();
  const common = { id, org_id: ctx.org.id, segment_id: segmentId, created_at: ctx.now, updated_at: ctx.now };
  if (kind === 'need')
    await insertItemRow(tx, 'need', { ...common, ...(needRow(input as TCreateNeed) as Required<ReturnType<typeof needRow>>) });
  if (kind === 'pain')
    await insertItemRow(tx, 'pain', { ...common, ...(painRow(input as TCreatePain) as Required<ReturnType<typeof painRow>>) });
  if (kind === 'gain')
    await insertItemRow(tx, 'gain', { ...common, ...(gainRow(input as TCreateGain) as Required<ReturnType<typeof gainRow>>) });
  return id;
}

export async function createItem(ctx: OrgContext, kind: Kind, segmentId: string, input: TCreateNeed | TCreatePain | TCreateGain) {
  return ctx.db.transaction().execute(async (tx) => {
    await requireSegment(tx, ctx, segmentId);
    const id = await insertItem(tx, ctx, kind, segmentId, input);
    const item = await loadItem(tx, ctx, kind, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: `${kind}.created`,
      entityType: kind,
      entityId: id,
      after: item,
      at: ctx.now,
    });
    return item;
  });
}

export async function updateItem(ctx: OrgContext, kind: Kind, id: string, input: Partial<TCreateNeed & TCreatePain & TCreateGain>) {
  return ctx.db.transaction().execute(async (tx) => {
    const before = await loadItem(tx, ctx, kind, id);
    const set = kind === 'need' ? needRow(input) : kind === 'pain' ? painRow(input) : gainRow(input);
    await updateItemRow(tx, ctx.org.id, kind, id, { ...set, updated_at: ctx.now });
    const after = await loadItem(tx, ctx, kind, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: `${kind}.updated`,
      entityType: kind,
      entityId: id,
      before,
      after,
      at: ctx.now,
    });
    return after;
  });
}

/** Deletes a need, pain or gain with its evidence and its links from the value map. */
export async function deleteItem(ctx: OrgContext, kind: Kind, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await loadItem(tx, ctx, kind, id);
    await deleteItemWithTraces(tx, ctx.org.id, kind, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: `${kind}.deleted`,
      entityType: kind,
      entityId: id,
      before,
      at: ctx.now,
    });
  });
}

export async function listEvidence(
  ctx: OrgContext,
  query: TPageQuery & { subjectType?: EvidenceTable['subject_type']; subjectId?: string },
) {
  const result = await pageEvidence(ctx.db, ctx.org.id, query);
  return { items: result.items.map(toEvidence), nextCursor: result.nextCursor };
}

/** Attaches evidence to a need, pain or gain of the same organization, or to a segment's context (by the segment's id). */
export async function createEvidence(ctx: OrgContext, input: TCreateEvidence): Promise<TEvidence> {
  return ctx.db.transaction().execute(async (tx) => {
    const { subjectType, subjectId } = input;
    const entity = subjectType === 'context' ? 'segment' : subjectType;
    const subject =
      subjectType === 'context' ? await findSegment(tx, ctx.org.id, subjectId) : await findItemRow(tx, ctx.org.id, subjectType, subjectId);
    if (!subject) throw invalidField('subjectId', 'not_found', `no ${entity} with this id in the organization`, { entity });
    const row: EvidenceTable = {
      id: newId(),
      org_id: ctx.org.id,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      kind: input.kind,
      text: input.text,
      source: input.source,
      observed_on: input.date,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await insertEvidence(tx, row);
    const evidence = toEvidence(row);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'evidence.created',
      entityType: 'evidence',
      entityId: row.id,
      after: evidence,
      at: ctx.now,
    });
    return evidence;
  });
}

export async function updateEvidence(
  ctx: OrgContext,
  id: string,
  input: Partial<Pick<TCreateEvidence, 'kind' | 'text' | 'source' | 'date'>>,
) {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findEvidence(tx, ctx.org.id, id);
    if (!row) throw notFound('evidence', id);
    const set = {
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.text !== undefined && { text: input.text }),
      ...(input.source !== undefined && { source: input.source }),
      ...(input.date !== undefined && { observed_on: input.date }),
      updated_at: ctx.now,
    };
    await updateEvidenceRow(tx, ctx.org.id, id, set);
    const after = toEvidence({ ...row, ...set });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'evidence.updated',
      entityType: 'evidence',
      entityId: id,
      before: toEvidence(row),
      after,
      at: ctx.now,
    });
    return after;
  });
}

export async function deleteEvidence(ctx: OrgContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findEvidence(tx, ctx.org.id, id);
    if (!row) throw notFound('evidence', id);
    await deleteEvidenceRow(tx, ctx.org.id, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'evidence.deleted',
      entityType: 'evidence',
      entityId: id,
      before: toEvidence(row),
      at: ctx.now,
    });
  });
}
