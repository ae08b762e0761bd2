import { add, type Fraction, frac, min, ONE, PPM } from './fraction.js';

export const FULFILLMENT_MODES = ['off', 'share_kept', 'proportional'] as const;
export type FulfillmentMode = (typeof FULFILLMENT_MODES)[number];

/** A client promise evaluated at the period's end: good and total events in its window, target in ppm. */
export interface PromiseResult {
  good: number;
  total: number;
  targetPpm: number;
}

/**
 * The fulfillment index of a team in [0, 1], exact: `share_kept` = promises with attainment ≥ target
 * ÷ promises; `proportional` = mean of min(1, attainment ÷ target). Promises without events do not
 * count; 1 when the mode is `off` or no promise counts.
 */
export function fulfillmentIndex(mode: FulfillmentMode, promises: readonly PromiseResult[]): Fraction {
  const counted = promises.filter((p) => p.total > 0);
  if (mode === 'off' || counted.length === 0) return ONE;
  if (mode === 'share_kept') {
    const kept = counted.filter(isKept).length;
    return frac(kept, counted.length);
  }
  let sum = frac(0);
  // A target below one part per million rounds to 0: any attainment meets it.
  for (const p of counted)
    sum = add(sum, p.targetPpm <= 0 ? ONE : min(ONE, frac(BigInt(p.good) * BigInt(PPM), BigInt(p.total) * BigInt(p.targetPpm))));
  return { n: sum.n, d: sum.d * BigInt(counted.length) };
}

/** Whether a promise result counts as kept: it has events and attainment ≥ target (exact, in BigInts). */
export function isKept(p: PromiseResult): boolean {
  return p.total > 0 && BigInt(p.good) * BigInt(PPM) >= BigInt(p.total) * BigInt(p.targetPpm);
}
