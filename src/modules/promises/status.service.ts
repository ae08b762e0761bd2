import { type Counts, evaluatePromise, lookbacks, versionAt } from '../../core/promises/compute.js';
import { windowAt } from '../../core/promises/window.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { countPromiseRanges } from './counter.repository.js';
import { loadPromise, loadVersions, toVersion } from './promise.repository.js';
import type { TPromiseStatus, TVersion } from './promise.schema.js';

/** Sums the counters of a promise over several ranges [from, to) at once (see `countPromiseRanges`). */
export async function countRanges(
  tx: Tx,
  promiseId: string,
  fineMs: number,
  ranges: readonly { from: number; to: number }[],
): Promise<Counts[]> {
  return countPromiseRanges(
    tx,
    ranges.map((range) => ({ promiseId, fineMs, from: range.from, to: range.to })),
  );
}

/** Sums the counters of a promise over [from, to). */
export async function countRange(tx: Tx, promiseId: string, fineMs: number, from: number, to: number): Promise<Counts> {
  const [counts] = await countRanges(tx, promiseId, fineMs, [{ from, to }]);
  return counts as Counts;
}

/**
 * The status of a promise at `at` (docs/formulas.md): over the window of the version in force then, from
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
    overCapacity: promise.over_capacity != null,
    window: { from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString() },
    version: version.version,
  };
}
