import { buildErrcGrid, classifyFactor, measuredLevel } from '../../core/discovery/errc.js';
import { invalidField, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { CanvasesTable, Db, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { pageByCreated } from '../list.js';
import { promiseStatus } from '../promises/status.service.js';
import type { TCanvas, TCreateCanvas, TPutCanvas } from './canvas.schema.js';

/** Removes canvases with their factors, competitors and levels (used by canvas and segment deletion). */
export async function deleteCanvasRows(tx: Tx, orgId: string, canvasIds: string[], keepCanvas = false): Promise<void> {
  if (canvasIds.length === 0) return;
  await tx.deleteFrom('canvas_levels').where('org_id', '=', orgId).where('canvas_id', 'in', canvasIds).execute();
  await tx.deleteFrom('canvas_factors').where('org_id', '=', orgId).where('canvas_id', 'in', canvasIds).execute();
  await tx.deleteFrom('canvas_competitors').where('org_id', '=', orgId).where('canvas_id', 'in', canvasIds).execute();
  if (!keepCanvas) await tx.deleteFrom('canvases').where('org_id', '=', orgId).where('id', 'in', canvasIds).execute();
}

/** Reads a whole canvas: competitors and factors in their order, levels aligned, ERRC derived. */
export async function loadCanvas(tx: Tx, ctx: OrgContext, id: string): Promise<TCanvas> {
  const canvas = await tx.selectFrom('canvases').selectAll().where('org_id', '=', ctx.org.id).where('id', '=', id).executeTakeFirst();
  if (!canvas) throw notFound('canvas', id);
  const competitors = await tx
    .selectFrom('canvas_competitors')
    .selectAll()
    .where('org_id', '=', ctx.org.id)
    .where('canvas_id', '=', id)
    .orderBy('position')
    .execute();
  const factors = await tx
    .selectFrom('canvas_factors')
    .selectAll()
    .where('org_id', '=', ctx.org.id)
    .where('canvas_id', '=', id)
    .orderBy('position')
    .execute();
  const levels = await tx.selectFrom('canvas_levels').selectAll().where('org_id', '=', ctx.org.id).where('canvas_id', '=', id).execute();
  const levelOf = new Map(levels.map((l) => [`${l.factor_id}/${l.competitor_id}`, l.level]));
  // A factor bound to a promise is measured: its current level is the promise's attainment × 10.
  const measured = new Map<string, { attainment: number | null; status: 'kept' | 'at_risk' | 'broken' | 'no_data' }>();
  for (const f of factors) {
    if (!f.promise_id || measured.has(f.promise_id)) continue;
    const exists = await tx
      .selectFrom('promises')
      .select('id')
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', f.promise_id)
      .executeTakeFirst();
    if (!exists) continue;
    const status = await promiseStatus({ ...ctx, db: tx as Db }, f.promise_id, ctx.now);
    measured.set(f.promise_id, { attainment: status.attainment, status: status.status });
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
  let q = ctx.db
    .selectFrom('canvases')
    .selectAll()
    .select((eb) =>
      eb
        .selectFrom('canvas_factors')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('canvas_factors.canvas_id', '=', 'canvases.id')
        .where('canvas_factors.org_id', '=', ctx.org.id)
        .as('factor_count'),
    )
    .select((eb) =>
      eb
        .selectFrom('segments')
        .select('segments.name')
        .whereRef('segments.id', '=', 'canvases.segment_id')
        .where('segments.org_id', '=', ctx.org.id)
        .as('segment_name'),
    )
    .where('org_id', '=', ctx.org.id);
  if (query.segmentId) q = q.where('segment_id', '=', query.segmentId);
  const result = await pageByCreated<CanvasesTable & { factor_count: number | string; segment_name: string | null }, 'canvases'>(
    q,
    'canvases',
    query,
  );
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
    if (
      !(await tx.selectFrom('segments').select('id').where('org_id', '=', ctx.org.id).where('id', '=', input.segmentId).executeTakeFirst())
    ) {
      throw invalidField('segmentId', 'no segment with this id in the organization');
    }
    const id = newId();
    await tx
      .insertInto('canvases')
      .values({
        id,
        org_id: ctx.org.id,
        segment_id: input.segmentId,
        name: input.name,
        current_label: input.currentLabel,
        target_label: input.targetLabel,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .execute();
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

/**
 * Saves the whole canvas. Factors and competitors that carry an `id` of this canvas keep it (and
 * their history in the audit log); those without get new ids; those left out are removed.
 */
export async function saveCanvas(ctx: OrgContext, id: string, input: TPutCanvas): Promise<TCanvas> {
  return ctx.db.transaction().execute(async (tx) => {
    // Touch the canvas row first: on PostgreSQL it stays locked to the end of the transaction, so
    // concurrent saves of one canvas run one after the other instead of deadlocking.
    await tx.updateTable('canvases').set({ updated_at: ctx.now }).where('org_id', '=', ctx.org.id).where('id', '=', id).execute();
    const before = await loadCanvas(tx, ctx, id);
    const known = { factors: new Set(before.factors.map((f) => f.id)), competitors: new Set(before.competitors.map((c) => c.id)) };
    input.factors.forEach((f, i) => {
      if (f.id && !known.factors.has(f.id)) throw invalidField(`factors.${i}.id`, 'not a factor of this canvas');
    });
    input.competitors.forEach((c, i) => {
      if (c.id && !known.competitors.has(c.id)) throw invalidField(`competitors.${i}.id`, 'not a competitor of this canvas');
    });
    for (const [list, name] of [
      [input.factors, 'factors'],
      [input.competitors, 'competitors'],
    ] as const) {
      const seen = new Set<string>();
      list.forEach((row, i) => {
        if (row.id && seen.has(row.id)) throw invalidField(`${name}.${i}.id`, 'given twice');
        if (row.id) seen.add(row.id);
      });
    }
    const org = ctx.org.id;
    const competitorIds = input.competitors.map((c) => c.id ?? newId());
    const factorIds = input.factors.map((f) => f.id ?? newId());
    // A factor keeps its promise unless the input says otherwise (null unbinds).
    const boundBefore = new Map(before.factors.map((f) => [f.id, f.promiseId]));
    const promiseIds = input.factors.map((f) =>
      f.promiseId === undefined ? (f.id ? (boundBefore.get(f.id) ?? null) : null) : f.promiseId,
    );
    // A new binding must be to a client promise that is still measured: the canvas compares what
    // clients get, and an internal or retired promise says nothing about that. Bindings made
    // before stay as they are.
    for (const [i, promiseId] of promiseIds.entries()) {
      if (promiseId === null || promiseId === boundBefore.get(factorIds[i] as string)) continue;
      const promise = await tx
        .selectFrom('promises')
        .select(['id', 'kind', 'status'])
        .where('org_id', '=', org)
        .where('id', '=', promiseId)
        .executeTakeFirst();
      if (!promise) throw invalidField(`factors.${i}.promiseId`, 'no promise with this id in the organization');
      if (promise.kind !== 'client') throw invalidField(`factors.${i}.promiseId`, 'only a client promise can measure a canvas factor');
      if (promise.status === 'retired') throw invalidField(`factors.${i}.promiseId`, 'a retired promise is no longer measured');
    }
    await deleteCanvasRows(tx, org, [id], true);
    if (input.competitors.length) {
      await tx
        .insertInto('canvas_competitors')
        .values(
          input.competitors.map((c, i) => ({
            id: competitorIds[i] as string,
            org_id: org,
            canvas_id: id,
            position: i,
            name: c.name,
            created_at: ctx.now,
          })),
        )
        .execute();
    }
    if (input.factors.length) {
      await tx
        .insertInto('canvas_factors')
        .values(
          input.factors.map((f, i) => ({
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
        )
        .execute();
      const levels = input.factors.flatMap((f, i) =>
        f.competitorLevels.map((level, j) => ({
          org_id: org,
          canvas_id: id,
          factor_id: factorIds[i] as string,
          competitor_id: competitorIds[j] as string,
          level,
        })),
      );
      if (levels.length) await tx.insertInto('canvas_levels').values(levels).execute();
    }
    await tx
      .updateTable('canvases')
      .set({ name: input.name, current_label: input.currentLabel, target_label: input.targetLabel, updated_at: ctx.now })
      .where('org_id', '=', org)
      .where('id', '=', id)
      .execute();
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
