import type { OrgContext } from '../context.js';
import { loadPromise } from './promise.repository.js';

/** The latest events of a promise by when they happened, newest first. */
export async function recentEvents(ctx: OrgContext, promiseId: string, limit: number) {
  await loadPromise(ctx.db, ctx.org.id, promiseId);
  const rows = await ctx.db
    .selectFrom('promise_events')
    .selectAll()
    .where('promise_id', '=', promiseId)
    .orderBy('occurred_at', 'desc')
    .orderBy('external_id', 'desc')
    .limit(limit)
    .execute();
  return {
    items: rows.map((e) => ({
      externalId: e.external_id,
      occurredAt: e.occurred_at,
      good: e.good === 1,
      value: e.value,
      clientId: e.client_id,
      version: e.version,
      ingestedAt: e.ingested_at,
    })),
  };
}
