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
      promiserTeam: row.promiser_team_id === null ? null : { id: row.promiser_team_id, name: teams.get(row.promiser_team_id) ?? '' },
      isIntention: row.promiser_team_id === null && row.status === 'draft',
      overrides: JSON.parse(row.overrides ?? '[]') as TPromise['overrides'],
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
      demandForecastPerWeek: row.demand_forecast_per_week ?? null,
      overCapacity: row.over_capacity ? (JSON.parse(row.over_capacity) as TPromise['overCapacity']) : null,
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

/** The organization's promises by status, kind, promiser team or promisee segment; oldest first. */
export async function listPromiseRows(
  tx: Tx,
  orgId: string,
  filter: {
    status?: PromisesTable['status'];
    kind?: PromisesTable['kind'];
    teamId?: string;
    segmentId?: string;
    intention?: 'true' | 'false';
  },
): Promise<PromisesTable[]> {
  let q = tx.selectFrom('promises').selectAll().where('org_id', '=', orgId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.teamId) q = q.where('promiser_team_id', '=', filter.teamId);
  if (filter.segmentId) q = q.where('promisee_segment_id', '=', filter.segmentId);
  if (filter.intention === 'true') q = q.where('promiser_team_id', 'is', null).where('status', '=', 'draft');
  if (filter.intention === 'false') q = q.where('promiser_team_id', 'is not', null);
  return q.orderBy('created_at').orderBy('id').execute();
}

/** Stores a new promise. */
export async function insertPromiseRow(tx: Tx, row: PromisesTable): Promise<void> {
  await tx.insertInto('promises').values(row).execute();
}

/** Stores a version of a promise's terms. */
export async function insertVersionRow(tx: Tx, row: PromiseVersionsTable): Promise<void> {
  await tx.insertInto('promise_versions').values(row).execute();
}

/** Changes a promise's own columns (not its versioned terms); with `onlyIf`, only while it has that status. */
export async function updatePromiseRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Omit<PromisesTable, 'id' | 'org_id' | 'created_at'>>,
  onlyIf?: { status: PromisesTable['status'] },
): Promise<void> {
  let q = tx.updateTable('promises').set(set).where('org_id', '=', orgId).where('id', '=', id);
  if (onlyIf) q = q.where('status', '=', onlyIf.status);
  await q.execute();
}

/** Edits the terms of a draft's one version in place. */
export async function updateFirstVersionTerms(
  tx: Tx,
  orgId: string,
  promiseId: string,
  set: Partial<Pick<PromiseVersionsTable, 'statement' | 'metric' | 'target' | 'time_window' | 'redress' | 'promiser_team_id'>>,
): Promise<void> {
  await tx
    .updateTable('promise_versions')
    .set(set)
    .where('org_id', '=', orgId)
    .where('promise_id', '=', promiseId)
    .where('version', '=', 1)
    .execute();
}

/** The published promises of the organization, with what their backing is checked against. */
export async function listPublishedBacking(tx: Tx, orgId: string) {
  return tx
    .selectFrom('promises')
    .select(['id', 'title', 'promiser_team_id', 'required_capability_ids', 'required_right_ids', 'unbacked'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'published')
    .where('promiser_team_id', 'is not', null)
    .$narrowType<{ promiser_team_id: string }>()
    .execute();
}

/** Every promise of the organization with its promiser team's name, for drawing the tree of promises. */
export async function listPromisesWithTeams(tx: Tx, orgId: string) {
  return tx
    .selectFrom('promises')
    .innerJoin('teams', 'teams.id', 'promises.promiser_team_id')
    .select([
      'promises.id',
      'promises.title',
      'promises.kind',
      'promises.status',
      'promises.supports_promise_id',
      'teams.id as team_id',
      'teams.name as team',
    ])
    .where('promises.org_id', '=', orgId)
    .execute();
}
