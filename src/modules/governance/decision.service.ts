import { AppError, conflict, invalidField, notFound } from '../../core/errors.js';
import { dayInZone, isDue } from '../../core/governance/dates.js';
import { type DecisionBlock, decisionBlock, decisionStatus, MIN_OPTIONS, widestCap } from '../../core/governance/decisions.js';
import { type Grant, isChainActive } from '../../core/governance/rights.js';
import { newId } from '../../core/ids.js';
import type { AdviceRequestsTable, DecisionsTable, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import type { TCreateReview, TReview } from './agreement.schema.js';
import { actorName, requireTeamAuthority } from './authority.js';
import type { TCreateDecision, TDecide, TDecision, TGiveAdvice, TUpdateDecision } from './decision.schema.js';
import { checkNextReviewDate, insertReview, lastReviews, listReviews } from './review.service.js';
import { coreGrant, loadGrants } from './rights.service.js';

type Option = { title: string; description: string };

/** What a person holds: the teams and roles they are in, and whether they act as the organization. */
interface Standing {
  userId: string | null;
  /** Admins and the council are where rights come from: they hold every right, without a cap. */
  isOrgLevel: boolean;
  teamIds: Set<string>;
  roleIds: Set<string>;
}

async function standingOf(tx: Tx, ctx: OrgContext): Promise<Standing> {
  const userId = ctx.actor.type === 'user' ? ctx.actor.id : null;
  if (!userId) return { userId: null, isOrgLevel: false, teamIds: new Set(), roleIds: new Set() };
  const teams = await tx
    .selectFrom('team_members')
    .select('team_id')
    .where('org_id', '=', ctx.org.id)
    .where('user_id', '=', userId)
    .execute();
  const roles = await tx
    .selectFrom('role_members')
    .select('role_id')
    .where('org_id', '=', ctx.org.id)
    .where('user_id', '=', userId)
    .execute();
  return {
    userId,
    isOrgLevel: ctx.role === 'admin' || ctx.role === 'council',
    teamIds: new Set(teams.map((t) => t.team_id)),
    roleIds: new Set(roles.map((r) => r.role_id)),
  };
}

/** The widest cap the person holds the right with now: undefined when not at all, null when uncapped. */
function capHeld(standing: Standing, grants: readonly Grant[], rightId: string): number | null | undefined {
  if (standing.isOrgLevel) return null;
  const byId = new Map(grants.map((g) => [g.id, g]));
  const caps = grants
    .filter(
      (g) =>
        g.rightId === rightId &&
        ((g.holderType === 'team' && standing.teamIds.has(g.holderId)) || (g.holderType === 'role' && standing.roleIds.has(g.holderId))) &&
        isChainActive(byId, g),
    )
    .map((g) => g.limits.spendingCap ?? null);
  return widestCap(caps);
}

/** Advice requests the person may answer: addressed to them, or to a team they are in and not answered by another member. */
function answerableBy(standing: Standing, requests: readonly AdviceRequestsTable[]): AdviceRequestsTable[] {
  if (!standing.userId) return [];
  return requests.filter(
    (r) =>
      (r.adviser_type === 'user' && r.adviser_id === standing.userId) ||
      (r.adviser_type === 'team' && standing.teamIds.has(r.adviser_id) && (r.answered_by === null || r.answered_by === standing.userId)),
  );
}

function blockOf(
  row: DecisionsTable,
  requests: readonly AdviceRequestsTable[],
  cap: number | null | undefined,
  ctx: OrgContext,
): DecisionBlock | null {
  return decisionBlock(
    {
      options: JSON.parse(row.options) as Option[],
      advice: requests.map((r) => ({ adviserId: `${r.adviser_type}:${r.adviser_id}`, answeredAt: r.answered_at })),
      adviceDeadline: row.advice_deadline,
      deciderHoldsRight: cap !== undefined,
      amount: row.amount === null ? null : Number(row.amount),
      deciderCap: cap ?? null,
      decidedAt: row.decided_at,
    },
    ctx.now,
    ctx.org.time_zone,
  );
}

function sortAdvisers(requests: readonly AdviceRequestsTable[], users: Map<string, string>, teams: Map<string, string>) {
  const key = (r: AdviceRequestsTable) =>
    `${r.adviser_type === 'user' ? 0 : 1}${(r.adviser_type === 'user' ? users : teams).get(r.adviser_id) ?? ''}`;
  return [...requests].sort((a, b) => key(a).localeCompare(key(b)));
}

async function adviceOf(tx: Tx, orgId: string, decisionIds: string[]): Promise<Map<string, AdviceRequestsTable[]>> {
  const byDecision = new Map<string, AdviceRequestsTable[]>();
  if (decisionIds.length === 0) return byDecision;
  const rows = await tx
    .selectFrom('advice_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('decision_id', 'in', decisionIds)
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
  for (const row of rows) byDecision.set(row.decision_id, [...(byDecision.get(row.decision_id) ?? []), row]);
  return byDecision;
}

async function describe(tx: Tx, ctx: OrgContext, rows: DecisionsTable[]): Promise<TDecision[]> {
  const ids = rows.map((r) => r.id);
  const advice = await adviceOf(tx, ctx.org.id, ids);
  const reviews = await lastReviews(tx, ctx.org.id, 'decision', ids);
  const teams = new Map(
    (await tx.selectFrom('teams').select(['id', 'name']).where('org_id', '=', ctx.org.id).execute()).map((t) => [t.id, t.name]),
  );
  const rights = new Map(
    (await tx.selectFrom('decision_rights').select(['id', 'name']).where('org_id', '=', ctx.org.id).execute()).map((r) => [r.id, r.name]),
  );
  const userIds = [
    ...new Set(
      [...advice.values()]
        .flat()
        .filter((r) => r.adviser_type === 'user')
        .map((r) => r.adviser_id),
    ),
  ];
  const users = new Map(
    userIds.length === 0
      ? []
      : (await tx.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute()).map((u) => [u.id, u.name]),
  );
  const standing = await standingOf(tx, ctx);
  const grants = (await loadGrants(tx, ctx.org.id)).map(coreGrant);
  return rows.map((row) => {
    const requests = advice.get(row.id) ?? [];
    const options = JSON.parse(row.options) as Option[];
    const decideBlock = standing.userId
      ? (blockOf(row, requests, capHeld(standing, grants, row.right_id), ctx)?.code ?? null)
      : 'decider_lacks_right';
    return {
      id: row.id,
      teamId: row.team_id,
      teamName: teams.get(row.team_id) ?? '',
      right: { id: row.right_id, name: rights.get(row.right_id) ?? '' },
      title: row.title,
      context: row.context,
      options: options.map((o, index) => ({ index, title: o.title, description: o.description })),
      amount: row.amount === null ? null : Number(row.amount),
      // People first, then teams, each by name: the order a reader scans the advice in.
      advisers: sortAdvisers(requests, users, teams).map((r) => ({
        id: r.id,
        adviser: {
          type: r.adviser_type,
          id: r.adviser_id,
          name: (r.adviser_type === 'user' ? users.get(r.adviser_id) : teams.get(r.adviser_id)) ?? '',
        },
        requestedAt: r.requested_at,
        answeredAt: r.answered_at,
        answeredBy: r.answered_at === null ? null : { id: r.answered_by, label: r.answered_by_label ?? '' },
        advice: r.advice,
        preferredOption: r.preferred_option,
      })),
      adviceDeadline: row.advice_deadline,
      reviewDate: row.review_date,
      status: decisionStatus(
        {
          advice: requests.map((r) => ({ adviserId: r.id, answeredAt: r.answered_at })),
          adviceDeadline: row.advice_deadline,
          decidedAt: row.decided_at,
          retiredAt: row.retired_at,
        },
        ctx.now,
        ctx.org.time_zone,
      ),
      isDue:
        row.decided_at !== null &&
        row.retired_at === null &&
        row.review_date !== null &&
        isDue(row.review_date, ctx.now, ctx.org.time_zone),
      chosenOption: row.chosen_option,
      rationale: row.rationale,
      decidedAt: row.decided_at,
      decidedBy: row.decided_at === null ? null : { id: row.decided_by, label: row.decided_by_label ?? '' },
      createdBy: { id: row.created_by_id, label: row.created_by },
      lastReview: reviews.get(row.id) ?? null,
      viewer: { canAdvise: row.decided_at === null && answerableBy(standing, requests).length > 0, decideBlock },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

async function loadDecision(tx: Tx, ctx: OrgContext, id: string): Promise<DecisionsTable> {
  const row = await tx.selectFrom('decisions').selectAll().where('org_id', '=', ctx.org.id).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('decision', id);
  return row;
}

async function describeOne(tx: Tx, ctx: OrgContext, id: string): Promise<TDecision> {
  const [decision] = await describe(tx, ctx, [await loadDecision(tx, ctx, id)]);
  return decision as TDecision;
}

export async function getDecision(ctx: OrgContext, id: string): Promise<TDecision> {
  return describeOne(ctx.db, ctx, id);
}

/** Decisions by team, step of the process, or due for review (decided, not retired, review day come). */
export async function listDecisions(
  ctx: OrgContext,
  filter: { teamId?: string; status?: TDecision['status']; due?: 'true' | 'false' },
): Promise<TDecision[]> {
  let q = ctx.db.selectFrom('decisions').selectAll().where('org_id', '=', ctx.org.id);
  if (filter.teamId) q = q.where('team_id', '=', filter.teamId);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  const all = await describe(ctx.db, ctx, rows);
  return all.filter(
    (d) => (filter.status === undefined || d.status === filter.status) && (filter.due === undefined || d.isDue === (filter.due === 'true')),
  );
}

/** Who is asked for advice, checked to be people of the organization or its teams; duplicates collapse. */
async function checkAdvisers(tx: Tx, ctx: OrgContext, advisers: TCreateDecision['advisers']) {
  const seen = new Set<string>();
  const result: TCreateDecision['advisers'] = [];
  for (const [index, adviser] of advisers.entries()) {
    const key = `${adviser.type}:${adviser.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (adviser.type === 'user') {
      const membership = await tx
        .selectFrom('memberships')
        .select('role')
        .where('org_id', '=', ctx.org.id)
        .where('user_id', '=', adviser.id)
        .executeTakeFirst();
      if (!membership) throw invalidField(`advisers.${index}.id`, 'no such person in the organization');
      // Viewers read only; asking them would hold the decision up with advice they cannot give.
      if (membership.role === 'viewer') throw invalidField(`advisers.${index}.id`, 'a viewer cannot give advice: make them a member first');
    } else {
      const team = await tx
        .selectFrom('teams')
        .select('id')
        .where('org_id', '=', ctx.org.id)
        .where('id', '=', adviser.id)
        .executeTakeFirst();
      if (!team) throw invalidField(`advisers.${index}.id`, 'no such team in the organization');
    }
    result.push(adviser);
  }
  return result;
}

/**
 * Opens a decision record for a team under a right, with its options and the advice asked; each
 * adviser (or each member of an advising team) is notified.
 */
export async function createDecision(ctx: OrgContext, input: TCreateDecision): Promise<TDecision> {
  if (input.options.length < MIN_OPTIONS) {
    throw new AppError('too_few_options', `options: at least ${MIN_OPTIONS} options are needed (optionality)`, [
      { path: 'options', message: `at least ${MIN_OPTIONS} options` },
    ]);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const team = await tx
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', input.teamId)
      .executeTakeFirst();
    if (!team) throw invalidField('teamId', 'no team with this id in the organization');
    const right = await tx
      .selectFrom('decision_rights')
      .select('id')
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', input.rightId)
      .executeTakeFirst();
    if (!right) throw invalidField('rightId', 'no decision right with this id in the organization');
    await requireTeamAuthority(tx, ctx, team.id, 'open its decisions');
    const by = await actorName(tx, ctx);
    const advisers = await checkAdvisers(tx, ctx, input.advisers);
    const today = dayInZone(ctx.now, ctx.org.time_zone);
    if (advisers.length > 0 && input.adviceDeadline === null) throw invalidField('adviceDeadline', 'required when advice is asked');
    if (input.adviceDeadline !== null && input.adviceDeadline < today) throw invalidField('adviceDeadline', 'must not be in the past');
    const row: DecisionsTable = {
      id: newId(),
      org_id: ctx.org.id,
      team_id: team.id,
      right_id: input.rightId,
      title: input.title,
      context: input.context,
      options: JSON.stringify(input.options),
      amount: input.amount,
      advice_deadline: input.adviceDeadline,
      review_date: input.reviewDate,
      chosen_option: null,
      rationale: '',
      decided_at: null,
      decided_by: null,
      decided_by_label: null,
      retired_at: null,
      created_by: by,
      created_by_id: ctx.actor.type === 'user' ? ctx.actor.id : null,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await tx.insertInto('decisions').values(row).execute();
    for (const adviser of advisers) {
      await tx
        .insertInto('advice_requests')
        .values({
          id: newId(),
          org_id: ctx.org.id,
          decision_id: row.id,
          adviser_type: adviser.type,
          adviser_id: adviser.id,
          requested_at: ctx.now,
          answered_at: null,
          answered_by: null,
          answered_by_label: null,
          advice: '',
          preferred_option: null,
        })
        .execute();
      await notifyUsers(
        tx,
        ctx.org.id,
        await peopleOf(tx, ctx.org.id, adviser.type, adviser.id),
        {
          kind: 'advice_requested',
          subjectType: 'decision',
          subjectId: row.id,
          params: { decision: row.title, team: team.name, teamId: team.id, by, deadline: input.adviceDeadline },
        },
        ctx.now,
        ctx.actor.id,
      );
    }
    const decision = await describeOne(tx, ctx, row.id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'decision.created',
      entityType: 'decision',
      entityId: row.id,
      after: decision,
      at: ctx.now,
    });
    return decision;
  });
}

/** Corrects a decision's wording or moves its review date; the audit log keeps what it said before. */
export async function updateDecision(ctx: OrgContext, id: string, input: TUpdateDecision): Promise<TDecision> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadDecision(tx, ctx, id);
    await requireTeamAuthority(tx, ctx, row.team_id, 'change its decisions');
    const before = await describeOne(tx, ctx, id);
    await tx
      .updateTable('decisions')
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.context !== undefined && { context: input.context }),
        ...(input.reviewDate !== undefined && { review_date: input.reviewDate }),
        updated_at: ctx.now,
      })
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', id)
      .execute();
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

/**
 * The caller's advice: it answers every request addressed to them, and to their teams when no other
 * member answered yet. It may be changed until the decision is taken. The one who opened the
 * decision is notified.
 */
export async function giveAdvice(ctx: OrgContext, id: string, input: TGiveAdvice): Promise<TDecision> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadDecision(tx, ctx, id);
    if (row.decided_at !== null) throw new AppError('decision_already_taken', 'the decision is already taken');
    const standing = await standingOf(tx, ctx);
    const mine = answerableBy(standing, (await adviceOf(tx, ctx.org.id, [id])).get(id) ?? []);
    if (mine.length === 0) throw new AppError('forbidden', 'you were not asked for advice on this decision');
    const options = JSON.parse(row.options) as Option[];
    const by = await actorName(tx, ctx);
    if (input.preferredOption !== null && input.preferredOption >= options.length) {
      throw invalidField('preferredOption', `there are ${options.length} options: 0 to ${options.length - 1}`);
    }
    for (const request of mine) {
      await tx
        .updateTable('advice_requests')
        .set({
          answered_at: ctx.now,
          answered_by: standing.userId,
          answered_by_label: by,
          advice: input.advice,
          preferred_option: input.preferredOption,
        })
        .where('org_id', '=', ctx.org.id)
        .where('id', '=', request.id)
        .execute();
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
        { path: 'options', message: `at least ${block.minimum} options` },
      ]);
    case 'decider_lacks_right':
      return new AppError(block.code, `you do not hold the right "${rightName}": neither a team nor a role of yours holds it now`);
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
 * for is in or its deadline day is over. Advisers are told what was decided.
 */
export async function takeDecision(ctx: OrgContext, id: string, input: TDecide): Promise<TDecision> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadDecision(tx, ctx, id);
    if (ctx.actor.type !== 'user' || !ctx.actor.id) throw new AppError('forbidden', 'a decision is taken by a person, not by an API token');
    const standing = await standingOf(tx, ctx);
    const requests = (await adviceOf(tx, ctx.org.id, [id])).get(id) ?? [];
    const grants = (await loadGrants(tx, ctx.org.id)).map(coreGrant);
    const block = blockOf(row, requests, capHeld(standing, grants, row.right_id), ctx);
    if (block) {
      const before = await describeOne(tx, ctx, id);
      const names = new Map(before.advisers.map((a) => [`${a.adviser.type}:${a.adviser.id}`, a.adviser.name]));
      throw blockError(block, before.right.name, names);
    }
    const options = JSON.parse(row.options) as Option[];
    const chosen = options[input.chosenOption];
    if (!chosen) throw invalidField('chosenOption', `there are ${options.length} options: 0 to ${options.length - 1}`);
    await tx
      .updateTable('decisions')
      .set({
        chosen_option: input.chosenOption,
        rationale: input.rationale,
        decided_at: ctx.now,
        decided_by: ctx.actor.id,
        decided_by_label: await actorName(tx, ctx),
        ...(input.reviewDate !== undefined && { review_date: input.reviewDate }),
        updated_at: ctx.now,
      })
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', id)
      .execute();
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
      after: { chosenOption: input.chosenOption, option: chosen.title, rationale: input.rationale, reviewDate: decision.reviewDate },
      at: ctx.now,
    });
    return decision;
  });
}

/** Reviews a taken decision: keeps or amends it with a next review date, or retires it. */
export async function reviewDecision(ctx: OrgContext, id: string, input: TCreateReview): Promise<TReview> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadDecision(tx, ctx, id);
    await requireTeamAuthority(tx, ctx, row.team_id, 'review its decisions');
    if (row.decided_at === null) throw conflict('id', 'the decision is not taken yet: there is nothing to review');
    if (row.retired_at !== null) throw conflict('id', 'the decision is retired');
    const next = checkNextReviewDate(ctx, input);
    const review = await insertReview(tx, ctx, 'decision', id, input);
    await tx
      .updateTable('decisions')
      .set(next === null ? { retired_at: ctx.now, updated_at: ctx.now } : { review_date: next, updated_at: ctx.now })
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', id)
      .execute();
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
