import type { PromiseStatusHistoryTable } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { cursorOf } from '../list.js';
import { pageStatusHistory } from './history.repository.js';
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
  // A cursor this server did not make is refused before the promise is looked up.
  cursorOf(query);
  await loadPromise(ctx.db, ctx.org.id, promiseId);
  const page = await pageStatusHistory(ctx.db, ctx.org.id, promiseId, query);
  return { items: page.items.map(toHistoryEntry), nextCursor: page.nextCursor };
}
