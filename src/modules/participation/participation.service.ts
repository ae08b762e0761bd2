import { AppError, conflict, invalidField, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { equalSharesAllocation, greedyAllocation } from '../../core/voice/allocation.js';
import type { PbProjectsTable, PbRoundsTable, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { allocateReserveIn, getReserve } from '../economics/reserve.service.js';
import { findTeam } from '../teams/team.repository.js';
import {
  countsByRound,
  deleteProjectRow,
  findProject,
  findRound,
  insertProjectRow,
  insertRoundRow,
  listBallots,
  listExistingSegmentIds,
  listProjectRows,
  listRoundRows,
  toProject,
  toRoundSummary,
  updateProjectRow,
  updateRoundRow,
} from './participation.repository.js';
import type {
  TCreateProject,
  TCreateRound,
  TProject,
  TRound,
  TRoundResult,
  TRoundSummary,
  TUpdateProject,
  TUpdateRound,
} from './participation.schema.js';

/** Staff side of the participatory reserve: rounds, candidate projects, results and allocation. */

function audit(
  tx: Tx,
  ctx: OrgContext,
  entry: { action: string; entityType: 'reserve_round' | 'reserve_project'; entityId: string; before?: unknown; after?: unknown },
) {
  return appendAudit(tx, { orgId: ctx.org.id, actor: ctx.actor, at: ctx.now, ...entry });
}

async function mustRound(tx: Tx, ctx: OrgContext, id: string): Promise<PbRoundsTable> {
  const row = await findRound(tx, ctx.org.id, id);
  if (!row) throw notFound('reserve round', id);
  return row;
}

async function mustProject(tx: Tx, ctx: OrgContext, id: string): Promise<PbProjectsTable> {
  const row = await findProject(tx, ctx.org.id, id);
  if (!row) throw notFound('reserve project', id);
  return row;
}

function mustBeDraft(round: PbRoundsTable): void {
  if (round.status !== 'draft')
    throw conflict('status', 'wrong_status', `the round is ${round.status}: only a draft round and its projects can be changed`, {
      status: round.status,
    });
}

/** Votes per project of the round: ballots approving it. */
function votesOf(ballots: { projectIds: string[] }[]): Map<string, number> {
  const votes = new Map<string, number>();
  for (const b of ballots) for (const id of new Set(b.projectIds)) votes.set(id, (votes.get(id) ?? 0) + 1);
  return votes;
}

async function checkSegments(tx: Tx, orgId: string, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await listExistingSegmentIds(tx, orgId, unique);
  const missing = unique.filter((id) => !found.includes(id));
  if (missing.length)
    throw invalidField('segmentIds', 'not_found', `no segment ${missing.join(', ')} in this organization`, { entity: 'segment' });
}

async function checkTeam(tx: Tx, orgId: string, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const team = await findTeam(tx, orgId, teamId);
  if (!team) throw invalidField('teamId', 'not_found', `no team ${teamId} in this organization`, { entity: 'team' });
}

async function checkBudget(tx: Tx, ctx: OrgContext, budgetMinor: number): Promise<void> {
  const { balanceMinor } = await getReserve({ ...ctx, db: tx as OrgContext['db'] });
  if (budgetMinor > balanceMinor)
    throw invalidField('budgetMinor', 'exceeds_reserve', `more than the reserve holds (${balanceMinor} minor units)`, {
      available: balanceMinor,
    });
}

async function summaryOf(tx: Tx, ctx: OrgContext, row: PbRoundsTable): Promise<TRoundSummary> {
  const counts = await countsByRound(tx, ctx.org.id);
  return toRoundSummary(row, ctx.org.currency, ctx.now, {
    ballots: counts.ballots.get(row.id) ?? 0,
    projects: counts.projects.get(row.id) ?? 0,
  });
}

async function roundOf(tx: Tx, ctx: OrgContext, row: PbRoundsTable): Promise<TRound> {
  const votes = votesOf(await listBallots(tx, ctx.org.id, row.id));
  const projects = (await listProjectRows(tx, ctx.org.id, row.id)).map((p) => toProject(p, votes.get(p.id) ?? 0));
  return { ...(await summaryOf(tx, ctx, row)), projects };
}

export async function listRounds(ctx: OrgContext): Promise<{ items: TRoundSummary[] }> {
  const rows = await listRoundRows(ctx.db, ctx.org.id);
  const counts = await countsByRound(ctx.db, ctx.org.id);
  return {
    items: rows.map((row) =>
      toRoundSummary(row, ctx.org.currency, ctx.now, {
        ballots: counts.ballots.get(row.id) ?? 0,
        projects: counts.projects.get(row.id) ?? 0,
      }),
    ),
  };
}

export async function getRound(ctx: OrgContext, id: string): Promise<TRound> {
  return roundOf(ctx.db, ctx, await mustRound(ctx.db, ctx, id));
}

export async function createRound(ctx: OrgContext, input: TCreateRound): Promise<TRound> {
  return ctx.db.transaction().execute(async (tx) => {
    await checkSegments(tx, ctx.org.id, input.segmentIds);
    await checkBudget(tx, ctx, input.budgetMinor);
    const row: PbRoundsTable = {
      id: newId(),
      org_id: ctx.org.id,
      title: input.title,
      description: input.description,
      budget_minor: input.budgetMinor,
      method: input.method,
      segment_ids: JSON.stringify([...new Set(input.segmentIds)]),
      opens_at: input.opensAt,
      closes_at: input.closesAt,
      status: 'draft',
      result: null,
      allocated_at: null,
      allocated_by: null,
      created_at: ctx.now,
      created_by: ctx.actor.id,
    };
    await insertRoundRow(tx, row);
    await audit(tx, ctx, { action: 'reserve_round.created', entityType: 'reserve_round', entityId: row.id, after: row });
    return roundOf(tx, ctx, row);
  });
}

export async function updateRound(ctx: OrgContext, id: string, input: TUpdateRound): Promise<TRound> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await mustRound(tx, ctx, id);
    mustBeDraft(row);
    const opensAt = input.opensAt ?? Number(row.opens_at);
    const closesAt = input.closesAt ?? Number(row.closes_at);
    if (closesAt <= opensAt) throw invalidField('closesAt', 'out_of_order', 'must be after opensAt', { after: 'opensAt' });
    if (input.segmentIds) await checkSegments(tx, ctx.org.id, input.segmentIds);
    if (input.budgetMinor !== undefined) {
      await checkBudget(tx, ctx, input.budgetMinor);
      const dearest = Math.max(0, ...(await listProjectRows(tx, ctx.org.id, id)).map((p) => Number(p.cost_minor)));
      if (dearest > input.budgetMinor)
        throw invalidField('budgetMinor', 'too_small', `less than a candidate project costs (${dearest} minor units)`, {
          minimum: dearest,
        });
    }
    const set = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.budgetMinor !== undefined && { budget_minor: input.budgetMinor }),
      ...(input.method !== undefined && { method: input.method }),
      ...(input.segmentIds !== undefined && { segment_ids: JSON.stringify([...new Set(input.segmentIds)]) }),
      opens_at: opensAt,
      closes_at: closesAt,
    };
    await updateRoundRow(tx, ctx.org.id, id, set);
    const after = { ...row, ...set };
    await audit(tx, ctx, { action: 'reserve_round.updated', entityType: 'reserve_round', entityId: id, before: row, after: after });
    return roundOf(tx, ctx, after);
  });
}

