import { AppError, conflict, fieldError, invalidField } from '../../core/errors.js';
import type { AskedPoll } from '../../core/governance/clients-asked.js';
import { type Ballot, isAgainstClients, isQuorumMet, type PollKind, type PollResult, tallyPoll } from '../../core/voice/tally.js';
import type { PollsTable, Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { findDecision } from '../governance/decision.repository.js';
import { loadVoiceSettings } from '../proposals/voice-settings.js';
import { hasPollOnDecision, listBallotTexts, listPollsOfDecision } from './poll.repository.js';

/**
 * Counting a decision's polls. The decide path (governance) asks through its `DECISION_POLLS` port,
 * which `poll.subscriptions.ts` answers with `hasPolls` and `clientVerdict`: governance never imports polls.
 */

export type PollStatus = 'scheduled' | 'open' | 'closed';

/** Where a poll stands at `now`: before it opens, while it is open, after it has closed. */
export function pollStatus(poll: Pick<PollsTable, 'opens_at' | 'closes_at'>, now: number): PollStatus {
  if (now < Number(poll.opens_at)) return 'scheduled';
  return now < Number(poll.closes_at) ? 'open' : 'closed';
}

/** Ballots of the polls, parsed, by poll id. */
export async function ballotsOf(tx: Tx, orgId: string, pollIds: string[]): Promise<Map<string, Ballot[]>> {
  const texts = await listBallotTexts(tx, orgId, pollIds);
  return new Map([...texts].map(([pollId, ballots]) => [pollId, ballots.map((text) => JSON.parse(text) as Ballot)]));
}

/** A poll counted on `optionCount` options. */
export function countPoll(poll: PollsTable, optionCount: number, ballots: Ballot[]): PollResult {
  return tallyPoll(poll.kind as PollKind, optionCount, ballots);
}

/**
 * What the decide path owes the clients' polls on a decision, checked inside its transaction:
 * - a poll not yet closed holds the decision (409 conflict naming `polls`): deciding while clients
 *   still vote would make their vote a formality; the poll may be closed early instead;
 * - when a closed poll counts (quorum met, a winner) and `chosen` is not among its winners, a
 *   `clientRationale` is required (422 naming it) — or, when the organization made polls binding
 *   under the decision's right (voice settings `bindingPollRightIds`), the choice is refused with
 *   409 `clients_decided`: no rationale outweighs the clients then.
 * Returns the client rationale to store: the one given when the decision has polls, else null.
 */
export async function clientVerdict(
  tx: Tx,
  ctx: OrgContext,
  decisionId: string,
  options: readonly { title: string }[],
  chosen: number,
  clientRationale: string | null | undefined,
): Promise<string | null> {
  const polls = await listPollsOfDecision(tx, ctx.org.id, decisionId);
  const pending = polls.find((p) => pollStatus(p, ctx.now) !== 'closed');
  if (pending) {
    throw conflict(
      'polls',
      'not_closed',
      `the clients' poll "${pending.question}" runs until ${new Date(Number(pending.closes_at)).toISOString()}: decide once it has closed, or close it early`,
    );
  }
  const ballots = await ballotsOf(
    tx,
    ctx.org.id,
    polls.map((p) => p.id),
  );
  const winners = new Set<number>();
  for (const poll of polls) {
    const result = countPoll(poll, options.length, ballots.get(poll.id) ?? []);
    if (isAgainstClients(result, poll.quorum, chosen)) for (const w of result.winners) winners.add(w);
  }
  const given = clientRationale?.trim() || null;
  const titles = [...winners].map((w) => `"${options[w]?.title ?? w}"`).join(' or ');
  if (winners.size > 0 && (await isBinding(tx, ctx.org.id, decisionId))) {
    throw new AppError(
      'clients_decided',
      `the clients chose ${titles}, and their poll binds decisions under this right: choose what they chose`,
      [fieldError('chosenOption', 'not_allowed', `choose ${titles}`, { options: [...winners].sort((a, b) => a - b) })],
    );
  }
  if (winners.size > 0 && !given) {
    throw invalidField(
      'clientRationale',
      'required',
      `the clients chose ${titles}: say why the decision goes against them (it is published with the result)`,
    );
  }
  // Without a poll there is no result to publish a reason beside.
  return polls.length > 0 ? given : null;
}

/** True when the organization made client polls binding under the decision's right. */
async function isBinding(tx: Tx, orgId: string, decisionId: string): Promise<boolean> {
  const decision = await findDecision(tx, orgId, decisionId);
  if (!decision) return false;
  return (await loadVoiceSettings(tx, orgId)).bindingPollRightIds.includes(decision.right_id);
}

/** The decision's polls as the clients-asked rule sees them: segments, whether closed at `now`, quorum and ballots. */
export async function askedPolls(tx: Tx, orgId: string, decisionId: string, now: number): Promise<AskedPoll[]> {
  const polls = await listPollsOfDecision(tx, orgId, decisionId);
  const ballots = await listBallotTexts(
    tx,
    orgId,
    polls.map((p) => p.id),
  );
  return polls.map((p) => ({
    segmentIds: JSON.parse(p.segment_ids) as string[],
    isClosed: pollStatus(p, now) === 'closed',
    quorum: p.quorum,
    ballots: ballots.get(p.id)?.length ?? 0,
  }));
}

/** True when the poll's result counts for the decision: closed, quorum met, and a winner. */
export function resultCounts(poll: PollsTable, result: PollResult, now: number): boolean {
  return pollStatus(poll, now) === 'closed' && isQuorumMet(poll.quorum, result.ballots) && result.winners.length > 0;
}

/** True when clients are polled on the decision: its options then stay as they are (ballots name them by place). */
export async function hasPolls(tx: Tx, orgId: string, decisionId: string): Promise<boolean> {
  return hasPollOnDecision(tx, orgId, decisionId);
}
