import { type Fraction, frac, mul, PPM, roundHalfUp } from './fraction.js';

/** A team's inputs for one period, all money in integer minor units; hours in hundredths. */
export interface TeamLedger {
  revenueMinor: number;
  internalInMinor: number;
  internalOutMinor: number;
  nonLabourMinor: number;
  labourMinor: number;
  overheadMinor: number;
  hoursCenti: number;
}

export interface EconomicsRates {
  /** Share of net profit paid to the team, whole parts per million (20% = 200,000). */
  poolRatePpm: number;
  /** Share of net profit kept for new projects, whole parts per million. */
  reserveRatePpm: number;
}

export interface TeamFigures {
  netProfitMinor: number;
  hourlyEfficiencyMinor: number | null;
  poolMinor: number;
  withheldMinor: number;
  reserveMinor: number;
}

/**
 * The period's figures of one team (docs/formulas.md):
 * netProfit = revenue + internalIn − internalOut − nonLabour − labour − overhead;
 * hourlyEfficiency = (revenue + internalIn − internalOut − nonLabour) ÷ hours, per hour, rounded half
 * up, null without hours; pool = round(poolRate × max(netProfit, 0) × fulfillment), 0 when the team
 * has nobody to pay; withheld = round(poolRate × max(netProfit, 0)) − pool;
 * reserve = round(reserveRate × max(netProfit, 0)) + withheld.
 */
export function teamFigures(l: TeamLedger, rates: EconomicsRates, fulfillment: Fraction, hasMembers: boolean): TeamFigures {
  const valueAdded = l.revenueMinor + l.internalInMinor - l.internalOutMinor - l.nonLabourMinor;
  const netProfitMinor = valueAdded - l.labourMinor - l.overheadMinor;
  const profit = frac(Math.max(netProfitMinor, 0));
  const full = roundHalfUp(mul(frac(rates.poolRatePpm, PPM), profit));
  const poolMinor = hasMembers ? roundHalfUp(mul(mul(frac(rates.poolRatePpm, PPM), profit), fulfillment)) : 0;
  const withheldMinor = full - poolMinor;
  return {
    netProfitMinor,
    hourlyEfficiencyMinor: l.hoursCenti > 0 ? roundHalfUp(frac(BigInt(valueAdded) * 100n, l.hoursCenti)) : null,
    poolMinor,
    withheldMinor,
    reserveMinor: roundHalfUp(mul(frac(rates.reserveRatePpm, PPM), profit)) + withheldMinor,
  };
}
