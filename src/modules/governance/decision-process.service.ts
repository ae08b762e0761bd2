import { AppError, conflict, fieldError, invalidField } from '../../core/errors.js';
import type { DecisionBlock } from '../../core/governance/decisions.js';
import { answerableBy, capHeld } from '../../core/governance/standing.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { publish } from '../events.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import type { TCreateReview, TReview } from './agreement.schema.js';
import { requireTeamAuthority } from './authority.js';
import { requireClientsAsked } from './clients-asked.service.js';
import { answerAdviceRequest, listAdviceRequests, touchDecidedDecision, updateDecisionRow } from './decision.repository.js';
import type { TDecide, TDecision, TGiveAdvice } from './decision.schema.js';
import { blockOf, checkNotPast, describeOne, loadDecision, lockOpenDecision } from './decision.service.js';
import { DECISION_POLLS } from './decision-polls.port.js';
import { standingOf } from './decision-standing.js';
import { guardDecidingOverRight } from './override.service.js';
import { checkNextReviewDate, insertReview, listReviews } from './review.service.js';
import { loadGrants } from './rights.repository.js';
import { coreGrant } from './rights.service.js';

/** The advice process itself (M5): advice given, the decision taken, later reviews. */
type Option = { title: string; description: string };

/**
 * The caller's advice: it answers every request addressed to them, and to their teams when no other
 * member answered yet. It may be changed until the decision is taken. The one who opened the
 * decision is notified.
 */
export async function giveAdvice(ctx: OrgContext, id: string, input: TGiveAdvice): Promise<TDecision> {
  return ctx.db.transaction().execute(async (tx) => {
    await loadDecision(tx, ctx, id);
    const row = await lockOpenDecision(tx, ctx, id);
    const standing = await standingOf(tx, ctx);
    const mine = answerableBy(standing, (await listAdviceRequests(tx, ctx.org.id, [id])).get(id) ?? []);
    if (mine.length === 0) throw new AppError('forbidden', 'you were not asked for advice on this decision');
    const options = JSON.parse(row.options) as Option[];
    const by = await actorName(tx, ctx);
    if (input.preferredOption !== null && input.preferredOption >= options.length) {
      throw invalidField('preferredOption', 'out_of_range', `there are ${options.length} options: 0 to ${options.length - 1}`, {
        minimum: 0,
        maximum: options.length - 1,
      });
    }
    for (const request of mine) {
      await answerAdviceRequest(tx, ctx.org.id, request.id, {
        answered_at: ctx.now,
        answered_by: standing.userId,
        answered_by_label: by,
        advice: input.advice,
        preferred_option: input.preferredOption,
      });
    }
    if (row.created_by_id) {
      await notifyUsers(
        tx,
        ctx.org.id,
        [row.created_by_id],
        { kind: 'advice_given', subjectType: 'decision', subjectId: id, params: { decision: row.title, adviser: by } },
        ctx.now,
        ctx.actor.id,
      );
    }
    const decision = await describeOne(tx, ctx, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'decision.advised',
      entityType: 'decision',
      entityId: id,
      after: { advice: input.advice, preferredOption: input.preferredOption, requests: mine.map((r) => r.id) },
      at: ctx.now,
    });
    return decision;
  });
}

function blockError(block: DecisionBlock, rightName: string, names: Map<string, string>): AppError {
  switch (block.code) {
    case 'decision_already_taken':
      return new AppError(block.code, 'the decision is already taken');
    case 'too_few_options':
      return new AppError(block.code, `options: at least ${block.minimum} options are needed (optionality)`, [
        fieldError('options', 'too_few', `at least ${block.minimum} options`, { minimum: block.minimum }),
      ]);
    case 'decider_lacks_right':
      return new AppError(
        block.code,
        `you do not hold the right "${rightName}" for this team: neither the team (as its member) nor a role of yours in it holds it now`,
      );
    case 'above_spending_cap':
      return new AppError(
        block.code,
        `the decision commits ${block.amount} minor units, above your cap of ${block.cap} under "${rightName}"`,
      );
    case 'advice_pending':
      return new AppError(
        block.code,
        `advice is still awaited from ${block.waitingFor.map((key) => names.get(key) ?? key).join(', ')}${block.until ? ` until the end of ${block.until}` : ''}`,
      );
  }
}

/**
 * Takes the decision: by a person who holds the right now (through a team or a role, within its
 * cap; admins and the council hold every right), from at least two options, once the advice asked
 * for is in or its deadline day is over, and once the clients' polls on it have closed (choosing
 * against their result needs a client rationale). Advisers are told what was decided.
 */
