import { type FieldError, fieldError } from '../errors.js';
import { allocate } from './allocate.js';

export const OVERHEAD_RULES = ['per_capita', 'hours', 'revenue', 'fixed'] as const;
export type OverheadRuleKind = (typeof OVERHEAD_RULES)[number];

/** How a period's organization-level costs are shared; fixed percentages in basis points (25% = 2,500). */
export type OverheadRule = { kind: Exclude<OverheadRuleKind, 'fixed'> } | { kind: 'fixed'; basisPoints: Record<string, number> };

export interface OverheadTeam {
  id: string;
  /** Order for ties in the remainders (teams: by creation). */
  order: number;
  members: number;
  hoursCenti: number;
  revenueMinor: number;
}

/**
 * Shares `totalMinor` of overhead among the teams by the rule, exact to the kopeck (largest
 * remainder). Per capita, by hours or by revenue share; a basis that is zero for every team falls
 * back to equal parts. Fixed percentages give each team its basis points ÷ 10,000.
 */
export function allocateOverhead(totalMinor: number, teams: readonly OverheadTeam[], rule: OverheadRule): Map<string, number> {
  const weight = (t: OverheadTeam): bigint => {
    if (rule.kind === 'fixed') return BigInt(rule.basisPoints[t.id] ?? 0);
    return BigInt(rule.kind === 'per_capita' ? t.members : rule.kind === 'hours' ? t.hoursCenti : Math.max(t.revenueMinor, 0));
  };
  const parts = allocate(
    totalMinor,
    teams.map((t) => ({ id: t.id, weight: weight(t), order: t.order })),
  );
  return new Map(parts.map((p) => [p.id, p.amount]));
}

/** Why fixed percentages cannot be used, or null: each between 0 and 100%, for known teams, summing to exactly 100%. */
export function checkFixedPercentages(basisPoints: Record<string, number>, teamIds: ReadonlySet<string>): FieldError | null {
  for (const [id, bp] of Object.entries(basisPoints)) {
    if (!teamIds.has(id)) return fieldError(`percentages.${id}`, 'not_found', 'not a team of the organization', { entity: 'team' });
    if (!Number.isInteger(bp) || bp < 0 || bp > 10_000)
      return fieldError(`percentages.${id}`, 'out_of_range', 'a percentage between 0 and 100, at most 2 decimals', {
        minimum: 0,
        maximum: 100,
      });
  }
  const sum = Object.values(basisPoints).reduce((s, n) => s + n, 0);
  return sum === 10_000
    ? null
    : fieldError('percentages', 'sum_mismatch', `the percentages must sum to 100% (they sum to ${sum / 100}%)`, {
        expected: 100,
        actual: sum / 100,
      });
}

/** `checkFixedPercentages` as the field and its message, or null. */
export function fixedPercentagesProblem(
  basisPoints: Record<string, number>,
  teamIds: ReadonlySet<string>,
): { field: string; message: string } | null {
  const problem = checkFixedPercentages(basisPoints, teamIds);
  return problem && { field: problem.path, message: problem.message };
}
