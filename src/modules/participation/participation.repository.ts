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
