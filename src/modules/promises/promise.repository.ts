import { notFound } from '../../core/errors.js';
import type { PromisesTable, PromiseVersionsTable, Tx } from '../../db/schema.js';
import type { TMetric, TPromise, TRedress, TVersion, TWindow } from './promise.schema.js';

export const parseIds = (json: string): string[] => JSON.parse(json) as string[];

export const toVersion = (row: PromiseVersionsTable): TVersion => ({
  version: row.version,
  statement: row.statement,
  metric: JSON.parse(row.metric) as TMetric,
  target: row.target,
  window: JSON.parse(row.time_window) as TWindow,
  promiserTeamId: row.promiser_team_id,
  redress: row.redress === null ? null : (JSON.parse(row.redress) as TRedress),
  reason: row.reason,
  effectiveFrom: row.effective_from,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export async function loadPromise(tx: Tx, orgId: string, id: string): Promise<PromisesTable> {
  const row = await tx.selectFrom('promises').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('promise', id);
  return row;
}

/** Every version of a promise, oldest first. */
export async function loadVersions(tx: Tx, orgId: string, promiseId: string): Promise<PromiseVersionsTable[]> {
  return tx
    .selectFrom('promise_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('promise_id', '=', promiseId)
    .orderBy('version')
    .execute();
}

/** Promises as the API shows them, with names of their teams and segment and the terms in force. */
export async function describePromises(tx: Tx, orgId: string, rows: PromisesTable[]): Promise<TPromise[]> {
  if (rows.length === 0) return [];
  const teams = new Map(
    (await tx.selectFrom('teams').select(['id', 'name']).where('org_id', '=', orgId).execute()).map((t) => [t.id, t.name]),
  );
  const segments = new Map(
    (await tx.selectFrom('segments').select(['id', 'name']).where('org_id', '=', orgId).execute()).map((s) => [s.id, s.name]),
  );
  const versions = new Map<string, PromiseVersionsTable>();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const current = await tx
      .selectFrom('promise_versions')
      .selectAll()
      .where('org_id', '=', orgId)
      .where(
        'promise_id',
        'in',
        chunk.map((r) => r.id),
      )
      .execute();
    for (const v of current) {
      const row = chunk.find((r) => r.id === v.promise_id);
      if (row && v.version === row.current_version) versions.set(v.promise_id, v);
    }
  }
  return rows.map((row) => {
    const version = versions.get(row.id) as PromiseVersionsTable;
    return {
      id: row.id,
      title: row.title,
      kind: row.kind,
      status: row.status,
      promiserTeam: { id: row.promiser_team_id, name: teams.get(row.promiser_team_id) ?? '' },
      promiseeSegment: row.promisee_segment_id ? { id: row.promisee_segment_id, name: segments.get(row.promisee_segment_id) ?? '' } : null,
      promiseeTeam: row.promisee_team_id ? { id: row.promisee_team_id, name: teams.get(row.promisee_team_id) ?? '' } : null,
      supportsPromiseId: row.supports_promise_id,
      painIds: parseIds(row.pain_ids),
      requiredCapabilityIds: parseIds(row.required_capability_ids),
      requiredRightIds: parseIds(row.required_right_ids),
      terms: toVersion(version),
      unbacked: row.unbacked === null ? null : (JSON.parse(row.unbacked) as TPromise['unbacked']),
      backingWaiver:
        row.backing_waiver_reason === null
          ? null
          : { reason: row.backing_waiver_reason, by: row.backing_waived_by ?? '', at: row.backing_waived_at ?? row.updated_at },
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      publishedAt: row.published_at,
      retiredAt: row.retired_at,
    };
  });
}

/** A promise of the organization, or undefined. */
export async function findPromise(tx: Tx, orgId: string, id: string): Promise<PromisesTable | undefined> {
  return tx.selectFrom('promises').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Every version of each of the promises, oldest first, by promise id (in chunks of 500 ids). */
export async function loadVersionsOf(tx: Tx, orgId: string, promiseIds: readonly string[]): Promise<Map<string, PromiseVersionsTable[]>> {
  const byPromise = new Map<string, PromiseVersionsTable[]>(promiseIds.map((id) => [id, []]));
  for (let i = 0; i < promiseIds.length; i += 500) {
    const rows = await tx
      .selectFrom('promise_versions')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('promise_id', 'in', promiseIds.slice(i, i + 500))
      .orderBy('promise_id')
      .orderBy('version')
      .execute();
    for (const row of rows) byPromise.get(row.promise_id)?.push(row);
  }
  return byPromise;
}

/** Sets the fine bucket size the promise's counters are kept at. */
export async function setFineBucketMs(tx: Tx, orgId: string, promiseId: string, fineMs: number): Promise<void> {
  await tx.updateTable('promises').set({ fine_bucket_ms: fineMs }).where('org_id', '=', orgId).where('id', '=', promiseId).execute();
}

/** Stores a new promise. */
export async function insertPromiseRow(tx: Tx, row: PromisesTable): Promise<void> {
  await tx.insertInto('promises').values(row).execute();
}

/** Stores a version of a promise's terms. */
export async function insertVersionRow(tx: Tx, row: PromiseVersionsTable): Promise<void> {
  await tx.insertInto('promise_versions').values(row).execute();
}

/** Changes a promise's own columns (not its versioned terms). */
export async function updatePromiseRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Omit<PromisesTable, 'id' | 'org_id' | 'created_at'>>,
): Promise<void> {
  await tx.updateTable('promises').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}
