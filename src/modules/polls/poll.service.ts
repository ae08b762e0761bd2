import { AppError, conflict, fieldError, invalidField, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { isQuorumMet } from '../../core/voice/tally.js';
import type { DecisionsTable, PollsTable, Tx } from '../../db/schema.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import { countClientsInSegments, isClientInSegments } from '../clients/client.repository.js';
import type { OrgContext } from '../context.js';
import { listSegmentNamesByIds } from '../discovery/segment.repository.js';
import { requireTeamAuthority } from '../governance/authority.js';
import { listDecisionsByIds } from '../governance/decision.repository.js';
import { loadDecision, lockOpenDecision } from '../governance/decision.service.js';
import { closePollAt, findPoll, insertPoll, listBallotTexts, listPollsOfDecision, touchRunningPoll } from './poll.repository.js';
import type { TCreatePoll, TPoll } from './poll.schema.js';
import { ballotsOf, countPoll, pollStatus, resultCounts } from './poll.tally.js';

type Option = { title: string; description: string };

/** Who reads a poll: staff see the result running; a client sees it once closed when it is hidden. */
export type PollReader = 'staff' | 'client';

/** Segment ids of a poll, from its stored JSON. */
export function segmentIdsOf(poll: Pick<PollsTable, 'segment_ids'>): string[] {
  return JSON.parse(poll.segment_ids) as string[];
}

/** How many distinct clients are in any of the segments. */
export async function countEligible(tx: Tx, orgId: string, segmentIds: string[]): Promise<number> {
  return countClientsInSegments(tx, orgId, segmentIds);
}

/** True when the client is in one of the poll's segments. */
export async function isEligible(tx: Tx, orgId: string, poll: PollsTable, clientId: string): Promise<boolean> {
  return isClientInSegments(tx, orgId, clientId, segmentIdsOf(poll));
}

/** The polls described for `reader`: options from the decision, segments by name, turnout and the result. */
export async function describePolls(tx: Tx, ctx: OrgContext, rows: PollsTable[], reader: PollReader): Promise<TPoll[]> {
  if (rows.length === 0) return [];
  const decisionIds = [...new Set(rows.map((r) => r.decision_id))];
  const decisions = new Map((await listDecisionsByIds(tx, ctx.org.id, decisionIds)).map((d) => [d.id, d] as const));
  const segmentIds = [...new Set(rows.flatMap(segmentIdsOf))];
  const segments = new Map((await listSegmentNamesByIds(tx, ctx.org.id, segmentIds)).map((s) => [s.id, s.name] as const));
  const ballots = await ballotsOf(
    tx,
    ctx.org.id,
    rows.map((r) => r.id),
  );
  const result: TPoll[] = [];
  for (const row of rows) {
    const decision = decisions.get(row.decision_id) as DecisionsTable;
    const options = JSON.parse(decision.options) as Option[];
    const status = pollStatus(row, ctx.now);
    const tally = countPoll(row, options.length, ballots.get(row.id) ?? []);
    const isHidden = reader === 'client' && row.hide_results === 1 && status !== 'closed';
    result.push({
      id: row.id,
      decisionId: row.decision_id,
      decisionTitle: decision.title,
      kind: row.kind,
      question: row.question,
      options: options.map((o, index) => ({ index, title: o.title, description: o.description })),
      segments: segmentIdsOf(row).map((id) => ({ id, name: segments.get(id) ?? '' })),
      opensAt: Number(row.opens_at),
      closesAt: Number(row.closes_at),
      status,
      quorum: row.quorum,
      closedWithoutQuorum: status === 'closed' && !isQuorumMet(row.quorum, tally.ballots),
      hideResults: row.hide_results === 1,
      eligible: await countEligible(tx, ctx.org.id, segmentIdsOf(row)),
      turnout: tally.ballots,
      result: isHidden
        ? null
        : {
            ballots: tally.ballots,
            totals: tally.totals,
            means: tally.means,
            winners: tally.winners,
            isTie: tally.isTie,
            rounds: tally.rounds,
            quorumMet: isQuorumMet(row.quorum, tally.ballots),
            counts: resultCounts(row, tally, ctx.now),
          },
      decision: {
        chosenOption: decision.decided_at === null ? null : decision.chosen_option,
        clientRationale: decision.decided_at === null ? null : decision.client_rationale,
      },
      createdAt: Number(row.created_at),
      createdBy: row.created_by ?? '',
    });
  }
  return result;
}

export async function loadPoll(tx: Tx, ctx: OrgContext, id: string): Promise<PollsTable> {
  const row = await findPoll(tx, ctx.org.id, id);
  if (!row) throw notFound('poll', id);
  return row;
}

async function describeOne(tx: Tx, ctx: OrgContext, id: string, reader: PollReader): Promise<TPoll> {
  const [poll] = await describePolls(tx, ctx, [await loadPoll(tx, ctx, id)], reader);
  return poll as TPoll;
}

/** One poll with its result (staff see it while it runs). */
export async function getPoll(ctx: OrgContext, id: string): Promise<TPoll> {
  return describeOne(ctx.db, ctx, id, 'staff');
}

/** A decision's polls, oldest first. */
export async function listDecisionPolls(ctx: OrgContext, decisionId: string): Promise<TPoll[]> {
  await loadDecision(ctx.db, ctx, decisionId);
  return describePolls(ctx.db, ctx, await listPollsOfDecision(ctx.db, ctx.org.id, decisionId), 'staff');
}

/** Segment ids checked to be the organization's, duplicates collapsed. */
async function checkSegments(tx: Tx, ctx: OrgContext, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const known = new Set((await listSegmentNamesByIds(tx, ctx.org.id, unique)).map((s) => s.id));
  const missing = ids.findIndex((id) => !known.has(id));
  if (missing >= 0)
    throw invalidField(`segmentIds.${missing}`, 'not_found', 'no segment with this id in the organization', { entity: 'segment' });
  return unique;
}

/**
 * Opens a client poll on an open decision: by whoever may change the decision (its team's members,
 * an admin, the council). A time to open already past opens it now; it closes in the future. From
 * then on the decision's options stay as they are (the ballots name them by position).
 */
export async function openPoll(ctx: OrgContext, decisionId: string, input: TCreatePoll): Promise<TPoll> {
  return ctx.db.transaction().execute(async (tx) => {
    const current = await loadDecision(tx, ctx, decisionId);
    await requireTeamAuthority(tx, ctx, current.team_id, 'open client polls on its decisions');
    const decision = await lockOpenDecision(tx, ctx, decisionId);
    const opensAt = Math.max(input.opensAt ?? ctx.now, ctx.now);
    if (input.closesAt <= ctx.now) throw invalidField('closesAt', 'not_in_future', 'must be in the future');
    if (input.closesAt <= opensAt) throw invalidField('closesAt', 'out_of_order', 'must be after opensAt', { after: 'opensAt' });
    const segmentIds = await checkSegments(tx, ctx, input.segmentIds);
    const row: PollsTable = {
      id: newId(),
      org_id: ctx.org.id,
      decision_id: decision.id,
      kind: input.kind,
      question: input.question,
      segment_ids: JSON.stringify(segmentIds),
      opens_at: opensAt,
      closes_at: input.closesAt,
      quorum: input.quorum,
      hide_results: input.hideResults ? 1 : 0,
      created_at: ctx.now,
      created_by: await actorName(tx, ctx),
    };
    await insertPoll(tx, row);
    const poll = await describeOne(tx, ctx, row.id, 'staff');
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'poll.opened',
      entityType: 'poll',
      entityId: row.id,
      after: { ...poll, result: undefined },
      at: ctx.now,
    });
    return poll;
  });
}

