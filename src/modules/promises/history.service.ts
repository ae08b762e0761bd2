import { encodeCursor } from '../../core/pagination.js';
import type { PromiseStatusHistoryTable } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { cursorOf } from '../list.js';
import type { THistoryEntry } from './history.schema.js';
import { loadPromise } from './promise.repository.js';

type Fulfillment = NonNullable<THistoryEntry['fromStatus']>;

/** A history row as the API shows it: the JSON columns read, the time as ISO. */
export function toHistoryEntry(row: PromiseStatusHistoryTable): THistoryEntry {
  const details = JSON.parse(row.details) as Partial<THistoryEntry['figures']>;
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    fromStatus: row.from_status as Fulfillment | null,
    toStatus: row.to_status as Fulfillment | null,
    alert: row.alert === null ? null : (JSON.parse(row.alert) as THistoryEntry['alert']),
    figures: {
      attainment: details.attainment ?? null,
      target: details.target ?? 0,
      good: details.good ?? 0,
      total: details.total ?? 0,
      budgetRemaining: details.budgetRemaining ?? 0,
      version: details.version ?? 1,
    },
  };
}

/**
 * What the evaluator recorded about a promise of the organization (status changes, alerts firing
 * and resolving), newest first, keyset-paged on (at, id) descending; 404 for another org's promise.
 */
export async function listPromiseHistory(
  ctx: OrgContext,
  promiseId: string,
  query: TPageQuery,
): Promise<{ items: THistoryEntry[]; nextCursor: string | null }> {
  const after = cursorOf(query);
  await loadPromise(ctx.db, ctx.org.id, promiseId);
  let q = ctx.db.selectFrom('promise_status_history').selectAll().where('org_id', '=', ctx.org.id).where('promise_id', '=', promiseId);
  if (after) q = q.where((eb) => eb.or([eb('at', '<', after.t), eb.and([eb('at', '=', after.t), eb('id', '<', after.id)])]));
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toHistoryEntry),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.at, id: last.id }) : null,
  };
}
