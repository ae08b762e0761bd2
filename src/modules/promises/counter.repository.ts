import { sql } from 'kysely';
import { bucketLevels, decompose } from '../../core/promises/buckets.js';
import type { Counts } from '../../core/promises/compute.js';
import type { Tx } from '../../db/schema.js';

/** One range [from, to) of one promise's counters to sum. */
export interface CounterRange {
  promiseId: string;
  fineMs: number;
  from: number;
  to: number;
}

/**
 * Sums the counters of any number of promises over their ranges [from, to), in the order asked:
 * each range becomes a few runs of whole buckets (coarse in the middle, fine at the edges), each run
 * one index range scan, a hundred runs per UNION ALL statement — never the raw events. The promise
 * ids are the caller's, already read within its organization; the counters' key is the promise.
 */
export async function countPromiseRanges(tx: Tx, ranges: readonly CounterRange[]): Promise<Counts[]> {
  const runs = ranges.flatMap((range, index) =>
    decompose(range.from, range.to, bucketLevels(range.fineMs)).map((segment) => ({ index, promiseId: range.promiseId, segment })),
  );
  const result = ranges.map(() => ({ good: 0, total: 0 }));
  for (let i = 0; i < runs.length; i += 100) {
    const selects = runs.slice(i, i + 100).map(({ index, promiseId, segment }) =>
      tx
        .selectFrom('promise_counters')
        .select((eb) => [
          sql<number>`${sql.lit(index)}`.as('r'),
          eb.fn.sum<number | string | null>('good').as('good'),
          eb.fn.sum<number | string | null>('total').as('total'),
        ])
        .where('promise_id', '=', promiseId)
        .where('level', '=', segment.level)
        .where('bucket_start', '>=', segment.from)
        .where('bucket_start', '<', segment.to),
    );
    const [head, ...rest] = selects;
    if (!head) continue;
    const rows = await rest.reduce((q, next) => q.unionAll(next), head).execute();
    for (const row of rows) {
      const counts = result[Number(row.r)] as Counts;
      counts.good += Number(row.good ?? 0);
      counts.total += Number(row.total ?? 0);
    }
  }
  return result;
}