export async function addProject(ctx: OrgContext, roundId: string, input: TCreateProject): Promise<TProject> {
  return ctx.db.transaction().execute(async (tx) => {
    const round = await mustRound(tx, ctx, roundId);
    mustBeDraft(round);
    await checkTeam(tx, ctx.org.id, input.teamId);
    if (input.costMinor > Number(round.budget_minor))
      throw invalidField('costMinor', 'over_budget', `more than the round's budget (${Number(round.budget_minor)} minor units)`, {
        budget: Number(round.budget_minor),
      });
    const row: PbProjectsTable = {
      id: newId(),
      org_id: ctx.org.id,
      round_id: roundId,
      title: input.title,
      description: input.description,
      cost_minor: input.costMinor,
      kind: input.kind,
      team_id: input.teamId ?? null,
      status: 'candidate',
      allocation_id: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await insertProjectRow(tx, row);
    await audit(tx, ctx, { action: 'reserve_project.created', entityType: 'reserve_project', entityId: row.id, after: row });
    return toProject(row, 0);
  });
}

export async function updateProject(ctx: OrgContext, id: string, input: TUpdateProject): Promise<TProject> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await mustProject(tx, ctx, id);
    const round = await mustRound(tx, ctx, row.round_id);
    mustBeDraft(round);
    await checkTeam(tx, ctx.org.id, input.teamId);
    if (input.costMinor !== undefined && input.costMinor > Number(round.budget_minor))
      throw invalidField('costMinor', 'over_budget', `more than the round's budget (${Number(round.budget_minor)} minor units)`, {
        budget: Number(round.budget_minor),
      });
    const set = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.costMinor !== undefined && { cost_minor: input.costMinor }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.teamId !== undefined && { team_id: input.teamId }),
      updated_at: ctx.now,
    };
    await updateProjectRow(tx, ctx.org.id, id, set);
    const after = { ...row, ...set };
    await audit(tx, ctx, { action: 'reserve_project.updated', entityType: 'reserve_project', entityId: id, before: row, after: after });
    return toProject(after, 0);
  });
}

