/**
 * Time-bucketed counters (M4): each event adds to one bucket at every level — a fine level sized to
 * the promise's window, then minute, hour and UTC day — so any range is summed from a few hundred
 * rows whatever the number of events.
 */
import { DAY_MS } from './window.js';

const NICE_FINE_MS = [1000, 2000, 5000, 10_000, 15_000, 20_000, 30_000, 60_000];
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/**
 * The fine bucket for a window of `lengthMs`: the largest nice size within a fifth of the shortest
 * alert window (W/720/12), so every alert window is represented within 20% of its length; at most a
 * minute (a 30-day window gets exactly one minute).
 */
export function fineBucketMs(lengthMs: number): number {
  const limit = lengthMs / 720 / 12 / 5;
  return [...NICE_FINE_MS].reverse().find((size) => size <= limit) ?? NICE_FINE_MS[0]!;
}

/** The levels kept for a fine size, ascending; each divides the next. */
export function bucketLevels(fineMs: number): number[] {
  return [...new Set([fineMs, MINUTE_MS, HOUR_MS, DAY_MS])].sort((a, b) => a - b);
}

/** Start of the bucket of `level` holding instant `t`. */
export function bucketStart(t: number, level: number): number {
  return Math.floor(t / level) * level;
}

export interface Segment {
  level: number;
  /** First bucket start, inclusive. */
  from: number;
  /** Last bucket start + level: exclusive end. */
  to: number;
}

/**
 * Covers [from, to) — first rounded out to fine-bucket edges — with the fewest whole buckets: the
 * coarsest level that fits at each step. Returns contiguous runs per level, in time order; together
 * they cover the range exactly once.
 */
export function decompose(from: number, to: number, levels: readonly number[]): Segment[] {
  const fine = levels[0]!;
  const start = bucketStart(from, fine);
  const end = Math.ceil(to / fine) * fine;
  const segments: Segment[] = [];
  let p = start;
  while (p < end) {
    const level = [...levels].reverse().find((l) => p % l === 0 && p + l <= end) ?? fine;
    const last = segments[segments.length - 1];
    if (last && last.level === level && last.to === p) last.to = p + level;
    else segments.push({ level, from: p, to: p + level });
    p += level;
  }
  return segments;
}
