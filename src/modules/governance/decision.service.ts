import { AppError, fieldError, invalidField, notFound } from '../../core/errors.js';
import { dayInZone, isDue } from '../../core/governance/dates.js';
import { type DecisionBlock, decisionBlock, decisionStatus, MIN_OPTIONS } from '../../core/governance/decisions.js';
import { answerableBy, capHeld, openingBlock, teamHoldsRight } from '../../core/governance/standing.js';
import { newId } from '../../core/ids.js';
import type { AdviceRequestsTable, DecisionsTable, Tx } from '../../db/schema.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import { listUserNames } from '../auth/user.repository.js';
import { segmentsOfClients } from '../clients/client.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { pageInMemory } from '../list.js';
import { listMembershipRolesOfUsers } from '../memberships/membership.repository.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import { findTeam, listTeamNames } from '../teams/team.repository.js';
import { actsForOrganization } from '../teams/team-authority.js';
import { requireTeamAuthority } from './authority.js';
import { listClientAdvice, listSegmentNames } from './client-advice.repository.js';
import { mailClientsAskedForAdvice } from './client-advice-mail.service.js';
import { checkDecisionSegments, notAskedSegments, segmentIdsOf } from './clients-asked.service.js';
import {
  findDecision,
  insertAdviceRequests,
  insertDecision,
  listAdviceRequests,
  listDecisionIdsAwaitingAdvice,
  listDecisionRows,
  touchOpenDecision,
} from './decision.repository.js';
import type { TCreateDecision, TDecision } from './decision.schema.js';
import { standingOf } from './decision-standing.js';
import { decisionsNeedingOverride, overridesOfDecisions } from './override.service.js';
import { lastReviews } from './review.service.js';
import { findRight, listRightNames, loadGrants } from './rights.repository.js';
import { coreGrant } from './rights.service.js';
import { listRoleIdsOfTeam } from './structure.repository.js';

type Option = { title: string; description: string };