export async function deleteProject(ctx: OrgContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await mustProject(tx, ctx, id);
    mustBeDraft(await mustRound(tx, ctx, row.round_id));
    await deleteProjectRow(tx, ctx.org.id, id);
    await audit(tx, ctx, { action: 'reserve_project.deleted', entityType: 'reserve_project', entityId: id, before: row });
  });
}

/** Opens a draft round for ballots (between its dates): it needs a project, a closing date ahead, and a reserve that holds its budget. */
export async function openRound(ctx: OrgContext, id: string): Promise<TRound> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await mustRound(tx, ctx, id);
    mustBeDraft(row);
    if ((await listProjectRows(tx, ctx.org.id, id)).length === 0)
      throw invalidField('projects', 'too_few', 'add at least one candidate project first', { minimum: 1 });
    if (Number(row.closes_at) <= ctx.now)
      throw invalidField('closesAt', 'not_in_future', 'the round would already be closed: move closesAt ahead');
    await checkBudget(tx, ctx, Number(row.budget_minor));
    const updated = await updateRoundRow(tx, ctx.org.id, id, { status: 'open' }, 'draft');
    if (!updated) throw conflict('status', 'wrong_status', 'the round is already open', { status: 'open' });
    const after = { ...row, status: 'open' as const };
    await audit(tx, ctx, { action: 'reserve_round.opened', entityType: 'reserve_round', entityId: id, before: row, after: after });
    return roundOf(tx, ctx, after);
  });
}

/** Both methods over the round's ballots as they stand (or as frozen when it was allocated). */
async function computeResult(tx: Tx, ctx: OrgContext, row: PbRoundsTable): Promise<TRoundResult> {
  const projects = await listProjectRows(tx, ctx.org.id, row.id);
  const ballots = (await listBallots(tx, ctx.org.id, row.id)).map((b) => b.projectIds);
  const budget = Number(row.budget_minor);
  const candidates = projects.map((p) => ({ id: p.id, cost: Number(p.cost_minor) }));
  const greedy = greedyAllocation(budget, candidates, ballots);
  const mes = equalSharesAllocation(budget, candidates, ballots);
  return {
    roundId: row.id,
    method: row.method,
    budgetMinor: budget,
    currency: ctx.org.currency,
    voters: ballots.length,
    projects: projects.map((p) => ({ id: p.id, title: p.title, costMinor: Number(p.cost_minor), votes: greedy.votes[p.id] ?? 0 })),
    greedy: { funded: greedy.funded, spentMinor: greedy.spent, leftMinor: greedy.left },
    mes: {
      funded: mes.funded,
      byRule: mes.byRule,
      completion: mes.completion,
      spentMinor: mes.spent,
      leftMinor: mes.left,
      voterShareMinor: mes.voterShare,
      rhoMinor: mes.rho,
    },
    frozen: false,
    allocatedAt: null,
  };
}