export async function takeDecision(ctx: OrgContext, id: string, input: TDecide): Promise<TDecision> {
  const { decision, published } = await ctx.db.transaction().execute(async (tx) => {
    await loadDecision(tx, ctx, id);
    if (ctx.actor.type !== 'user' || !ctx.actor.id) throw new AppError('forbidden', 'a decision is taken by a person, not by an API token');
    // Lock first: advice answered meanwhile is then read, and a second decider waits and is refused.
    const row = await lockOpenDecision(tx, ctx, id);
    checkNotPast(ctx, 'reviewDate', input.reviewDate);
    const standing = await standingOf(tx, ctx);
    const requests = (await listAdviceRequests(tx, ctx.org.id, [id])).get(id) ?? [];
    const grants = (await loadGrants(tx, ctx.org.id)).map(coreGrant);
    const byId = new Map(grants.map((g) => [g.id, g] as const));
    const block = blockOf(row, requests, capHeld(standing, grants, byId, row.right_id, row.team_id), ctx);
    if (block) {
      const before = await describeOne(tx, ctx, id);
      const names = new Map(before.advisers.map((a) => [`${a.adviser.type}:${a.adviser.id}`, a.adviser.name]));
      throw blockError(block, before.right.name, names);
    }
    // Delegated authority holds: an admin or the council deciding over the team says why (recorded).
    await guardDecidingOverRight(tx, ctx, { standing, grants, byId }, { id, teamId: row.team_id, rightId: row.right_id }, input.override);
    const options = JSON.parse(row.options) as Option[];
    const chosen = options[input.chosenOption];
    if (!chosen)
      throw invalidField('chosenOption', 'out_of_range', `there are ${options.length} options: 0 to ${options.length - 1}`, {
        minimum: 0,
        maximum: options.length - 1,
      });
    const decidedBy = await actorName(tx, ctx);
    // The proposals it answers, with its rationale (the proposals module reacts): refused as a whole
    // when one cannot take its answer.
    const settles = input.settles ?? [];
    const published = await publish(tx, 'decision.taken', {
      ctx,
      decision: { id, title: row.title },
      chosenOption: input.chosenOption,
      settles,
      rationale: input.rationale,
      decidedBy,
    });
    // The clients' polls: an open one holds the decision; going against a counted result needs a reason.
    const clientRationale = await DECISION_POLLS.get().clientVerdict(tx, ctx, id, options, input.chosenOption, input.clientRationale);
    const clientsNotAskedReason = await requireClientsAsked(tx, ctx, row, input.clientsNotAskedReason);
    await updateDecisionRow(tx, ctx.org.id, id, {
      chosen_option: input.chosenOption,
      rationale: input.rationale,
      client_rationale: clientRationale,
      clients_not_asked_reason: clientsNotAskedReason,
      decided_at: ctx.now,
      decided_by: ctx.actor.id,
      decided_by_label: decidedBy,
      ...(input.reviewDate !== undefined && { review_date: input.reviewDate }),
      updated_at: ctx.now,
    });
    const people = [
      ...(await peopleOf(tx, ctx.org.id, 'team', row.team_id)),
      ...(await Promise.all(requests.map((r) => peopleOf(tx, ctx.org.id, r.adviser_type, r.adviser_id)))).flat(),
      ...(row.created_by_id ? [row.created_by_id] : []),
    ];
    await notifyUsers(
      tx,
      ctx.org.id,
      people,
      { kind: 'decision_taken', subjectType: 'decision', subjectId: id, params: { decision: row.title, option: chosen.title } },
      ctx.now,
      ctx.actor.id,
    );
    const decision = await describeOne(tx, ctx, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'decision.taken',
      entityType: 'decision',
      entityId: id,
      after: {
        chosenOption: input.chosenOption,
        option: chosen.title,
        rationale: input.rationale,
        clientRationale,
        clientsNotAskedReason,
        reviewDate: decision.reviewDate,
        settles: settles.map((s) => ({ proposalId: s.proposalId, outcome: s.outcome })),
      },
      at: ctx.now,
    });
    return { decision, published };
  });
  // The settled proposals' owed answers reach the answer promise once the decision is committed.
  await published.runAfterCommit();
  return decision;
}

/** Reviews a taken decision: keeps or amends it with a next review date, or retires it. */
export async function reviewDecision(ctx: OrgContext, id: string, input: TCreateReview): Promise<TReview> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadDecision(tx, ctx, id);
    await requireTeamAuthority(tx, ctx, row.team_id, 'review its decisions');
    // A write on the row first: two reviews at once follow one another, and the second sees the first.
    if (!(await touchDecidedDecision(tx, ctx.org.id, id, ctx.now))) {
      throw conflict(
        'id',
        'wrong_status',
        row.decided_at === null ? 'the decision is not taken yet: there is nothing to review' : 'the decision is retired',
        { status: row.decided_at === null ? 'open' : 'retired' },
      );
    }
    const next = checkNextReviewDate(ctx, input);
    const review = await insertReview(tx, ctx, 'decision', id, input);
    await updateDecisionRow(
      tx,
      ctx.org.id,
      id,
      next === null ? { retired_at: ctx.now, updated_at: ctx.now } : { review_date: next, updated_at: ctx.now },
    );
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'decision.reviewed',
      entityType: 'decision',
      entityId: id,
      before: { reviewDate: row.review_date },
      after: review,
      at: ctx.now,
    });
    return review;
  });
}

export async function decisionReviews(ctx: OrgContext, id: string): Promise<TReview[]> {
  await loadDecision(ctx.db, ctx, id);
  return listReviews(ctx.db, ctx.org.id, 'decision', id);
}