export function blockOf(
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

async function describe(tx: Tx, ctx: OrgContext, rows: DecisionsTable[]): Promise<TDecision[]> {
  const ids = rows.map((r) => r.id);
  const advice = await listAdviceRequests(tx, ctx.org.id, ids);
  const reviews = await lastReviews(tx, ctx.org.id, 'decision', ids);
  const teams = new Map((await listTeamNames(tx, ctx.org.id)).map((t) => [t.id, t.name]));
  const rights = new Map((await listRightNames(tx, ctx.org.id)).map((r) => [r.id, r.name]));
  const userIds = [
    ...new Set(
      [...advice.values()]
        .flat()
        .filter((r) => r.adviser_type === 'user')
        .map((r) => r.adviser_id),
    ),
  ];
  const users = new Map((await listUserNames(tx, userIds)).map((u) => [u.id, u.name]));
  const standing = await standingOf(tx, ctx);
  const grants = (await loadGrants(tx, ctx.org.id)).map(coreGrant);
  const byId = new Map(grants.map((g) => [g.id, g] as const));
  const overrides = await overridesOfDecisions(tx, ctx.org.id, ids);
  const needOverride = await decisionsNeedingOverride(tx, ctx.org.id, { standing, grants, byId }, rows);
  const clients = await describeClients(tx, ctx, rows);
  return rows.map((row) => {
    const requests = advice.get(row.id) ?? [];
    const options = JSON.parse(row.options) as Option[];
    const decideBlock = standing.userId
      ? (blockOf(row, requests, capHeld(standing, grants, byId, row.right_id, row.team_id), ctx)?.code ?? null)
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
      clientRationale: row.client_rationale,
      ...(clients.get(row.id) as ClientsPart),
      clientsNotAskedReason: row.clients_not_asked_reason,
      decidedAt: row.decided_at,
      decidedBy: row.decided_at === null ? null : { id: row.decided_by, label: row.decided_by_label ?? '' },
      createdBy: { id: row.created_by_id, label: row.created_by },
      lastReview: reviews.get(row.id) ?? null,
      overrides: overrides.get(row.id) ?? [],
      viewer: {
        canAdvise: row.decided_at === null && row.retired_at === null && answerableBy(standing, requests).length > 0,
        decideBlock,
        decideNeedsOverride: needOverride.has(row.id),
      },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

type ClientsPart = Pick<TDecision, 'touchesSegments' | 'adviceSegments' | 'clientAdvice' | 'segmentsNotAsked'>;

/** The clients' side of each decision: segments touched and asked, clients' advice, and (open ones) segments not asked yet. */
async function describeClients(tx: Tx, ctx: OrgContext, rows: DecisionsTable[]): Promise<Map<string, ClientsPart>> {
  const ids = rows.map((r) => r.id);
  const segmentIds = [...new Set(rows.flatMap((r) => [...segmentIdsOf(r.touches_segment_ids), ...segmentIdsOf(r.advice_segment_ids)]))];
  const names = new Map((await listSegmentNames(tx, ctx.org.id, segmentIds)).map((s) => [s.id, s.name] as const));
  const ref = (id: string) => ({ id, name: names.get(id) ?? '' });
  const advice = await listClientAdvice(tx, ctx.org.id, ids);
  const clientIds = [...new Set([...advice.values()].flat().map((a) => a.client_id))];
  const clientSegments = await segmentsOfClients(tx, ctx.org.id, clientIds);
  const out = new Map<string, ClientsPart>();
  for (const row of rows) {
    const asked = segmentIdsOf(row.advice_segment_ids);
    const isOpen = row.decided_at === null && row.retired_at === null;
    out.set(row.id, {
      touchesSegments: segmentIdsOf(row.touches_segment_ids).map(ref),
      adviceSegments: asked.map(ref),
      clientAdvice: (advice.get(row.id) ?? []).map((a) => ({
        id: a.id,
        client: { id: a.client_id, name: a.client_name },
        segments: (clientSegments.get(a.client_id) ?? []).filter((id) => asked.includes(id)).map(ref),
        advice: a.advice,
        preferredOption: a.preferred_option,
        givenAt: Number(a.created_at),
        updatedAt: Number(a.updated_at),
      })),
      segmentsNotAsked: isOpen ? await notAskedSegments(tx, ctx, row) : [],
    });
  }
  return out;
}

export async function loadDecision(tx: Tx, ctx: OrgContext, id: string): Promise<DecisionsTable> {
  const row = await findDecision(tx, ctx.org.id, id);
  if (!row) throw notFound('decision', id);
  return row;
}

export async function describeOne(tx: Tx, ctx: OrgContext, id: string): Promise<TDecision> {
  const [decision] = await describe(tx, ctx, [await loadDecision(tx, ctx, id)]);
  return decision as TDecision;
}

export async function getDecision(ctx: OrgContext, id: string): Promise<TDecision> {
  return describeOne(ctx.db, ctx, id);
}

/**
 * Decisions by team, step of the process, or due for review (decided, not retired, review day come),
 * newest first. Filtering needs only the rows and, for open decisions, whether advice is still
 * awaited; the full description is built for the page alone.
 */
export async function listDecisions(
  ctx: OrgContext,
  filter: Partial<TPageQuery> & { teamId?: string; status?: TDecision['status']; due?: 'true' | 'false' },
): Promise<{ items: TDecision[]; nextCursor: string | null }> {
  const isOpenStatus = filter.status === 'seeking_advice' || filter.status === 'ready';
  let rows = await listDecisionRows(ctx.db, ctx.org.id, {
    teamId: filter.teamId,
    stage: isOpenStatus ? 'open' : filter.status === 'decided' || filter.status === 'retired' ? filter.status : undefined,
    reviewDueOn: filter.due === 'true' ? dayInZone(ctx.now, ctx.org.time_zone) : undefined,
  });
  if (isOpenStatus) {
    const waiting = await listDecisionIdsAwaitingAdvice(
      ctx.db,
      ctx.org.id,
      rows.map((r) => r.id),
    );
    rows = rows.filter((r) => statusOfOpen(ctx, r, waiting) === filter.status);
  }
  if (filter.due === 'false') rows = rows.filter((r) => !isDecisionDue(ctx, r));
  // Without a limit (the due list, the CLI) every match is described.
  const page =
    filter.limit === undefined ? { items: rows, nextCursor: null } : pageInMemory(rows, { limit: filter.limit, cursor: filter.cursor });
  const items = await describe(ctx.db, ctx, page.items);
  return { items, nextCursor: page.nextCursor };
}

function statusOfOpen(ctx: OrgContext, row: DecisionsTable, waiting: Set<string>): TDecision['status'] {
  const advice = waiting.has(row.id) ? [{ adviserId: '', answeredAt: null }] : [];
  return decisionStatus(
    { advice, adviceDeadline: row.advice_deadline, decidedAt: row.decided_at, retiredAt: row.retired_at },
    ctx.now,
    ctx.org.time_zone,
  );
}

function isDecisionDue(ctx: OrgContext, row: DecisionsTable): boolean {
  return (
    row.decided_at !== null && row.retired_at === null && row.review_date !== null && isDue(row.review_date, ctx.now, ctx.org.time_zone)
  );
}

/** A day set by hand for a review or a deadline may be today but not a day already gone. */
export function checkNotPast(ctx: OrgContext, field: string, date: string | null | undefined): void {
  if (date && date < dayInZone(ctx.now, ctx.org.time_zone)) throw invalidField(field, 'in_past', 'must not be in the past');
}

/**
 * Locks an open decision for the rest of the transaction (a write on its row, which PostgreSQL
 * holds until commit and SQLite serializes anyway), so two people cannot decide, or advise and
 * decide, at once. Refused with decision_already_taken when it is decided or withdrawn.
 */
export async function lockOpenDecision(tx: Tx, ctx: OrgContext, id: string): Promise<DecisionsTable> {
  const wasOpen = await touchOpenDecision(tx, ctx.org.id, id, ctx.now);
  const row = await loadDecision(tx, ctx, id);
  if (!wasOpen) {
    throw new AppError('decision_already_taken', row.retired_at !== null ? 'the decision was withdrawn' : 'the decision is already taken');
  }
  return row;
}

/** Who is asked for advice, checked to be people of the organization or its teams; duplicates collapse. */
async function checkAdvisers(tx: Tx, ctx: OrgContext, advisers: TCreateDecision['advisers']) {
  const seen = new Set<string>();
  const result: TCreateDecision['advisers'] = [];
  const userIds = [...new Set(advisers.filter((a) => a.type === 'user').map((a) => a.id))];
  const roles = await listMembershipRolesOfUsers(tx, ctx.org.id, userIds);
  const teamIds = advisers.some((a) => a.type === 'team') ? new Set((await listTeamNames(tx, ctx.org.id)).map((t) => t.id)) : new Set();
  for (const [index, adviser] of advisers.entries()) {
    const key = `${adviser.type}:${adviser.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (adviser.type === 'user') {
      const role = roles.get(adviser.id);
      const membership = role === undefined ? undefined : { role };
      if (!membership) throw invalidField(`advisers.${index}.id`, 'not_found', 'no such person in the organization', { entity: 'person' });
      // Viewers read only; asking them would hold the decision up with advice they cannot give.
      if (membership.role === 'viewer')
        throw invalidField(`advisers.${index}.id`, 'not_allowed', 'a viewer cannot give advice: make them a member first', {
          role: 'viewer',
        });
    } else {
      const team = teamIds.has(adviser.id);
      if (!team) throw invalidField(`advisers.${index}.id`, 'not_found', 'no such team in the organization', { entity: 'team' });
    }
    result.push(adviser);
  }
  return result;
}

/**
 * Refuses to open a decision for `team` under a right it does not hold, unless the organization
 * itself opens it for a council team (the rule is `openingBlock`).
 */
async function requireOpeningRight(tx: Tx, ctx: OrgContext, team: { id: string; kind: string }, rightId: string): Promise<void> {
  const grants = (await loadGrants(tx, ctx.org.id)).map(coreGrant);
  const byId = new Map(grants.map((g) => [g.id, g] as const));
  const roleIds = new Set(await listRoleIdsOfTeam(tx, ctx.org.id, team.id));
  const block = openingBlock({
    teamHoldsRight: teamHoldsRight(grants, byId, rightId, team.id, roleIds),
    actsForOrganization: await actsForOrganization(tx, ctx),
    isCouncilTeam: team.kind === 'council',
  });
  if (block?.code === 'decider_lacks_right') {
    const message =
      'the team holds this right neither itself nor through one of its roles: only an admin or the council opens such a decision';
    throw new AppError('decider_lacks_right', `rightId: ${message}`, [fieldError('rightId', 'not_held', message)]);
  }
  if (block?.code === 'team_lacks_right') {
    throw invalidField('rightId', 'not_held', 'the team holds this right neither itself nor through one of its roles');
  }
}

/**
 * Opens a decision record for a team under a right, with its options and the advice asked; each
 * adviser (or each member of an advising team) is notified, and — given the server's public address —
 * clients of the segments asked get one e-mail (client-advice-mail.service.ts).
 */
export async function createDecision(ctx: OrgContext, input: TCreateDecision, publicUrl?: string): Promise<TDecision> {
  if (input.options.length < MIN_OPTIONS) {
    throw new AppError('too_few_options', `options: at least ${MIN_OPTIONS} options are needed (optionality)`, [
      fieldError('options', 'too_few', `at least ${MIN_OPTIONS} options`, { minimum: MIN_OPTIONS }),
    ]);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const team = await findTeam(tx, ctx.org.id, input.teamId);
    if (!team) throw invalidField('teamId', 'not_found', 'no team with this id in the organization', { entity: 'team' });
    const right = await findRight(tx, ctx.org.id, input.rightId);
    if (!right) throw invalidField('rightId', 'not_found', 'no decision right with this id in the organization', { entity: 'right' });
    await requireTeamAuthority(tx, ctx, team.id, 'open its decisions');
    await requireOpeningRight(tx, ctx, team, input.rightId);
    const by = await actorName(tx, ctx);
    const advisers = await checkAdvisers(tx, ctx, input.advisers);
    if (advisers.length > 0 && input.adviceDeadline === null)
      throw invalidField('adviceDeadline', 'required', 'required when advice is asked');
    checkNotPast(ctx, 'adviceDeadline', input.adviceDeadline);
    checkNotPast(ctx, 'reviewDate', input.reviewDate);
    const touches = await checkDecisionSegments(tx, ctx, 'touchesSegmentIds', input.touchesSegmentIds ?? []);
    const adviceSegments = await checkDecisionSegments(tx, ctx, 'adviceFromSegmentIds', input.adviceFromSegmentIds ?? []);
    if (adviceSegments.length > 0 && input.adviceDeadline === null)
      throw invalidField('adviceDeadline', 'required', 'required when advice is asked');
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
      client_rationale: null,
      touches_segment_ids: JSON.stringify(touches),
      advice_segment_ids: JSON.stringify(adviceSegments),
      clients_not_asked_reason: null,
      decided_at: null,
      decided_by: null,
      decided_by_label: null,
      retired_at: null,
      created_by: by,
      created_by_id: ctx.actor.type === 'user' ? ctx.actor.id : null,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await insertDecision(tx, row);
    await insertAdviceRequests(
      tx,
      advisers.map((adviser) => ({
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
      })),
    );
    // Everyone asked hears once, even when asked both personally and through a team.
    const asked = (await Promise.all(advisers.map((a) => peopleOf(tx, ctx.org.id, a.type, a.id)))).flat();
    await notifyUsers(
      tx,
      ctx.org.id,
      asked,
      {
        kind: 'advice_requested',
        subjectType: 'decision',
        subjectId: row.id,
        params: { decision: row.title, team: team.name, teamId: team.id, by, deadline: input.adviceDeadline },
        participantsOnly: true,
      },
      ctx.now,
      ctx.actor.id,
    );
    await mailClientsAskedForAdvice(tx, ctx, row, publicUrl);
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
