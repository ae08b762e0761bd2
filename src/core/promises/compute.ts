/**
 * Fulfillment of a promise (the SRE error-budget model, OpenSLO "Occurrences"; docs/formulas.md):
 * attainment, error budget, burn rates and the multiwindow, multi-burn-rate alerts, from counts.
 * Fractions are computed on integers (target in parts per million) so that worked examples come out
 * exact: 1,000 bad of 100,000 at 99% consumes exactly the whole budget.
 */
import { isoDuration } from './window.js';

export interface Counts {
  good: number;
  total: number;
}

export type Severity = 'page' | 'ticket';
export type PromiseStatus = 'kept' | 'at_risk' | 'broken' | 'no_data';

/** The table of look-back windows and burn-rate thresholds (docs/formulas.md): for W = 30 days exactly the SRE workbook's windows. */
export const ALERT_ROWS: readonly { severity: Severity; budgetSpent: number; longDivisor: number; threshold: number }[] = [
  { severity: 'page', budgetSpent: 0.02, longDivisor: 720, threshold: 14.4 },
  { severity: 'page', budgetSpent: 0.05, longDivisor: 120, threshold: 6 },
  { severity: 'ticket', budgetSpent: 0.1, longDivisor: 30, threshold: 3 },
  { severity: 'ticket', budgetSpent: 0.1, longDivisor: 10, threshold: 1 },
];
export const SHORT_DIVISOR = 12;
const PPM = 1_000_000;

/** The alert rows scaled to a window of `lengthMs`: long = W / divisor, short = long / 12. */
export function alertWindows(lengthMs: number) {
  return ALERT_ROWS.map((row) => {
    const longMs = Math.round(lengthMs / row.longDivisor);
    return { ...row, longMs, shortMs: Math.round(longMs / SHORT_DIVISOR) };
  });
}

/** Every look-back the alerts need, ascending and without repeats. */
export function lookbacks(lengthMs: number): number[] {
  return [...new Set(alertWindows(lengthMs).flatMap((r) => [r.longMs, r.shortMs]))].sort((a, b) => a - b);
}

/** Target as whole parts per million (0.95 → 950,000), the unit every fraction below is taken in. */
export function targetPpm(target: number): number {
  return Math.round(target * PPM);
}

/** burnRate(L) = (bad_L / total_L) / (1 − target); 0 when nothing happened in L. */
export function burnRate(counts: Counts, target: number): number {
  if (counts.total === 0) return 0;
  const budgetPpm = PPM - targetPpm(target);
  return ((counts.total - counts.good) * PPM) / (counts.total * budgetPpm);
}

export interface PromiseEvaluation {
  attainment: number | null;
  good: number;
  total: number;
  target: number;
  budgetConsumed: number;
  budgetRemaining: number;
  burnRates: { window: string; rate: number }[];
  alerts: { severity: Severity; longWindow: string; shortWindow: string; threshold: number; firing: boolean }[];
  status: PromiseStatus;
}

/**
 * Evaluates a promise from its counts over the window and over each look-back (keyed by length in
 * ms, as `lookbacks` lists them). No events → attainment null and status `no_data`, never 100%.
 * Status: `broken` when attainment < target; else `at_risk` when an alert fires or less than a
 * quarter of the budget remains; else `kept`. An alert fires when both its windows burn faster
 * than its threshold.
 */
export function evaluatePromise(input: {
  target: number;
  lengthMs: number;
  window: Counts;
  byLookback: ReadonlyMap<number, Counts>;
}): PromiseEvaluation {
  const { target, window } = input;
  const budgetPpm = PPM - targetPpm(target);
  const bad = window.total - window.good;
  const budgetConsumed = window.total === 0 ? 0 : (bad * PPM) / (window.total * budgetPpm);
  const budgetRemaining = 1 - budgetConsumed;
  const rate = (ms: number) => burnRate(input.byLookback.get(ms) ?? { good: 0, total: 0 }, target);
  const alerts = alertWindows(input.lengthMs).map((row) => ({
    severity: row.severity,
    longWindow: isoDuration(row.longMs),
    shortWindow: isoDuration(row.shortMs),
    threshold: row.threshold,
    firing: rate(row.longMs) > row.threshold && rate(row.shortMs) > row.threshold,
  }));
  const attainment = window.total === 0 ? null : window.good / window.total;
  let status: PromiseStatus;
  if (attainment === null) status = 'no_data';
  // Compared in parts per million, exactly: good / total < target.
  else if (window.good * PPM < targetPpm(target) * window.total) status = 'broken';
  else if (alerts.some((a) => a.firing) || budgetRemaining < 0.25) status = 'at_risk';
  else status = 'kept';
  return {
    attainment,
    good: window.good,
    total: window.total,
    target,
    budgetConsumed,
    budgetRemaining,
    burnRates: lookbacks(input.lengthMs).map((ms) => ({ window: isoDuration(ms), rate: rate(ms) })),
    alerts,
    status,
  };
}

export type ThresholdOp = '<=' | '<' | '>=' | '>';

/** A threshold event is good when `value OP threshold` holds. */
export function isGoodValue(value: number, op: ThresholdOp, threshold: number): boolean {
  switch (op) {
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
  }
}

/**
 * The version in force at `occurredAt`: the last one effective at or before it; events older than
 * the first version are judged by the first. `versions` sorted by `effectiveFrom` ascending.
 */
export function versionAt<V extends { effectiveFrom: number }>(versions: readonly V[], occurredAt: number): V | undefined {
  let found = versions[0];
  for (const v of versions) {
    if (v.effectiveFrom <= occurredAt) found = v;
    else break;
  }
  return found;
}
