/**
 * The advice process (M5): a decision is taken by someone who holds the right, from at least two
 * options (*optionality*), after the advice asked for is in or its deadline has passed.
 */

export interface AdviceRequest {
  adviserId: string;
  answeredAt: number | null;
}

export interface DecisionState {
  options: readonly string[];
  advice: readonly AdviceRequest[];
  /** Epoch ms after which unanswered advice no longer holds the decision up; null: no deadline. */
  adviceDeadline: number | null;
  deciderHoldsRight: boolean;
  decidedAt: number | null;
}

export type DecisionBlock =
  | { code: 'decision_already_taken' }
  | { code: 'too_few_options'; minimum: number }
  | { code: 'decider_lacks_right' }
  | { code: 'advice_pending'; waitingFor: string[]; until: number | null };

export const MIN_OPTIONS = 2;

/** Why the decision cannot be taken now, or null when it can. The order of the checks is the rule. */
export function decisionBlock(state: DecisionState, now: number): DecisionBlock | null {
  if (state.decidedAt !== null) return { code: 'decision_already_taken' };
  if (state.options.length < MIN_OPTIONS) return { code: 'too_few_options', minimum: MIN_OPTIONS };
  if (!state.deciderHoldsRight) return { code: 'decider_lacks_right' };
  const waitingFor = state.advice.filter((a) => a.answeredAt === null).map((a) => a.adviserId);
  const overdue = state.adviceDeadline !== null && now > state.adviceDeadline;
  if (waitingFor.length > 0 && !overdue) return { code: 'advice_pending', waitingFor, until: state.adviceDeadline };
  return null;
}
