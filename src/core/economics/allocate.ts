import { type Fraction, floorDiv } from './fraction.js';

/** One recipient of an allocation: an id, its weight (≥ 0) and its order for breaking ties. */
export interface Claim {
  id: string;
  weight: bigint;
  /** Ties in the remainders go to the smaller order first (for members: who joined first). */
  order: number;
}

/**
 * Splits `total` (integer minor units, ≥ 0) in proportion to the weights, exactly: each part is
 * floored, and the kopecks left over go one by one to the largest fractional remainders (ties: the
 * smaller `order`, then the id). The parts always add up to `total`. All weights zero → equal parts.
 * No claims → no parts (the caller decides where an undivided total goes).
 */
export function allocate(total: number, claims: readonly Claim[]): { id: string; amount: number }[] {
  if (claims.length === 0) return [];
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`allocate: total must be a whole non-negative amount, got ${total}`);
  if (claims.some((c) => c.weight < 0n)) throw new RangeError('allocate: a weight is negative');
  const sum = claims.reduce((s, c) => s + c.weight, 0n);
  const weights = sum === 0n ? claims.map(() => 1n) : claims.map((c) => c.weight);
  const denominator = sum === 0n ? BigInt(claims.length) : sum;
  const pool = BigInt(total);
  const parts = claims.map((c, i) => {
    const exact = pool * (weights[i] as bigint);
    return { id: c.id, order: c.order, floor: floorDiv(exact, denominator), remainder: exact % denominator };
  });
  let left = pool - parts.reduce((s, p) => s + p.floor, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder !== b.remainder ? (b.remainder > a.remainder ? 1 : -1) : a.order !== b.order ? a.order - b.order : a.id < b.id ? -1 : 1,
  );
  for (const p of byRemainder) {
    if (left === 0n) break;
    p.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => ({ id: p.id, amount: Number(p.floor) }));
}

/** Weights with one common denominator from fractions (each share's numerator over the product of denominators). */
export function commonWeights(shares: readonly Fraction[]): bigint[] {
  const d = shares.reduce((acc, s) => acc * s.d, 1n);
  return shares.map((s) => (s.n * d) / s.d);
}
