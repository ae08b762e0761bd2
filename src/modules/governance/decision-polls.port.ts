import type { AskedPoll } from '../../core/governance/clients-asked.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { definePort } from '../events.js';

/**
 * What deciding needs to know of the clients' polls on a decision. Governance asks; the polls
 * module, which depends on governance, answers (`polls/poll.subscriptions.ts`).
 */
export interface DecisionPolls {
  /** True when clients are polled on the decision: its options then stay as they are. */
  hasPolls(tx: Tx, orgId: string, decisionId: string): Promise<boolean>;
  /**
   * Checks the polls inside the decide transaction: an open poll holds the decision (409 naming
   * `polls`); choosing against a counted result needs a `clientRationale` (422). Returns the client
   * rationale to store (null when the decision has no poll).
   */
  clientVerdict(
    tx: Tx,
    ctx: OrgContext,
    decisionId: string,
    options: readonly { title: string }[],
    chosen: number,
    clientRationale: string | null | undefined,
  ): Promise<string | null>;
  /** The decision's client polls as the clients-asked rule sees them (segments, closed, quorum, ballots) at `now`. */
  askedPolls(tx: Tx, orgId: string, decisionId: string, now: number): Promise<AskedPoll[]>;
}

export const DECISION_POLLS = definePort<DecisionPolls>('governance.decision-polls');
