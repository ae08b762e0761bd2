import { AppError, conflict, fieldError, invalidField, notFound } from '../../core/errors.js';
import type { PbRoundsTable, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import { findClient, segmentsOfClients } from '../clients/client.repository.js';
import type { OrgContext } from '../context.js';
import {
  deleteBallot,
  findRound,
  listBallots,
  listProjectRows,
  listRoundRows,
  phaseOf,
  saveBallot,
  toProject,
  toRoundSummary,
} from './participation.repository.js';
import type { TProject, TRoundResult, TRoundSummary } from './participation.schema.js';

/** The client side of the participatory reserve: eligibility, the budget ballot, what the portal shows. */

/** True when the client may vote in the round: in one of its segments, or any client when it names none. */
export async function isEligible(db: Tx, orgId: string, round: PbRoundsTable, clientId: string): Promise<boolean> {
  const segments = JSON.parse(round.segment_ids) as string[];
  const client = await findClient(db, orgId, clientId);
  if (!client) return false;
  if (segments.length === 0) return true;
  const own = (await segmentsOfClients(db, orgId, [clientId])).get(clientId) ?? [];
  return own.some((id) => segments.includes(id));
}

/**
 * Casts (or replaces) the client's budget ballot: only while the round is open (opensAt ≤ now <
 * closesAt, 409 otherwise), only for an eligible client (403), approved projects of the round costing
 * together at most its budget (422 naming projectIds). One ballot per client, kept by the primary key:
 * a new ballot replaces the old; an empty one withdraws it.
 */
export async function castBudgetBallot(
  ctx: OrgContext,
  roundId: string,
  clientId: string,
  projectIds: string[],
): Promise<{ projectIds: string[] }> {
  return ctx.db.transaction().execute(async (tx) => {
    const round = await findRound(tx, ctx.org.id, roundId);
    if (!round || round.status === 'draft') throw notFound('reserve round', roundId);
    if (phaseOf(round, ctx.now) !== 'voting') throw conflict('closesAt', 'not_open', 'the round is not open for ballots now');
    if (!(await isEligible(tx, ctx.org.id, round, clientId)))
      throw new AppError('forbidden', 'this round is for clients of other segments', [
        fieldError('clientId', 'not_member', 'not eligible', { of: 'segment' }),
      ]);
    const projects = await listProjectRows(tx, ctx.org.id, roundId);
    const chosen = [...new Set(projectIds)];
    const unknown = chosen.filter((id) => !projects.some((p) => p.id === id));
    if (unknown.length)
      throw invalidField('projectIds', 'not_found', `no project ${unknown.join(', ')} in this round`, { entity: 'project' });
    const total = projects.filter((p) => chosen.includes(p.id)).reduce((s, p) => s + Number(p.cost_minor), 0);
    if (total > Number(round.budget_minor))
      throw invalidField(
        'projectIds',
        'over_budget',
        `the projects cost ${total} together, more than the budget of ${Number(round.budget_minor)}`,
        { budget: Number(round.budget_minor), total },
      );
    // Kept in the round's order of projects, so a ballot reads the same however the form sent it.
    const ordered = projects.filter((p) => chosen.includes(p.id)).map((p) => p.id);
    if (ordered.length === 0) await deleteBallot(tx, ctx.org.id, roundId, clientId);
    else await saveBallot(tx, ctx.org.id, roundId, clientId, ordered, ctx.now);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ...(ordered.length ? { action: 'reserve_round.ballot_cast' } : { action: 'reserve_round.ballot_withdrawn' }),
      entityType: 'reserve_round',
      entityId: roundId,
      after: { clientId, projectIds: ordered },
      at: ctx.now,
    });
    return { projectIds: ordered };
  });
}

/** Rounds clients see: every round once opened, newest opening first. */
export async function listClientRounds(ctx: OrgContext): Promise<TRoundSummary[]> {
  const rows = (await listRoundRows(ctx.db, ctx.org.id)).filter((r) => r.status !== 'draft');
  return rows.map((row) => toRoundSummary(row, ctx.org.currency, ctx.now, { ballots: 0, projects: 0 }));
}

export interface ClientRoundView {
  round: TRoundSummary;
  /** Votes are shown once voting has closed; until then every project shows 0. */
  projects: TProject[];
  /** The signed-in client's approved projects, or null without a ballot (or without a client). */
  ballot: string[] | null;
  eligible: boolean;
  /** Both methods' frozen result, once allocated. */
  result: TRoundResult | null;
}

/** A round as the portal shows it to a client (or to anyone when `clientId` is null); null for a draft or unknown round. */
export async function clientRoundView(ctx: OrgContext, roundId: string, clientId: string | null): Promise<ClientRoundView | null> {
  const row = await findRound(ctx.db, ctx.org.id, roundId);
  if (!row || row.status === 'draft') return null;
  const ballots = await listBallots(ctx.db, ctx.org.id, roundId);
  const phase = phaseOf(row, ctx.now);
  const showVotes = phase === 'closed' || phase === 'allocated';
  const votes = new Map<string, number>();
  if (showVotes) for (const b of ballots) for (const id of b.projectIds) votes.set(id, (votes.get(id) ?? 0) + 1);
  const projects = (await listProjectRows(ctx.db, ctx.org.id, roundId)).map((p) => toProject(p, votes.get(p.id) ?? 0));
  const mine = clientId ? (ballots.find((b) => b.clientId === clientId)?.projectIds ?? null) : null;
  return {
    round: toRoundSummary(row, ctx.org.currency, ctx.now, { ballots: showVotes ? ballots.length : 0, projects: projects.length }),
    projects,
    ballot: mine,
    eligible: clientId ? await isEligible(ctx.db, ctx.org.id, row, clientId) : false,
    result: row.result ? (JSON.parse(row.result) as TRoundResult) : null,
  };
}
