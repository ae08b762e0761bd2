/**
 * Clients' influence binds (issue 17): a decision that touches client segments is taken only once
 * each of them was asked — a client poll on the decision that covered the segment and closed with its
 * quorum (and at least one ballot), or advice given by at least one client of the segment — unless
 * the decider records why the clients were not asked. Pure: no I/O, no clock.
 */

/** A client poll on the decision as the rule sees it. */
export interface AskedPoll {
  segmentIds: readonly string[];
  isClosed: boolean;
  /** The fewest ballots for its result to count; null: any number. */
  quorum: number | null;
  ballots: number;
}

/** True when the poll asked its segments: closed, with at least one ballot and its quorum met. */
export function pollAskedClients(poll: AskedPoll): boolean {
  return poll.isClosed && poll.ballots > 0 && (poll.quorum === null || poll.ballots >= poll.quorum);
}

/**
 * The touched segments not asked yet, in the order they are touched: a segment is asked when a poll
 * that covered it asked its clients (`pollAskedClients`) or it is among `advisedSegmentIds` (segments
 * with at least one client's advice). No touched segments → empty.
 */
export function segmentsNotAsked(
  touched: readonly string[],
  polls: readonly AskedPoll[],
  advisedSegmentIds: ReadonlySet<string>,
): string[] {
  const polled = new Set(polls.filter(pollAskedClients).flatMap((p) => p.segmentIds));
  return [...new Set(touched)].filter((id) => !polled.has(id) && !advisedSegmentIds.has(id));
}

export type ClientsAskedBlock = { code: 'clients_not_asked'; segmentIds: string[] };

/**
 * Why the decision cannot be taken for its clients, or null: segments not asked and no reason given
 * (a reason of only spaces is none). The reason to store is returned beside: the given one when
 * segments were not asked, else null (there is nothing to excuse).
 */
export function clientsAskedBlock(
  notAsked: readonly string[],
  reason: string | null | undefined,
): { block: ClientsAskedBlock | null; reasonToStore: string | null } {
  if (notAsked.length === 0) return { block: null, reasonToStore: null };
  const given = reason?.trim() || null;
  if (!given) return { block: { code: 'clients_not_asked', segmentIds: [...notAsked] }, reasonToStore: null };
  return { block: null, reasonToStore: given };
}
