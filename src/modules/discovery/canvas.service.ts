import { buildErrcGrid, classifyFactor, measuredLevel } from '../../core/discovery/errc.js';
import { invalidField, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { promiseStatus } from '../promises/status.service.js';
import {
  deleteCanvasRows,
  findCanvas,
  findPromiseKinds,
  insertCanvas,
  insertCanvasContents,
  listCanvasCompetitors,
  listCanvasFactors,
  listCanvasLevels,
  pageCanvases,
  updateCanvasRow,
} from './canvas.repository.js';
import type { TCanvas, TCreateCanvas, TPutCanvas } from './canvas.schema.js';
import { findSegment } from './discovery.repository.js';

/** Reads a whole canvas: competitors and factors in their order, levels aligned, ERRC derived. */
export async function loadCanvas(tx: Tx, ctx: OrgContext, id: string): Promise<TCanvas> {
  const canvas = await findCanvas(tx, ctx.org.id, id);
  if (!canvas) throw notFound('canvas', id);
  const competitors = await listCanvasCompetitors(tx, ctx.org.id, id);
  const factors = await listCanvasFactors(tx, ctx.org.id, id);
  const levels = await listCanvasLevels(tx, ctx.org.id, id);
  const levelOf = new Map(levels.map((l) => [`${l.factor_id}/${l.competitor_id}`, l.level]));
  // A factor bound to a promise is measured: its current level is the promise's attainment × 10.
  const bound = factors.flatMap((f) => (f.promise_id ? [f.promise_id] : []));
  const existing = await findPromiseKinds(tx, ctx.org.id, bound);
  const measured = new Map<string, { attainment: number | null; status: 'kept' | 'at_risk' | 'broken' | 'no_data' }>();
  for (const promiseId of bound) {
    if (measured.has(promiseId) || !existing.has(promiseId)) continue;
    const status = await promiseStatus({ ...ctx, db: tx as Db }, promiseId, ctx.now);
    measured.set(promiseId, { attainment: status.attainment, status: status.status });
  }
  const shaped = factors.map((f) => {
    const competitorLevels = competitors.map((c) => levelOf.get(`${f.id}/${c.id}`) ?? 0);
    const measure = f.promise_id ? (measured.get(f.promise_id) ?? null) : null;
    const current = measuredLevel(measure?.attainment ?? null) ?? f.current_level;
    return {
      id: f.id,
      name: f.name,
      position: f.position,
      current,
      target: f.target_level,
      competitorLevels,
      action: classifyFactor(current, f.target_level, competitorLevels),
      manualCurrent: f.current_level,
      promiseId: f.promise_id,
      measured: measure,
    };
  });
  const grid = buildErrcGrid(shaped.map((f) => ({ ...f, competitors: f.competitorLevels })));
  return {
    id: canvas.id,
    segmentId: canvas.segment_id,
    name: canvas.name,
    currentLabel: canvas.current_label,
    targetLabel: canvas.target_label,
    competitors: competitors.map((c) => ({ id: c.id, name: c.name })),
    factors: shaped,
    errc: {
      eliminate: grid.eliminate.map((f) => f.id),
      reduce: grid.reduce.map((f) => f.id),
      raise: grid.raise.map((f) => f.id),
      create: grid.create.map((f) => f.id),
      unchanged: grid.unchanged.map((f) => f.id),
    },
    createdAt: canvas.created_at,
    updatedAt: canvas.updated_at,
  };
}

export async function getCanvas(ctx: OrgContext, id: string): Promise<TCanvas> {
  return loadCanvas(ctx.db, ctx, id);
}

export async function listCanvases(ctx: OrgContext, query: TPageQuery & { segmentId?: string }) {
  const result = await pageCanvases(ctx.db, ctx.org.id, query);
  return {
    items: result.items.map((c) => ({
      id: c.id,
      segmentId: c.segment_id,
      segmentName: c.segment_name ?? '',
      name: c.name,
      factorCount: Number(c.factor_count),
      createdAt: c.created_at,
      updatedAt: c.updated_at,
    })),
    nextCursor: result.nextCursor,
  };
}

export async function createCanvas(ctx: OrgContext, input: TCreateCanvas): Promise<TCanvas> {
  return ctx.db.transaction().execute(async (tx) => {
    if (!(await findSegment(tx, ctx.org.id, input.segmentId))) {
      throw invalidField('segmentId', 'not_found', 'no segment with this id in the organization', { entity: 'segment' });
    }
    const id = newId();
    await insertCanvas(tx, {
      id,
      org_id: ctx.org.id,
      segment_id: input.segmentId,
      name: input.name,
      current_label: input.currentLabel,
      target_label: input.targetLabel,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    const canvas = await loadCanvas(tx, ctx, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'canvas.created',
      entityType: 'canvas',
      entityId: id,
      after: canvas,
      at: ctx.now,
    });
    return canvas;
  });
}

/** Refuses factor and competitor ids that are not this canvas's, or given twice (422 naming the row). */
function refuseForeignIds(before: TCanvas, input: TPutCanvas): void {
  const known = { factors: new Set(before.factors.map((f) => f.id)), competitors: new Set(before.competitors.map((c) => c.id)) };
  input.factors.forEach((f, i) => {
    if (f.id && !known.factors.has(f.id))
      throw invalidField(`factors.${i}.id`, 'not_found', 'not a factor of this canvas', { entity: 'factor' });
  });
  input.competitors.forEach((c, i) => {
    if (c.id && !known.competitors.has(c.id))
      throw invalidField(`competitors.${i}.id`, 'not_found', 'not a competitor of this canvas', { entity: 'competitor' });
  });
  for (const [list, name] of [
    [input.factors, 'factors'],
    [input.competitors, 'competitors'],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((row, i) => {
      if (row.id && seen.has(row.id)) throw invalidField(`${name}.${i}.id`, 'given_twice', 'given twice');
      if (row.id) seen.add(row.id);
    });
  }
}

/**
 * A new binding must be to a client promise that is still measured: the canvas compares what
 * clients get, and an internal or retired promise says nothing about that. Bindings made before
 * (`boundAt(i)`: the promise factor i was bound to) stay as they are.
 */
async function refuseNewBindings(
  tx: Tx,
  org: string,
  promiseIds: (string | null)[],
  boundAt: (i: number) => string | null | undefined,
): Promise<void> {
  const isNewBinding = (promiseId: string | null, i: number): promiseId is string => promiseId !== null && promiseId !== boundAt(i);
  const promises = await findPromiseKinds(tx, org, promiseIds.filter((promiseId, i) => isNewBinding(promiseId, i)) as string[]);
  for (const [i, promiseId] of promiseIds.entries()) {
    if (!isNewBinding(promiseId, i)) continue;
    const promise = promises.get(promiseId);
    if (!promise)
      throw invalidField(`factors.${i}.promiseId`, 'not_found', 'no promise with this id in the organization', { entity: 'promise' });
    if (promise.kind !== 'client')
      throw invalidField(`factors.${i}.promiseId`, 'wrong_kind', 'only a client promise can measure a canvas factor', {
        expected: 'client',
      });
    if (promise.status === 'retired')
      throw invalidField(`factors.${i}.promiseId`, 'wrong_status', 'a retired promise is no longer measured', { status: 'retired' });
  }
}

/**
 * Saves the whole canvas. Factors and competitors that carry an `id` of this canvas keep it (and
 * their history in the audit log); those without get new ids; those left out are removed.
 */
export async function saveCanvas(ctx: OrgContext, id: string, input: TPutCanvas): Promise<TCanvas> {
  return ctx.db.transaction().execute(async (tx) => {
    // Touch the canvas row first: on PostgreSQL it stays locked to the end of the transaction, so
    // concurrent saves of one canvas run one after the other instead of deadlocking.
    await updateCanvasRow(tx, ctx.org.id, id, { updated_at: ctx.now });
    const before = await loadCanvas(tx, ctx, id);
    refuseForeignIds(before, input);
    const org = ctx.org.id;
    const competitorIds = input.competitors.map((c) => c.id ?? newId());
    const factorIds = input.factors.map((f) => f.id ?? newId());
    // A factor keeps its promise unless the input says otherwise (null unbinds).
    const boundBefore = new Map(before.factors.map((f) => [f.id, f.promiseId]));
    const promiseIds = input.factors.map((f) =>
      f.promiseId === undefined ? (f.id ? (boundBefore.get(f.id) ?? null) : null) : f.promiseId,
    );
    await refuseNewBindings(tx, org, promiseIds, (i) => boundBefore.get(factorIds[i] as string));
    await deleteCanvasRows(tx, org, [id], true);
    await insertCanvasContents(tx, {
      competitors: input.competitors.map((c, i) => ({
        id: competitorIds[i] as string,
        org_id: org,
        canvas_id: id,
        position: i,
        name: c.name,
        created_at: ctx.now,
      })),
      factors: input.factors.map((f, i) => ({
        id: factorIds[i] as string,
        org_id: org,
        canvas_id: id,
        position: i,
        name: f.name,
        current_level: f.current,
        target_level: f.target,
        promise_id: promiseIds[i] ?? null,
        created_at: ctx.now,
      })),
      levels: input.factors.flatMap((f, i) =>
        f.competitorLevels.map((level, j) => ({
          org_id: org,
          canvas_id: id,
          factor_id: factorIds[i] as string,
          competitor_id: competitorIds[j] as string,
          level,
        })),
      ),
    });
    await updateCanvasRow(tx, org, id, {
      name: input.name,
      current_label: input.currentLabel,
      target_label: input.targetLabel,
      updated_at: ctx.now,
    });
    const after = await loadCanvas(tx, ctx, id);
    await appendAudit(tx, {
      orgId: org,
      actor: ctx.actor,
      action: 'canvas.updated',
      entityType: 'canvas',
      entityId: id,
      before,
      after,
      at: ctx.now,
    });
    return after;
  });
}

export async function deleteCanvas(ctx: OrgContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await loadCanvas(tx, ctx, id);
    const org = ctx.org.id;
    await deleteCanvasRows(tx, org, [id]);
    await appendAudit(tx, {
      orgId: org,
      actor: ctx.actor,
      action: 'canvas.deleted',
      entityType: 'canvas',
      entityId: id,
      before,
      at: ctx.now,
    });
  });
}