/**
 * Closes a poll now, before its time (so a decision waiting for it may be taken); a poll not yet
 * open closes without ballots. Refused (409) when it has closed already, and — so the side that
 * opened it cannot stop a vote going against it — with `poll_quorum_not_reached` once ballots exist
 * and fewer than its quorum (with no ballots, or the quorum reached, it closes).
 */
export async function closePoll(ctx: OrgContext, id: string): Promise<TPoll> {
  return ctx.db.transaction().execute(async (tx) => {
    const poll = await loadPoll(tx, ctx, id);
    const decision = await loadDecision(tx, ctx, poll.decision_id);
    await requireTeamAuthority(tx, ctx, decision.team_id, 'close client polls on its decisions');
    // A write on the poll's row first: a ballot cast meanwhile is counted below, or waits and finds the poll closed.
    if (!(await touchRunningPoll(tx, ctx.org.id, poll, ctx.now))) throw conflict('id', 'closed', 'the poll has closed already');
    const ballots = (await listBallotTexts(tx, ctx.org.id, [id])).get(id)?.length ?? 0;
    if (ballots > 0 && !isQuorumMet(poll.quorum, ballots))
      throw new AppError(
        'poll_quorum_not_reached',
        `the poll has ${ballots} ballots of the ${poll.quorum} its quorum needs: it closes early only once the quorum is reached, else at its time`,
        [fieldError('id', 'too_few', `${ballots} of ${poll.quorum} ballots`, { minimum: poll.quorum ?? 0, ballots })],
      );
    if (!(await closePollAt(tx, ctx.org.id, id, ctx.now, Math.min(Number(poll.opens_at), ctx.now))))
      throw conflict('id', 'closed', 'the poll has closed already');
    const after = await describeOne(tx, ctx, id, 'staff');
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'poll.closed',
      entityType: 'poll',
      entityId: id,
      before: { closesAt: Number(poll.closes_at) },
      after: { closesAt: ctx.now, turnout: after.turnout, winners: after.result?.winners ?? [] },
      at: ctx.now,
    });
    return after;
  });
}
