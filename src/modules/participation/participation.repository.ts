import type { PbProjectsTable, PbRoundsTable, Tx } from '../../db/schema.js';
import type { TProject, TRoundSummary } from './participation.schema.js';

/** SQL of participatory rounds; every function takes the organization's id. */

export async function findRound(db: Tx, orgId: string, id: string): Promise<PbRoundsTable | undefined> {
  return db.selectFrom('pb_rounds').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function listRoundRows(db: Tx, orgId: string): Promise<PbRoundsTable[]> {
  return db.selectFrom('pb_rounds').selectAll().where('org_id', '=', orgId).orderBy('opens_at', 'desc').orderBy('id').execute();
}

export async function findProject(db: Tx, orgId: string, id: string): Promise<PbProjectsTable | undefined> {
  return db.selectFrom('pb_projects').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function listProjectRows(db: Tx, orgId: string, roundId: string): Promise<PbProjectsTable[]> {
  return db
    .selectFrom('pb_projects')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('round_id', '=', roundId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Every ballot of a round as its client and the project ids it approves, in a stable order. */
export async function listBallots(db: Tx, orgId: string, roundId: string): Promise<{ clientId: string; projectIds: string[] }[]> {
  const rows = await db
    .selectFrom('pb_ballots')
    .select(['client_id', 'project_ids'])
    .where('org_id', '=', orgId)
    .where('round_id', '=', roundId)
    .orderBy('client_id')
    .execute();
  return rows.map((r) => ({ clientId: r.client_id, projectIds: JSON.parse(r.project_ids) as string[] }));
}

/** Ballots and projects per round of the organization. */
export async function countsByRound(db: Tx, orgId: string) {
  const ballots = await db
    .selectFrom('pb_ballots')
    .select(['round_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .groupBy('round_id')
    .execute();
  const projects = await db
    .selectFrom('pb_projects')
    .select(['round_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .groupBy('round_id')
    .execute();
  return {
    ballots: new Map(ballots.map((r) => [r.round_id, Number(r.n)])),
    projects: new Map(projects.map((r) => [r.round_id, Number(r.n)])),
  };
}

/** Where the round stands for voters at `now`. */
export function phaseOf(row: PbRoundsTable, now: number): TRoundSummary['phase'] {
  if (row.status === 'draft') return 'draft';
  if (row.status === 'allocated') return 'allocated';
  if (now < Number(row.opens_at)) return 'upcoming';
  return now < Number(row.closes_at) ? 'voting' : 'closed';
}

export function toRoundSummary(
  row: PbRoundsTable,
  currency: string,
  now: number,
  counts: { ballots: number; projects: number },
): TRoundSummary {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    budgetMinor: Number(row.budget_minor),
    currency,
    method: row.method,
    segmentIds: JSON.parse(row.segment_ids) as string[],
    opensAt: Number(row.opens_at),
    closesAt: Number(row.closes_at),
    status: row.status,
    phase: phaseOf(row, now),
    ballots: counts.ballots,
    projectCount: counts.projects,
    createdAt: Number(row.created_at),
    allocatedAt: row.allocated_at === null ? null : Number(row.allocated_at),
  };
}

export function toProject(row: PbProjectsTable, votes: number): TProject {
  return {
    id: row.id,
    roundId: row.round_id,
    title: row.title,
    description: row.description,
    costMinor: Number(row.cost_minor),
    kind: row.kind,
    teamId: row.team_id,
    status: row.status,
    allocationId: row.allocation_id,
    votes,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export async function insertRoundRow(tx: Tx, row: PbRoundsTable): Promise<void> {
  await tx.insertInto('pb_rounds').values(row).execute();
}

/** Changes a round; with `onlyIfStatus`, only while it has that status. Returns whether a row changed. */
export async function updateRoundRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Omit<PbRoundsTable, 'id' | 'org_id' | 'created_at'>>,
  onlyIfStatus?: PbRoundsTable['status'],
): Promise<boolean> {
  let q = tx.updateTable('pb_rounds').set(set).where('org_id', '=', orgId).where('id', '=', id);
  if (onlyIfStatus) q = q.where('status', '=', onlyIfStatus);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertProjectRow(tx: Tx, row: PbProjectsTable): Promise<void> {
  await tx.insertInto('pb_projects').values(row).execute();
}

export async function updateProjectRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Omit<PbProjectsTable, 'id' | 'org_id' | 'round_id' | 'created_at'>>,
): Promise<void> {
  await tx.updateTable('pb_projects').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function deleteProjectRow(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.deleteFrom('pb_projects').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Stores the client's ballot, replacing the one they cast before (the primary key keeps one per client). */
export async function saveBallot(
  tx: Tx,
  orgId: string,
  roundId: string,
  clientId: string,
  projectIds: string[],
  at: number,
): Promise<void> {
  const json = JSON.stringify(projectIds);
  await tx
    .insertInto('pb_ballots')
    .values({ round_id: roundId, client_id: clientId, org_id: orgId, project_ids: json, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['round_id', 'client_id']).doUpdateSet({ project_ids: json, updated_at: at }))
    .execute();
}

export async function deleteBallot(tx: Tx, orgId: string, roundId: string, clientId: string): Promise<void> {
  await tx.deleteFrom('pb_ballots').where('org_id', '=', orgId).where('round_id', '=', roundId).where('client_id', '=', clientId).execute();
}

/** Which of these ids are segments of the organization. */
export async function listExistingSegmentIds(tx: Tx, orgId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.selectFrom('segments').select('id').where('org_id', '=', orgId).where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}
