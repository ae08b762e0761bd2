/**
 * The advice process (M5): a decision is taken by someone who holds the right, within the right's
 * spending cap, from at least two options (*optionality*), after the advice asked for is in or its
 * deadline has passed.
 */
import { dayInZone } from './dates.js';

export interface AdviceRequest {
  adviserId: string;
  answeredAt: number | null;
}

export interface DecisionState {
  options: readonly unknown[];
  advice: readonly AdviceRequest[];
  /** The last calendar day (`YYYY-MM-DD`, organization's zone) advice is waited for; null: no deadline. */
  adviceDeadline: string | null;
  deciderHoldsRight: boolean;
  /** Minor units the decision commits; null: no money involved. */
  amount: number | null;
  /** The decider's cap per decision under the right, minor units; null: no cap. */
  deciderCap: number | null;
  decidedAt: number | null;
}

export type DecisionBlock =
  | { code: 'decision_already_taken' }
  | { code: 'too_few_options'; minimum: number }
  | { code: 'decider_lacks_right' }
  | { code: 'above_spending_cap'; cap: number; amount: number }
  | { code: 'advice_pending'; waitingFor: string[]; until: string | null };

export const MIN_OPTIONS = 2;

/** True when the advice deadline (a calendar day in `timeZone`) is over at `now`: from the next day on. */
export function isAdviceOverdue(deadline: string | null, now: number, timeZone: string): boolean {
  return deadline !== null && dayInZone(now, timeZone) > deadline;
}

/**
 * Why the decision cannot be taken at `now`, or null when it can. The order of the checks is the
 * rule: a taken decision stays taken; then optionality, authority, the cap, and last the advice.
 */
export function decisionBlock(state: DecisionState, now: number, timeZone: string): DecisionBlock | null {
  if (state.decidedAt !== null) return { code: 'decision_already_taken' };
  if (state.options.length < MIN_OPTIONS) return { code: 'too_few_options', minimum: MIN_OPTIONS };
  if (!state.deciderHoldsRight) return { code: 'decider_lacks_right' };
  if (state.amount !== null && state.deciderCap !== null && state.amount > state.deciderCap) {
    return { code: 'above_spending_cap', cap: state.deciderCap, amount: state.amount };
  }
  const waitingFor = state.advice.filter((a) => a.answeredAt === null).map((a) => a.adviserId);
  if (waitingFor.length > 0 && !isAdviceOverdue(state.adviceDeadline, now, timeZone)) {
    return { code: 'advice_pending', waitingFor, until: state.adviceDeadline };
  }
  return null;
}

export type DecisionStatus = 'seeking_advice' | 'ready' | 'decided' | 'retired';

/**
 * Where a decision stands in the process: `seeking_advice` while asked advice is unanswered and not
 * overdue, `ready` when it may be taken (by someone holding the right), then `decided`, `retired`.
 */
export function decisionStatus(
  state: Pick<DecisionState, 'advice' | 'adviceDeadline' | 'decidedAt'> & { retiredAt: number | null },
  now: number,
  timeZone: string,
): DecisionStatus {
  if (state.retiredAt !== null) return 'retired';
  if (state.decidedAt !== null) return 'decided';
  const waiting = state.advice.some((a) => a.answeredAt === null);
  return waiting && !isAdviceOverdue(state.adviceDeadline, now, timeZone) ? 'seeking_advice' : 'ready';
}

/**
 * The best cap a decider holds a right with across several grants: no cap beats any cap, a higher
 * cap beats a lower one. Empty list → undefined (the right is not held at all).
 */
export function widestCap(caps: readonly (number | null)[]): number | null | undefined {
  if (caps.length === 0) return undefined;
  if (caps.includes(null)) return null;
  return Math.max(...(caps as number[]));
}
