import { AppError, conflict, invalidField, notFound } from '../../core/errors.js';
import { type Ballot, validateBallot } from '../../core/voice/tally.js';
import type { PollsTable } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
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
      throw conflict('poll', 'not_open', `voting opens at ${new Date(Number(poll.opens_at)).toISOString()}`, { opensAt: new Date(Number(poll.opens_at)).toISOString() });
    // A write on the poll's row: closing it early waits for this ballot, or this ballot sees it closed.
    const open = await tx
      .updateTable('polls')
      .set({ closes_at: poll.closes_at })
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', pollId)
      .where('closes_at', '>', ctx.now)
      .executeTakeFirst();
    if (Number(open.numUpdatedRows) === 0) throw conflict('poll', 'closed', 'the poll has closed: ballots are no longer taken');
    const decision = await tx
      .selectFrom('decisions')
      .select(['options', 'decided_at', 'retired_at'])
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', poll.decision_id)
      .executeTakeFirstOrThrow();
    if (decision.decided_at !== null || decision.retired_at !== null)
      throw conflict('poll', 'wrong_status', decision.retired_at !== null ? 'the decision was withdrawn' : 'the decision is already taken', { status: decision.retired_at !== null ? 'withdrawn' : 'decided' });
    if (!(await isEligible(tx, ctx.org.id, poll, clientId)))
      throw new AppError('forbidden', 'this poll asks the clients of other segments: you are not among them');
    const optionCount = (JSON.parse(decision.options) as unknown[]).length;
    const checked = validateBallot(poll.kind, optionCount, ballot);
    if (checked.problem) throw invalidField(checked.problem.field, checked.problem.code, checked.problem.message, checked.problem.params);
    const before = await tx
      .selectFrom('poll_ballots')
      .select('created_at')
      .where('org_id', '=', ctx.org.id)
      .where('poll_id', '=', pollId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    const text = JSON.stringify(checked.ballot);
    await tx
      .insertInto('poll_ballots')
      .values({ poll_id: pollId, client_id: clientId, org_id: ctx.org.id, ballot: text, created_at: ctx.now, updated_at: ctx.now })
      .onConflict((oc) => oc.columns(['poll_id', 'client_id']).doUpdateSet({ ballot: text, updated_at: ctx.now }))
      .execute();
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
  const rows = await ctx.db
    .selectFrom('client_segments')
    .select('segment_id')
    .where('org_id', '=', ctx.org.id)
    .where('client_id', '=', clientId)
    .execute();
  return new Set(rows.map((r) => r.segment_id));
}

/**
 * The polls a client is asked in (one of their segments), as they may see them: open ones first,
 * closing soonest first, then closed ones, last closed first. Polls not yet open are left out.
 */
export async function listClientPolls(ctx: OrgContext, clientId: string): Promise<{ poll: TPoll; hasVoted: boolean }[]> {
  const mine = await segmentsOfClient(ctx, clientId);
  if (mine.size === 0) return [];
  const rows = (await ctx.db.selectFrom('polls').selectAll().where('org_id', '=', ctx.org.id).where('opens_at', '<=', ctx.now).execute())
    .filter((p) => segmentIdsOf(p).some((id) => mine.has(id)))
    .sort((a, b) => {
      const aOpen = pollStatus(a, ctx.now) === 'open';
      const bOpen = pollStatus(b, ctx.now) === 'open';
      if (aOpen !== bOpen) return aOpen ? -1 : 1;
      const byClose = aOpen ? Number(a.closes_at) - Number(b.closes_at) : Number(b.closes_at) - Number(a.closes_at);
      return byClose || a.id.localeCompare(b.id);
    });
  const voted = new Set(
    (
      await ctx.db.selectFrom('poll_ballots').select('poll_id').where('org_id', '=', ctx.org.id).where('client_id', '=', clientId).execute()
    ).map((r) => r.poll_id),
  );
  return (await describePolls(ctx.db, ctx, rows, 'client')).map((poll) => ({ poll, hasVoted: voted.has(poll.id) }));
}

/** One poll for a client of its segments (not found for anyone else, and before it opens). */
export async function clientPollView(ctx: OrgContext, pollId: string, clientId: string): Promise<ClientPollView> {
  const row: PollsTable = await loadPoll(ctx.db, ctx, pollId);
  if (pollStatus(row, ctx.now) === 'scheduled' || !(await isEligible(ctx.db, ctx.org.id, row, clientId))) throw notFound('poll', pollId);
  const [poll] = await describePolls(ctx.db, ctx, [row], 'client');
  const decision = await ctx.db
    .selectFrom('decisions')
    .select(['title', 'context', 'decided_at', 'retired_at'])
    .where('org_id', '=', ctx.org.id)
    .where('id', '=', row.decision_id)
    .executeTakeFirstOrThrow();
  const mine = await ctx.db
    .selectFrom('poll_ballots')
    .select('ballot')
    .where('org_id', '=', ctx.org.id)
    .where('poll_id', '=', pollId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
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
