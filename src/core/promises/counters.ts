/**
 * Counter deltas: what a set of events adds to a promise's bucket counters at every level, summed
 * per bucket so each bucket is written once.
 */
import { bucketStart } from './buckets.js';

/** What one bucket of one level gains: good and total events (negative when events leave it). */
export interface CounterDelta {
  level: number;
  bucketStart: number;
  good: number;
  total: number;
}

/** Deltas by level, then by bucket start. */
export type CounterDeltas = Map<number, Map<number, CounterDelta>>;

/** Adds `good` and `total` at instant `at` (epoch ms) to the bucket holding it at each of `levels`. */
export function addToDeltas(deltas: CounterDeltas, levels: readonly number[], at: number, good: number, total: number): void {
  for (const level of levels) {
    let buckets = deltas.get(level);
    if (!buckets) {
      buckets = new Map();
      deltas.set(level, buckets);
    }
    const start = bucketStart(at, level);
    const d = buckets.get(start);
    if (d) {
      d.good += good;
      d.total += total;
    } else buckets.set(start, { level, bucketStart: start, good, total });
  }
}

/** The deltas that change something (good or total not zero), level by level. */
export function deltaRows(deltas: CounterDeltas): CounterDelta[] {
  const rows: CounterDelta[] = [];
  for (const buckets of deltas.values()) for (const d of buckets.values()) if (d.good !== 0 || d.total !== 0) rows.push(d);
  return rows;
}
