import { sql } from 'kysely';
import { bucketLevels, decompose } from '../../core/promises/buckets.js';
import { type Counts, evaluatePromise, lookbacks, versionAt } from '../../core/promises/compute.js';
import { windowAt } from '../../core/promises/window.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { loadPromise, loadVersions, toVersion } from './promise.repository.js';
import type { TPromiseStatus, TVersion } from './promise.schema.js';

/**
 * Sums the counters of a promise over several ranges [from, to) at once: each range becomes a few
 * runs of whole buckets (coarse in the middle, fine at the edges), each run one index range scan,
 * all in one UNION ALL statement — never the raw events.
 */
export async function countRanges(
  tx: Tx,
  promiseId: string,
  fineMs: number,
  ranges: readonly { from: number; to: number }[],
): Promise<Counts[]> {
  const levels = bucketLevels(fineMs);
  const runs = ranges.flatMap((range, index) => decompose(range.from, range.to, levels).map((segment) => ({ index, segment })));
  const result = ranges.map(() => ({ good: 0, total: 0 }));
  for (let i = 0; i < runs.length; i += 100) {
    const selects = runs.slice(i, i + 100).map(({ index, segment }) =>
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

/** Sums the counters of a promise over [from, to). */
export async function countRange(tx: Tx, promiseId: string, fineMs: number, from: number, to: number): Promise<Counts> {
  const [counts] = await countRanges(tx, promiseId, fineMs, [{ from, to }]);
  return counts as Counts;
}

/**
 * The status of a promise at `at` (DESIGN M4): over the window of the version in force then, from
 * the counters; compared with that version's target.
 */
export async function promiseStatus(ctx: OrgContext, id: string, at: number): Promise<TPromiseStatus> {
  const promise = await loadPromise(ctx.db, ctx.org.id, id);
  const versions = (await loadVersions(ctx.db, ctx.org.id, id)).map(toVersion);
  const version = versionAt(versions, at) as TVersion;
  const span = windowAt(version.window, at, ctx.org.time_zone);
  const fine = promise.fine_bucket_ms;
  const backs = lookbacks(span.lengthMs);
  const [window, ...counts] = await countRanges(ctx.db, id, fine, [span, ...backs.map((ms) => ({ from: at - ms, to: at }))]);
  const byLookback = new Map<number, Counts>(backs.map((ms, i) => [ms, counts[i] as Counts]));
  const evaluation = evaluatePromise({ target: version.target, lengthMs: span.lengthMs, window: window as Counts, byLookback });
  return {
    ...evaluation,
    unbacked: promise.unbacked !== null,
    window: { from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString() },
    version: version.version,
  };
}
