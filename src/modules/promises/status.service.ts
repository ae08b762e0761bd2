import { bucketLevels, decompose } from '../../core/promises/buckets.js';
import { type Counts, evaluatePromise, lookbacks, versionAt } from '../../core/promises/compute.js';
import { windowAt } from '../../core/promises/window.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { loadPromise, loadVersions, toVersion } from './promise.repository.js';
import type { TPromiseStatus, TVersion } from './promise.schema.js';

/** Sums the counters of a promise over [from, to): a few whole buckets per level, never the raw events. */
export async function countRange(tx: Tx, promiseId: string, fineMs: number, from: number, to: number): Promise<Counts> {
  const segments = decompose(from, to, bucketLevels(fineMs));
  if (segments.length === 0) return { good: 0, total: 0 };
  const row = await tx
    .selectFrom('promise_counters')
    .select((eb) => [eb.fn.sum<number | string | null>('good').as('good'), eb.fn.sum<number | string | null>('total').as('total')])
    .where('promise_id', '=', promiseId)
    .where((eb) =>
      eb.or(segments.map((s) => eb.and([eb('level', '=', s.level), eb('bucket_start', '>=', s.from), eb('bucket_start', '<', s.to)]))),
    )
    .executeTakeFirstOrThrow();
  return { good: Number(row.good ?? 0), total: Number(row.total ?? 0) };
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
  const window = await countRange(ctx.db, id, fine, span.from, span.to);
  const byLookback = new Map<number, Counts>();
  for (const ms of lookbacks(span.lengthMs)) byLookback.set(ms, await countRange(ctx.db, id, fine, at - ms, at));
  const evaluation = evaluatePromise({ target: version.target, lengthMs: span.lengthMs, window, byLookback });
  return {
    ...evaluation,
    unbacked: promise.unbacked !== null,
    window: { from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString() },
    version: version.version,
  };
}
