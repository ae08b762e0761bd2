import { AppError, conflict, invalidField, notFound } from '../../core/errors.js';
import { type Ballot, validateBallot } from '../../core/voice/tally.js';
import type { PollsTable } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import { segmentsOfClients } from '../clients/client.repository.js';
import type { OrgContext } from '../context.js';
import { loadDecision } from '../governance/decision.service.js';
import { findBallot, listPollIdsVotedBy, listPollsOpenedBy, touchRunningPoll, upsertBallot } from './poll.repository.js';
import type { TPoll } from './poll.schema.js';
import { describePolls, isEligible, loadPoll, segmentIdsOf } from './poll.service.js';
import { pollStatus } from './poll.tally.js';

/** Client polls as the client portal sees them: the client's own ballot, cast and changed. */

export interface ClientPollView {
  poll: TPoll;
  decision: { title: string; context: string; status: 'open' | 'decided' | 'withdrawn' };
  /** The client's ballot, or null before they vote. */
  ballot: Ballot | null;
}

/**
 * Casts or replaces the client's ballot: only while the poll is open and its decision is open, only
 * for clients of the poll's segments, checked against the poll's kind (422 naming the field). One
 * ballot per client is the primary key's: a second ballot replaces the first, so it counts once
 * however many arrive at once. Returns whether an earlier ballot was replaced.
 */
export async function castPollBallot(ctx: OrgContext, pollId: string, clientId: string, ballot: unknown): Promise<{ replaced: boolean }> {
  return ctx.db.transaction().execute(async (tx) => {
    const poll = await loadPoll(tx, ctx, pollId);
    if (pollStatus(poll, ctx.now) === 'scheduled')
      throw conflict('poll', 'not_open', `voting opens at ${new Date(Number(poll.opens_at)).toISOString()}`, {
        opensAt: new Date(Number(poll.opens_at)).toISOString(),
      });
    // A write on the poll's row: closing it early waits for this ballot, or this ballot sees it closed.
    if (!(await touchRunningPoll(tx, ctx.org.id, poll, ctx.now)))
      throw conflict('poll', 'closed', 'the poll has closed: ballots are no longer taken');
    const decision = await loadDecision(tx, ctx, poll.decision_id);
    if (decision.decided_at !== null || decision.retired_at !== null)
      throw conflict(
        'poll',
        'wrong_status',
        decision.retired_at !== null ? 'the decision was withdrawn' : 'the decision is already taken',
        { status: decision.retired_at !== null ? 'withdrawn' : 'decided' },
      );
    if (!(await isEligible(tx, ctx.org.id, poll, clientId)))
      throw new AppError('forbidden', 'this poll asks the clients of other segments: you are not among them');
    const optionCount = (JSON.parse(decision.options) as unknown[]).length;
    const checked = validateBallot(poll.kind, optionCount, ballot);
    if (checked.problem) throw invalidField(checked.problem.field, checked.problem.code, checked.problem.message, checked.problem.params);
    const before = await findBallot(tx, ctx.org.id, pollId, clientId);
    await upsertBallot(tx, {
      poll_id: pollId,
      client_id: clientId,
      org_id: ctx.org.id,
      ballot: JSON.stringify(checked.ballot),
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    // Who voted is recorded; what they voted stays in the ballot row (the result shows the count).
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: before ? 'poll.ballot_changed' : 'poll.ballot_cast',
      entityType: 'poll',
      entityId: pollId,
      after: { clientId },
      at: ctx.now,
    });
    return { replaced: before !== undefined };
  });
}

/** The segments the client is in. */
async function segmentsOfClient(ctx: OrgContext, clientId: string): Promise<Set<string>> {
  return new Set((await segmentsOfClients(ctx.db, ctx.org.id, [clientId])).get(clientId));
}

/**
 * The polls a client is asked in (one of their segments), as they may see them: open ones first,
 * closing soonest first, then closed ones, last closed first. Polls not yet open are left out.
 */
export async function listClientPolls(ctx: OrgContext, clientId: string): Promise<{ poll: TPoll; hasVoted: boolean }[]> {
  const mine = await segmentsOfClient(ctx, clientId);
  if (mine.size === 0) return [];
  const rows = (await listPollsOpenedBy(ctx.db, ctx.org.id, ctx.now))
    .filter((p) => segmentIdsOf(p).some((id) => mine.has(id)))
    .sort((a, b) => {
      const aOpen = pollStatus(a, ctx.now) === 'open';
      const bOpen = pollStatus(b, ctx.now) === 'open';
      if (aOpen !== bOpen) return aOpen ? -1 : 1;
      const byClose = aOpen ? Number(a.closes_at) - Number(b.closes_at) : Number(b.closes_at) - Number(a.closes_at);
      return byClose || a.id.localeCompare(b.id);
    });
  const voted = new Set(await listPollIdsVotedBy(ctx.db, ctx.org.id, clientId));
  return (await describePolls(ctx.db, ctx, rows, 'client')).map((poll) => ({ poll, hasVoted: voted.has(poll.id) }));
}

/** One poll for a client of its segments (not found for anyone else, and before it opens). */
export async function clientPollView(ctx: OrgContext, pollId: string, clientId: string): Promise<ClientPollView> {
  const row: PollsTable = await loadPoll(ctx.db, ctx, pollId);
  if (pollStatus(row, ctx.now) === 'scheduled' || !(await isEligible(ctx.db, ctx.org.id, row, clientId))) throw notFound('poll', pollId);
  const [poll] = await describePolls(ctx.db, ctx, [row], 'client');
  const decision = await loadDecision(ctx.db, ctx, row.decision_id);
  const mine = await findBallot(ctx.db, ctx.org.id, pollId, clientId);
  return {
    poll: poll as TPoll,
    decision: {
      title: decision.title,
      context: decision.context,
      status: decision.decided_at !== null ? 'decided' : decision.retired_at !== null ? 'withdrawn' : 'open',
    },
    ballot: mine ? (JSON.parse(mine.ballot) as Ballot) : null,
  };
}
