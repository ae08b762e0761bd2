import { type FieldError, fieldError } from '../errors.js';
import { allocate, commonWeights } from './allocate.js';
import { add, type Fraction, frac, mul, PPM } from './fraction.js';

/** The bases a pool can be split on; `mix` weighs several of them. */
export const SPLIT_BASES = ['equal', 'hours', 'salary', 'peer'] as const;
export type SplitBasis = (typeof SPLIT_BASES)[number];
export const SPLIT_RULES = [...SPLIT_BASES, 'mix'] as const;
export type SplitRuleName = (typeof SPLIT_RULES)[number];

/** A team's published rule; a mix's weights are whole parts per million summing to 1,000,000. */
export type SplitRule = { rule: SplitBasis } | { rule: 'mix'; weightsPpm: Partial<Record<SplitBasis, number>> };

export interface SplitMember {
  id: string;
  /** When the member joined the team (epoch ms): the earlier one wins a tie in the remainders. */
  joinedAt: number;
  hoursCenti: number;
  salaryMinor: number;
  /** Peer points received from teammates this period. */
  peerPoints: number;
}

export interface Split {
  shares: { memberId: string; amountMinor: number }[];
  /** Bases with nothing to weigh by (no hours, salaries or points recorded): split equally instead. */
  equalFallbacks: SplitBasis[];
}

const basisValue = (m: SplitMember, basis: SplitBasis): number =>
  basis === 'equal' ? 1 : basis === 'hours' ? m.hoursCenti : basis === 'salary' ? m.salaryMinor : m.peerPoints;

/**
 * Splits `poolMinor` among the members by the rule, exact to the kopeck: each member's exact share is
 * floored and the kopecks left go one by one to the largest remainders, ties to who joined first.
 * Shares are never negative and always add up to the pool. A basis whose values are all zero is
 * split equally and reported in `equalFallbacks`. No members → no shares.
 */
export function splitPool(poolMinor: number, members: readonly SplitMember[], rule: SplitRule): Split {
  const ordered = [...members].sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1));
  const weights: Partial<Record<SplitBasis, number>> = rule.rule === 'mix' ? rule.weightsPpm : { [rule.rule]: PPM };
  const equalFallbacks: SplitBasis[] = [];
  let shares: Fraction[] = ordered.map(() => frac(0));
  for (const basis of SPLIT_BASES) {
    const weight = weights[basis] ?? 0;
    if (weight <= 0 || ordered.length === 0) continue;
    let values = ordered.map((m) => basisValue(m, basis));
    let total = values.reduce((s, v) => s + v, 0);
    if (total === 0) {
      equalFallbacks.push(basis);
      values = ordered.map(() => 1);
      total = ordered.length;
    }
    shares = shares.map((s, i) => add(s, mul(frac(weight, PPM), frac(values[i] as number, total))));
  }
  const claims = commonWeights(shares).map((weight, i) => ({ id: (ordered[i] as SplitMember).id, weight, order: i }));
  return { shares: allocate(poolMinor, claims).map((p) => ({ memberId: p.id, amountMinor: p.amount })), equalFallbacks };
}

/** Why a mix's weights cannot be used (on the field `weights`), or null: each in [0, 1], at least one basis, summing to exactly 1. */
export function checkMixWeights(weightsPpm: Partial<Record<SplitBasis, number>>): FieldError | null {
  const values = Object.values(weightsPpm);
  if (values.length === 0)
    return fieldError('weights', 'too_few', 'give a weight to at least one of equal, hours, salary, peer', { minimum: 1 });
  if (values.some((w) => !Number.isInteger(w) || w < 0 || w > PPM))
    return fieldError('weights', 'out_of_range', 'each weight is between 0 and 1, with at most 6 decimals', { minimum: 0, maximum: 1 });
  const sum = values.reduce((s, w) => s + w, 0);
  return sum === PPM
    ? null
    : fieldError('weights', 'sum_mismatch', `the weights must sum to 1 (they sum to ${sum / PPM})`, { expected: 1, actual: sum / PPM });
}

/** The message of `checkMixWeights`, or null. */
export function mixWeightsProblem(weightsPpm: Partial<Record<SplitBasis, number>>): string | null {
  return checkMixWeights(weightsPpm)?.message ?? null;
}

/** Points a member gives teammates: whole, non-negative, never to self, only to teammates, exactly 100 in all; the first breach, or null. */
export function checkPeerPoints(giverId: string, points: Record<string, number>, teammates: ReadonlySet<string>): FieldError | null {
  for (const [id, n] of Object.entries(points)) {
    if (id === giverId) return fieldError(`points.${id}`, 'self_reference', 'a member gives points to teammates, never to themselves');
    if (!teammates.has(id)) return fieldError(`points.${id}`, 'not_member', 'not a member of this team in the period', { of: 'team' });
    if (!Number.isInteger(n) || n < 0) return fieldError(`points.${id}`, 'not_integer', 'points are whole and not negative');
  }
  const sum = Object.values(points).reduce((s, n) => s + n, 0);
  return sum === 100
    ? null
    : fieldError('points', 'sum_mismatch', `give exactly 100 points in all (these add up to ${sum})`, { expected: 100, actual: sum });
}

/** `checkPeerPoints` as the field and its message, or null. */
export function peerPointsProblem(
  giverId: string,
  points: Record<string, number>,
  teammates: ReadonlySet<string>,
): { field: string; message: string } | null {
  const problem = checkPeerPoints(giverId, points, teammates);
  return problem && { field: problem.path, message: problem.message };
}
