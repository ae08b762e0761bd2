/** Changing an open decision — its wording, options, deadline, amount, review date — and withdrawing it. */
import { AppError, conflict, fieldError, invalidField } from '../../core/errors.js';
import { MIN_OPTIONS } from '../../core/governance/decisions.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import { requireTeamAuthority } from './authority.js';
import { mailClientsAskedForAdvice } from './client-advice-mail.service.js';
import { checkDecisionSegments, segmentIdsOf } from './clients-asked.service.js';
import { listAdviceRequests, updateDecisionRow } from './decision.repository.js';
import type { TDecision, TUpdateDecision } from './decision.schema.js';
import { checkNotPast, describeOne, loadDecision, lockOpenDecision } from './decision.service.js';
import { DECISION_POLLS } from './decision-polls.port.js';

/**
 * Changes an open decision: its wording, the advice deadline (not into the past), the options (only
 * while no advice is in and no client poll asks about them, since both speak of them), the amount; and any decision's review date.
 * The audit log keeps what it said before. Clients of segments newly asked for advice are e-mailed, once per decision.
 */
export async function updateDecision(ctx: OrgContext, id: string, input: TUpdateDecision, publicUrl?: string): Promise<TDecision> {
  return ctx.db.transaction().execute(async (tx) => {
    const current = await loadDecision(tx, ctx, id);
    await requireTeamAuthority(tx, ctx, current.team_id, 'change its decisions');
    const changesProcess =
      input.title !== undefined ||
      input.context !== undefined ||
      input.adviceDeadline !== undefined ||
      input.options !== undefined ||
      input.amount !== undefined ||
      input.touchesSegmentIds !== undefined ||
      input.adviceFromSegmentIds !== undefined;
    const row = changesProcess ? await lockOpenDecision(tx, ctx, id) : current;
    checkNotPast(ctx, 'reviewDate', input.reviewDate);
    checkNotPast(ctx, 'adviceDeadline', input.adviceDeadline);
    const requests = (await listAdviceRequests(tx, ctx.org.id, [id])).get(id) ?? [];
    const touches =
      input.touchesSegmentIds === undefined
        ? undefined
        : await checkDecisionSegments(tx, ctx, 'touchesSegmentIds', input.touchesSegmentIds);
    const adviceSegments =
      input.adviceFromSegmentIds === undefined
        ? undefined
        : await checkDecisionSegments(tx, ctx, 'adviceFromSegmentIds', input.adviceFromSegmentIds);
    const asksClients = (adviceSegments ?? segmentIdsOf(row.advice_segment_ids)).length > 0;
    const deadline = input.adviceDeadline === undefined ? row.advice_deadline : input.adviceDeadline;
    if (deadline === null && (requests.length > 0 || asksClients))
      throw invalidField('adviceDeadline', 'required', 'required when advice is asked');
    if (input.options !== undefined) {
      if (input.options.length < MIN_OPTIONS) {
        throw new AppError('too_few_options', `options: at least ${MIN_OPTIONS} options are needed (optionality)`, [
          fieldError('options', 'too_few', `at least ${MIN_OPTIONS} options`, { minimum: MIN_OPTIONS }),
        ]);
      }
      if (requests.some((r) => r.answered_at !== null))
        throw conflict('options', 'locked', 'advice has been given on these options: they stay as they are', { by: 'advice' });
      if (await DECISION_POLLS.get().hasPolls(tx, ctx.org.id, id))
        throw conflict('options', 'locked', 'clients are polled on these options: they stay as they are', { by: 'poll' });
    }
    const before = await describeOne(tx, ctx, id);
    await updateDecisionRow(tx, ctx.org.id, row.id, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.context !== undefined && { context: input.context }),
      ...(input.reviewDate !== undefined && { review_date: input.reviewDate }),
      ...(input.adviceDeadline !== undefined && { advice_deadline: input.adviceDeadline }),
      ...(input.options !== undefined && { options: JSON.stringify(input.options) }),
      ...(input.amount !== undefined && { amount: input.amount }),
      ...(touches !== undefined && { touches_segment_ids: JSON.stringify(touches) }),
      ...(adviceSegments !== undefined && { advice_segment_ids: JSON.stringify(adviceSegments) }),
      updated_at: ctx.now,
    });
    if (adviceSegments !== undefined)
      await mailClientsAskedForAdvice(tx, ctx, { ...row, advice_segment_ids: JSON.stringify(adviceSegments) }, publicUrl);
    const after = await describeOne(tx, ctx, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'decision.updated',
      entityType: 'decision',
      entityId: id,
      before,
      after,
      at: ctx.now,
    });
    return after;
  });
}

/** Withdraws an open decision with a reason: it is not taken, and the people asked are told. */
export async function withdrawDecision(ctx: OrgContext, id: string, reason: string): Promise<TDecision> {
  return ctx.db.transaction().execute(async (tx) => {
    const current = await loadDecision(tx, ctx, id);
    await requireTeamAuthority(tx, ctx, current.team_id, 'withdraw its decisions');
    const row = await lockOpenDecision(tx, ctx, id);
    await updateDecisionRow(tx, ctx.org.id, id, { retired_at: ctx.now, rationale: reason, updated_at: ctx.now });
    const requests = (await listAdviceRequests(tx, ctx.org.id, [id])).get(id) ?? [];
    const asked = (await Promise.all(requests.map((r) => peopleOf(tx, ctx.org.id, r.adviser_type, r.adviser_id)))).flat();
    await notifyUsers(
      tx,
      ctx.org.id,
      asked,
      { kind: 'decision_withdrawn', subjectType: 'decision', subjectId: id, params: { decision: row.title, reason } },
      ctx.now,
      ctx.actor.id,
    );
    const decision = await describeOne(tx, ctx, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'decision.withdrawn',
      entityType: 'decision',
      entityId: id,
      after: { reason },
      at: ctx.now,
    });
    return decision;
  });
}