/** The result by both methods, for comparison; frozen once the round is allocated. */
export async function roundResult(ctx: OrgContext, id: string): Promise<TRoundResult> {
  const row = await mustRound(ctx.db, ctx, id);
  if (row.result) return JSON.parse(row.result) as TRoundResult;
  return computeResult(ctx.db, ctx, row);
}

/**
 * Allocates a closed round: freezes both methods' result, marks projects funded or not by the
 * round's method, and moves each funded project's cost out of the reserve (409 naming budgetMinor
 * when the reserve no longer holds it). Once only: a second call is 409.
 */
export async function allocateRound(ctx: OrgContext, id: string): Promise<TRoundResult> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await mustRound(tx, ctx, id);
    if (row.status === 'allocated') throw conflict('status', 'wrong_status', 'the round is already allocated', { status: 'allocated' });
    if (row.status === 'draft') throw conflict('status', 'wrong_status', 'the round was never opened for ballots', { status: 'draft' });
    if (ctx.now < Number(row.closes_at)) throw conflict('closesAt', 'not_closed', 'voting has not closed yet');
    // The status changes first, conditionally: of two concurrent allocations, one finds nothing to change.
    const claimed = await updateRoundRow(
      tx,
      ctx.org.id,
      id,
      { status: 'allocated', allocated_at: ctx.now, allocated_by: ctx.actor.id },
      'open',
    );
    if (!claimed) throw conflict('status', 'wrong_status', 'the round is already allocated', { status: 'allocated' });
    const result: TRoundResult = { ...(await computeResult(tx, ctx, row)), frozen: true, allocatedAt: ctx.now };
    const funded = new Set(row.method === 'mes' ? result.mes.funded : result.greedy.funded);
    for (const project of await listProjectRows(tx, ctx.org.id, id)) {
      let allocationId: string | null = null;
      if (funded.has(project.id)) {
        try {
          allocationId = await allocateReserveIn(tx, ctx, {
            amountMinor: Number(project.cost_minor),
            purpose: `${row.title}: ${project.title}`.slice(0, 500),
          });
        } catch (error) {
          if (error instanceof AppError && error.fields.some((f) => f.path === 'amountMinor'))
            throw conflict(
              'budgetMinor',
              'exceeds_reserve',
              `the reserve no longer holds what the funded projects cost (${error.fields[0]?.message})`,
            );
          throw error;
        }
      }
      await updateProjectRow(tx, ctx.org.id, project.id, {
        status: allocationId ? 'funded' : 'not_funded',
        allocation_id: allocationId,
        updated_at: ctx.now,
      });
    }
    await updateRoundRow(tx, ctx.org.id, id, { result: JSON.stringify(result) });
    await audit(tx, ctx, {
      action: 'reserve_round.allocated',
      entityType: 'reserve_round',
      entityId: id,
      before: { status: row.status },
      after: { status: 'allocated', result },
    });
    return result;
  });
}

/** Tracks a funded project's work: in progress, done (either way, as work goes). */
export async function setProjectStatus(ctx: OrgContext, id: string, status: 'in_progress' | 'done'): Promise<TProject> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await mustProject(tx, ctx, id);
    if (row.status !== 'funded' && row.status !== 'in_progress' && row.status !== 'done')
      throw conflict('status', 'wrong_status', `the project is ${row.status}: only a funded project is tracked`, { status: row.status });
    await updateProjectRow(tx, ctx.org.id, id, { status, updated_at: ctx.now });
    const after = { ...row, status, updated_at: ctx.now };
    await audit(tx, ctx, {
      action: 'reserve_project.status_changed',
      entityType: 'reserve_project',
      entityId: id,
      before: { status: row.status },
      after: { status },
    });
    const votes = votesOf(await listBallots(tx, ctx.org.id, row.round_id)).get(id) ?? 0;
    return toProject(after, votes);
  });
}
