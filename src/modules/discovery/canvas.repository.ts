import type {
  CanvasCompetitorsTable,
  CanvasesTable,
  CanvasFactorsTable,
  CanvasLevelsTable,
  Db,
  PromisesTable,
  Tx,
} from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { pageByCreated } from '../list.js';

export type CanvasListRow = CanvasesTable & { factor_count: number | string; segment_name: string | null };

/** Removes canvases with their factors, competitors and levels (used by canvas and segment deletion). */
export async function deleteCanvasRows(tx: Tx, orgId: string, canvasIds: string[], keepCanvas = false): Promise<void> {
  if (canvasIds.length === 0) return;
  await tx.deleteFrom('canvas_levels').where('org_id', '=', orgId).where('canvas_id', 'in', canvasIds).execute();
  await tx.deleteFrom('canvas_factors').where('org_id', '=', orgId).where('canvas_id', 'in', canvasIds).execute();
  await tx.deleteFrom('canvas_competitors').where('org_id', '=', orgId).where('canvas_id', 'in', canvasIds).execute();
  if (!keepCanvas) await tx.deleteFrom('canvases').where('org_id', '=', orgId).where('id', 'in', canvasIds).execute();
}

export async function findCanvas(tx: Tx, orgId: string, id: string): Promise<CanvasesTable | undefined> {
  return tx.selectFrom('canvases').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** A canvas's competitors, in their order. */
export async function listCanvasCompetitors(tx: Tx, orgId: string, canvasId: string): Promise<CanvasCompetitorsTable[]> {
  return tx
    .selectFrom('canvas_competitors')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('canvas_id', '=', canvasId)
    .orderBy('position')
    .execute();
}

/** A canvas's factors, in their order. */
export async function listCanvasFactors(tx: Tx, orgId: string, canvasId: string): Promise<CanvasFactorsTable[]> {
  return tx
    .selectFrom('canvas_factors')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('canvas_id', '=', canvasId)
    .orderBy('position')
    .execute();
}

export async function listCanvasLevels(tx: Tx, orgId: string, canvasId: string): Promise<CanvasLevelsTable[]> {
  return tx.selectFrom('canvas_levels').selectAll().where('org_id', '=', orgId).where('canvas_id', '=', canvasId).execute();
}

/** Kind and status of the organization's promises among `ids` (in chunks of 500), by id; unknown ids are absent. */
export async function findPromiseKinds(
  tx: Tx,
  orgId: string,
  ids: string[],
): Promise<Map<string, Pick<PromisesTable, 'id' | 'kind' | 'status'>>> {
  const found = new Map<string, Pick<PromisesTable, 'id' | 'kind' | 'status'>>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await tx
      .selectFrom('promises')
      .select(['id', 'kind', 'status'])
      .where('org_id', '=', orgId)
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

/** Canvases of the organization (of one segment when given) with factor counts and segment names, keyset-paginated. */
export async function pageCanvases(db: Db, orgId: string, query: TPageQuery & { segmentId?: string }) {
  let q = db
    .selectFrom('canvases')
    .selectAll()
    .select((eb) =>
      eb
        .selectFrom('canvas_factors')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('canvas_factors.canvas_id', '=', 'canvases.id')
        .where('canvas_factors.org_id', '=', orgId)
        .as('factor_count'),
    )
    .select((eb) =>
      eb
        .selectFrom('segments')
        .select('segments.name')
        .whereRef('segments.id', '=', 'canvases.segment_id')
        .where('segments.org_id', '=', orgId)
        .as('segment_name'),
    )
    .where('org_id', '=', orgId);
  if (query.segmentId) q = q.where('segment_id', '=', query.segmentId);
  return pageByCreated<CanvasListRow, 'canvases'>(q, 'canvases', query);
}

/** Ids of the canvases drawn for a segment. */
export async function listCanvasIdsOfSegment(tx: Tx, orgId: string, segmentId: string): Promise<string[]> {
  const rows = await tx.selectFrom('canvases').select('id').where('org_id', '=', orgId).where('segment_id', '=', segmentId).execute();
  return rows.map((c) => c.id);
}

export async function insertCanvas(tx: Tx, row: CanvasesTable): Promise<void> {
  await tx.insertInto('canvases').values(row).execute();
}

/** Sets a canvas's name, labels and update time (the first call of a save also takes the row lock on PostgreSQL). */
export async function updateCanvasRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Pick<CanvasesTable, 'name' | 'current_label' | 'target_label'>> & { updated_at: number },
): Promise<void> {
  await tx.updateTable('canvases').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Writes a canvas's competitors, factors and levels (after `deleteCanvasRows(…, keepCanvas)` cleared them). */
export async function insertCanvasContents(
  tx: Tx,
  rows: { competitors: CanvasCompetitorsTable[]; factors: CanvasFactorsTable[]; levels: CanvasLevelsTable[] },
): Promise<void> {
  if (rows.competitors.length) await tx.insertInto('canvas_competitors').values(rows.competitors).execute();
  if (rows.factors.length) {
    await tx.insertInto('canvas_factors').values(rows.factors).execute();
    if (rows.levels.length) await tx.insertInto('canvas_levels').values(rows.levels).execute();
  }
}
