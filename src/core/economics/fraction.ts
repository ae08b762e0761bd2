/**
 * Exact arithmetic for money rules: amounts are integer minor units, rates whole parts per million,
 * and every product or share is an exact fraction of BigInts until the one rounding the rule names.
 */

/** A non-negative-denominator fraction n/d of BigInts. */
export interface Fraction {
  n: bigint;
  d: bigint;
}

export const PPM = 1_000_000;
export const ONE: Fraction = { n: 1n, d: 1n };

export const frac = (n: number | bigint, d: number | bigint = 1): Fraction => {
  const nn = BigInt(n);
  const dd = BigInt(d);
  if (dd === 0n) throw new RangeError('fraction with a zero denominator');
  return dd < 0n ? { n: -nn, d: -dd } : { n: nn, d: dd };
};

export const mul = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.n, d: a.d * b.d });
export const add = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const lessThan = (a: Fraction, b: Fraction): boolean => a.n * b.d < b.n * a.d;
export const min = (a: Fraction, b: Fraction): Fraction => (lessThan(b, a) ? b : a);

/** ⌊a / b⌋ for b > 0, also for negative a (BigInt division truncates toward zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** The fraction rounded half up (toward +∞ at exactly .5) to an integer: ⌊x + ½⌋. */
export function roundHalfUp(x: Fraction): number {
  return Number(floorDiv(2n * x.n + x.d, 2n * x.d));
}

/** The fraction as a float, for display only (never stored or summed). */
export function toNumber(x: Fraction, digits = 6): number {
  const scale = 10 ** digits;
  return roundHalfUp(mul(x, frac(scale))) / scale;
}

/** A decimal rate given as a float (0.2) in whole parts per million, or null when it has more than 6 decimals. */
export function ratePpm(rate: number): number | null {
  const ppm = Math.round(rate * PPM);
  return Math.abs(ppm - rate * PPM) < 1e-6 ? ppm : null;
}
