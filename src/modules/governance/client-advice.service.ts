import { AppError, invalidField, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { DecisionsTable, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import { segmentsOfClients } from '../clients/client.repository.js';
import type { OrgContext } from '../context.js';
import { notifyUsers } from '../notifications/notification.service.js';
import { findClientAdvice, listDecisionIdsAdvisedBy, listDecisionsNamingSegments, upsertClientAdvice } from './client-advice.repository.js';
import { segmentIdsOf } from './clients-asked.service.js';
import type { TGiveAdvice } from './decision.schema.js';
import { loadDecision, lockOpenDecision } from './decision.service.js';

/**
 * Clients asked for advice through the portal, like staff: a decision names the segments it asks;
 * their signed-in clients see its context and options, and give advice (text and a preferred option)
 * that they may change until it is taken. Clients' advice is not awaited like staff advice (no
 * `advice_pending`): the decision waits for clients only through `clients_not_asked` on the segments it touches.
 */

type Option = { title: string; description: string };

/** A decision as a client of one of its segments sees it on the portal. */
export interface ClientDecisionView {
  id: string;
  title: string;
  context: string;
  options: { index: number; title: string; description: string }[];
  status: 'open' | 'decided' | 'withdrawn';
  /** The client's segments are asked for advice on it. */
  isAdviceAsked: boolean;
  /** Open and asked: the client may give or change advice. */
  canAdvise: boolean;
  adviceDeadline: string | null;
  ownAdvice: { advice: string; preferredOption: number | null; updatedAt: number } | null;
  chosenOption: number | null;
  decidedAt: number | null;
  /** Why touched segments were not asked, published beside the decision once taken. */
  clientsNotAskedReason: string | null;
}

function statusOf(row: DecisionsTable): ClientDecisionView['status'] {
  return row.retired_at !== null && row.decided_at === null ? 'withdrawn' : row.decided_at !== null ? 'decided' : 'open';
}

async function clientSegments(tx: Tx, orgId: string, clientId: string): Promise<Set<string>> {
  return new Set((await segmentsOfClients(tx, orgId, [clientId])).get(clientId) ?? []);
}

function viewOf(row: DecisionsTable, segments: Set<string>, own: ClientDecisionView['ownAdvice']): ClientDecisionView | null {
  const isAdviceAsked = segmentIdsOf(row.advice_segment_ids).some((id) => segments.has(id));
  const isTouched = segmentIdsOf(row.touches_segment_ids).some((id) => segments.has(id));
  if (!isAdviceAsked && !isTouched) return null;
  const status = statusOf(row);
  return {
    id: row.id,
    title: row.title,
    context: row.context,
    options: (JSON.parse(row.options) as Option[]).map((o, index) => ({ index, title: o.title, description: o.description })),
    status,
    isAdviceAsked,
    canAdvise: isAdviceAsked && status === 'open',
    adviceDeadline: row.advice_deadline,
    ownAdvice: own,
    chosenOption: status === 'decided' ? row.chosen_option : null,
    decidedAt: status === 'decided' ? row.decided_at : null,
    clientsNotAskedReason: status === 'decided' ? row.clients_not_asked_reason : null,
  };
}

/** The decisions that ask the client's segments for advice or touch them, newest first. */
export async function listClientDecisions(ctx: OrgContext, clientId: string): Promise<ClientDecisionView[]> {
  const segments = await clientSegments(ctx.db, ctx.org.id, clientId);
  if (segments.size === 0) return [];
  const rows = await listDecisionsNamingSegments(ctx.db, ctx.org.id);
  return rows.map((row) => viewOf(row, segments, null)).filter((v): v is ClientDecisionView => v !== null);
}

/** The open decisions that ask the client's segments for advice and that the client has not answered yet, newest first. */
export async function listDecisionsAwaitingClientAdvice(ctx: OrgContext, clientId: string): Promise<ClientDecisionView[]> {
  const open = (await listClientDecisions(ctx, clientId)).filter((d) => d.canAdvise);
  if (open.length === 0) return [];
  const advised = await listDecisionIdsAdvisedBy(ctx.db, ctx.org.id, clientId);
  return open.filter((d) => !advised.has(d.id));
}

/** One decision for the client, with their own advice; 404 when it neither asks nor touches their segments. */
export async function clientDecisionView(ctx: OrgContext, decisionId: string, clientId: string): Promise<ClientDecisionView> {
  const row = await loadDecision(ctx.db, ctx, decisionId);
  const own = await findClientAdvice(ctx.db, ctx.org.id, decisionId, clientId);
  const view = viewOf(
    row,
    await clientSegments(ctx.db, ctx.org.id, clientId),
    own ? { advice: own.advice, preferredOption: own.preferred_option, updatedAt: Number(own.updated_at) } : null,
  );
  if (!view) throw notFound('decision', decisionId);
  return view;
}

/**
 * Gives or replaces the client's advice: only on an open decision that asks one of the client's
 * segments (403 otherwise), a preferred option among its options (422). The one who opened the
 * decision is notified. Returns whether earlier advice was replaced.
 */
export async function giveClientAdvice(
  ctx: OrgContext,
  decisionId: string,
  clientId: string,
  input: TGiveAdvice,
): Promise<{ replaced: boolean }> {
  return ctx.db.transaction().execute(async (tx) => {
    await loadDecision(tx, ctx, decisionId);
    const row = await lockOpenDecision(tx, ctx, decisionId);
    const segments = await clientSegments(tx, ctx.org.id, clientId);
    if (!segmentIdsOf(row.advice_segment_ids).some((id) => segments.has(id)))
      throw new AppError('forbidden', 'this decision asks the advice of clients of other segments: you are not among them');
    const options = JSON.parse(row.options) as Option[];
    if (input.preferredOption !== null && input.preferredOption >= options.length)
      throw invalidField('preferredOption', 'out_of_range', `there are ${options.length} options: 0 to ${options.length - 1}`, {
        minimum: 0,
        maximum: options.length - 1,
      });
    const before = await findClientAdvice(tx, ctx.org.id, decisionId, clientId);
    await upsertClientAdvice(tx, {
      id: before?.id ?? newId(),
      org_id: ctx.org.id,
      decision_id: decisionId,
      client_id: clientId,
      advice: input.advice,
      preferred_option: input.preferredOption,
      created_at: before ? Number(before.created_at) : ctx.now,
      updated_at: ctx.now,
    });
    if (row.created_by_id)
      await notifyUsers(
        tx,
        ctx.org.id,
        [row.created_by_id],
        { kind: 'advice_given', subjectType: 'decision', subjectId: decisionId, params: { decision: row.title, adviser: ctx.actor.label } },
        ctx.now,
      );
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'decision.client_advised',
      entityType: 'decision',
      entityId: decisionId,
      before: before ? { advice: before.advice, preferredOption: before.preferred_option } : null,
      after: { advice: input.advice, preferredOption: input.preferredOption },
      at: ctx.now,
    });
    return { replaced: before !== undefined };
  });
}
