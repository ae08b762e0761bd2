import { type TeamFigures, type TeamLedger, teamFigures } from './figures.js';
import { type Fraction, frac, mul, PPM, roundHalfUp } from './fraction.js';

/**
 * Where a team's pool comes from: a share of its net profit (`profit_share`, the default), or — for
 * an organization of kind `government` with no revenue to speak of — a budgeted bonus fund scaled by
 * the fulfillment index (`budgeted_bonus`), with savings against the budget as the profit line.
 */
export const POOL_MODES = ['profit_share', 'budgeted_bonus'] as const;
export type PoolMode = (typeof POOL_MODES)[number];

/** A team's expense budget and bonus fund for one period, integer minor units. */
export interface TeamBudget {
  budgetMinor: number;
  bonusFundMinor: number;
}

export interface BudgetedTeamFigures extends TeamFigures {
  /** budget − what the team spent net (= budget + net profit); negative when overspent; null without a budget. */
  savingsMinor: number | null;
}

/**
 * The period's figures of one team in the budgeted-bonus mode (docs/formulas.md):
 * savings = budget − (nonLabour + labour + overhead + internalOut − internalIn − revenue) = budget + netProfit;
 * pool = round(bonusFund × fulfillment), rounded half up — 0 when the team overspent its budget
 * (savings < 0), has no budget for the period, or has nobody to pay;
 * withheld = bonusFund − pool; reserve = round(reserveRate × max(savings, 0)) + withheld.
 * Net profit and hourly efficiency are those of `teamFigures`. Without a budget, savings is null.
 */
export function budgetedTeamFigures(
  l: TeamLedger,
  budget: TeamBudget | null,
  reserveRatePpm: number,
  fulfillment: Fraction,
  hasMembers: boolean,
): BudgetedTeamFigures {
  const { netProfitMinor, hourlyEfficiencyMinor } = teamFigures(l, { poolRatePpm: 0, reserveRatePpm: 0 }, fulfillment, hasMembers);
  const savingsMinor = budget ? budget.budgetMinor + netProfitMinor : null;
  const fund = budget?.bonusFundMinor ?? 0;
  const earned = hasMembers && savingsMinor !== null && savingsMinor >= 0;
  const poolMinor = earned ? roundHalfUp(mul(frac(fund), fulfillment)) : 0;
  const withheldMinor = fund - poolMinor;
  return {
    netProfitMinor,
    hourlyEfficiencyMinor,
    savingsMinor,
    poolMinor,
    withheldMinor,
    reserveMinor: roundHalfUp(mul(frac(reserveRatePpm, PPM), frac(Math.max(savingsMinor ?? 0, 0)))) + withheldMinor,
  };
}
