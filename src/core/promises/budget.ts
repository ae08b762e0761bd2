/**
 * What the error budget left means in time (docs/formulas.md): at burn rate b the whole budget of a window
 * W is spent in W / b, so the part of it left (a fraction r of the whole) lasts r × W / b. A budget
 * that is spent (r ≤ 0, a promise at or below its target) lasts no time at all: it is said to be
 * spent, never projected as a positive time however the recent burn rate looks.
 */

export type BudgetOutlook =
  /** Nothing of the budget is left: the promise is at or below its target. */
  | { kind: 'spent' }
  /** Budget is left and nothing burns it (burn rate 0), so no time to exhaustion applies. */
  | { kind: 'steady' }
  /** Budget is left and burns: it runs out in `ms` milliseconds at this rate. */
  | { kind: 'lasts'; ms: number };

/**
 * The outlook of the budget left (`budgetRemaining`, a fraction of the whole, negative when
 * overspent) at `burnRate` (×1 spends the whole budget over the window) for a window of `windowMs`.
 * budgetRemaining ≤ 0 → spent; burnRate ≤ 0 or not a number → steady; else lasts r × W / b ms.
 */
export function budgetOutlook(budgetRemaining: number, burnRate: number, windowMs: number): BudgetOutlook {
  if (!(budgetRemaining > 0)) return { kind: 'spent' };
  if (!(burnRate > 0) || !(windowMs > 0)) return { kind: 'steady' };
  return { kind: 'lasts', ms: (budgetRemaining * windowMs) / burnRate };
}
