import { AppError, conflict, notFound } from '../../core/errors.js';
import type { PromiseEventsTable } from '../../db/schema.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { markPromiseChanged } from './evaluation.repository.js';
import { findEvent, markEventVoided, pageEvents } from './event.repository.js';
import { subtractFromCounters } from './ingest.service.js';
import { loadPromise } from './promise.repository.js';
import { deleteOwedRedressOfEvent } from './redress.repository.js';

function toEventView(e: PromiseEventsTable) {
  return {
    externalId: e.external_id,
    occurredAt: e.occurred_at,
    good: e.good === 1,
    value: e.value,
    clientId: e.client_id,
    version: e.version,
    ingestedAt: e.ingested_at,
    voided: e.voided_at === null ? null : { at: e.voided_at, by: e.voided_by ?? '', reason: e.void_reason ?? '' },
  };
}

/**
 * The events of a promise by when they happened, newest first (then by external id), a page at a
 * time: every ingested event can be read back. Voided ones are included, marked.
 */
export async function recentEvents(ctx: OrgContext, promiseId: string, page: TPageQuery) {
  await loadPromise(ctx.db, ctx.org.id, promiseId);
  const { items, nextCursor } = await pageEvents(ctx.db, ctx.org.id, promiseId, page);
  return { items: items.map(toEventView), nextCursor };
}

/**
 * Voids an event (a correction): it stays, with when, by whom and why, its external id still taken,
 * but counts for nothing — taken out of every counter level, so the status and the evaluator follow.
 * Redress it made owed and not yet given is withdrawn. Only an admin or an API token (holding
 * events:write, checked by the route) may; voiding twice is a conflict.
 */
export async function voidEvent(ctx: OrgContext, promiseId: string, externalId: string, reason: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const promise = await loadPromise(tx, ctx.org.id, promiseId);
    if (ctx.actor.type !== 'token' && ctx.actor.type !== 'system' && ctx.role !== 'admin')
      throw new AppError('forbidden', 'only an admin or an API token with events:write may void an event');
    const event = await findEvent(tx, ctx.org.id, promiseId, externalId);
    if (!event) throw notFound('event', externalId);
    if (event.voided_at !== null)
      throw conflict('externalId', 'wrong_status', `the event was already voided (${event.void_reason ?? ''})`, { status: 'voided' });
    const voided = { voided_at: ctx.now, void_reason: reason, voided_by: await actorName(tx, ctx) };
    await markEventVoided(tx, ctx.org.id, promiseId, externalId, voided);
    await subtractFromCounters(tx, ctx.org.id, promiseId, promise.fine_bucket_ms, event.occurred_at, event.good);
    await deleteOwedRedressOfEvent(tx, ctx.org.id, promiseId, externalId);
    await markPromiseChanged(tx, ctx.org.id, promiseId, ctx.now);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'promise.event_voided',
      entityType: 'promise',
      entityId: promiseId,
      before: { externalId, occurredAt: new Date(event.occurred_at).toISOString(), good: event.good === 1, value: event.value },
      after: { externalId, reason },
      at: ctx.now,
    });
    return toEventView({ ...event, ...voided });
  });
}
