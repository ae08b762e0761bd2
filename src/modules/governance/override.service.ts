import { AppError, fieldError, notFound } from '../../core/errors.js';
import {
  decidingNeedsOverride,
  holdsDelegatedAuthority,
  overrideReason,
  quarterOf,
  teamChangeNeedsOverride,
} from '../../core/governance/autonomy.js';
import type { Grant } from '../../core/governance/rights.js';
import { capHeld, type Standing, teamHoldsRight } from '../../core/governance/standing.js';
import { newId } from '../../core/ids.js';
import type { Db, OverridesTable, Tx } from '../../db/schema.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import type { OverrideAction, TeamChange, TOverride, TOverrideRecord } from '../teams/override.schema.js';
import { findTeam, isTeamMember } from '../teams/team.repository.js';
import { countOverridesBetween, insertOverride, listOverridesOfSubjects, pageOverridesOfTeam } from './override.repository.js';
import { loadGrants } from './rights.repository.js';
import { coreGrant } from './rights.service.js';
import { listRoleIdsOfTeam, listRolesWithTeams } from './structure.repository.js';

/**
 * Delegated authority holds (issue 17): acting over a team that holds a delegated right, from above,
 * needs an override with a reason; each override is recorded, told to the team's members, written
 * to the audit log and shown on the decision and in the team's rights tab.
 */

/** Whether the team, or one of its roles, holds a delegated right now. */
export async function isTeamAutonomous(tx: Tx, orgId: string, teamId: string, grants?: readonly Grant[]): Promise<boolean> {
  const all = grants ?? (await loadGrants(tx, orgId)).map(coreGrant);
  const roleIds = new Set(await listRoleIdsOfTeam(tx, orgId, teamId));
  return holdsDelegatedAuthority(all, teamId, roleIds);
}

/**
 * Refuses a change to a team from above (an admin, the council or a token not in the team) while
 * the team holds a delegated right and no override reason was sent (409 `team_autonomy`, naming
 * `override.reason`); records the override when one was needed and sent. The system, the team's
 * own members and changes to a team without delegated rights pass untouched (a reason sent then is
 * not recorded: nothing was overridden).
 */
export async function guardTeamChange(
  tx: Tx,
  ctx: OrgContext,
  change: TeamChange,
  override: TOverride | null | undefined,
  queryReason?: string,
): Promise<void> {
  const isSystem = ctx.actor.type === 'system';
  const actsForOrganization = ctx.actor.type === 'token' || ctx.role === 'admin' || ctx.role === 'council';
  if (isSystem || !actsForOrganization) return;
  const isMember = ctx.actor.type === 'user' && !!ctx.actor.id && (await isTeamMember(tx, ctx.org.id, change.teamId, ctx.actor.id));
  const autonomous = !isMember && (await isTeamAutonomous(tx, ctx.org.id, change.teamId));
  if (!teamChangeNeedsOverride({ isSystem, actsForOrganization, isTeamMember: isMember }, autonomous)) return;
  const reason = overrideReason(override, queryReason);
  if (reason === null) {
    const message =
      'the team holds delegated authority: changing it from above needs an override with a reason (body `override: {reason}`, or `?overrideReason=` on a DELETE)';
    throw new AppError('team_autonomy', message, [fieldError('override.reason', 'required', message)]);
  }
  await recordOverride(tx, ctx, change, reason);
}

/**
 * Refuses taking a decision under a right delegated to its team (or one of the team's roles) by an
 * admin or the council who holds the right only as such, not through the team or its roles, without
 * an override reason (409 `right_delegated`); records the override when one was sent.
 */
export async function guardDecidingOverRight(
  tx: Tx,
  ctx: OrgContext,
  state: { standing: Standing; grants: readonly Grant[]; byId: ReadonlyMap<string, Grant> },
  decision: { id: string; teamId: string; rightId: string },
  override: TOverride | null | undefined,
): Promise<void> {
  if (!state.standing.isOrgLevel) return;
  const holdsThroughTeam =
    capHeld({ ...state.standing, isOrgLevel: false }, state.grants, state.byId, decision.rightId, decision.teamId) !== undefined;
  if (holdsThroughTeam) return;
  const roleIds = new Set(await listRoleIdsOfTeam(tx, ctx.org.id, decision.teamId));
  const delegated = teamHoldsRight(state.grants, state.byId, decision.rightId, decision.teamId, roleIds);
  if (!decidingNeedsOverride({ isOrgLevel: true, holdsThroughTeam, teamHoldsRight: delegated })) return;
  const reason = overrideReason(override);
  if (reason === null) {
    const message =
      'the right is delegated to the team: deciding under it from above needs an override with a reason (body `override: {reason}`)';
    throw new AppError('right_delegated', message, [fieldError('override.reason', 'required', message)]);
  }
  await recordOverride(
    tx,
    ctx,
    { teamId: decision.teamId, action: 'decision_taken', subjectType: 'decision', subjectId: decision.id },
    reason,
  );
}

/**
 * The open decisions among `rows` the caller would need an override to take: the right is delegated
 * to the decision's team (or one of its roles) and the caller holds it only as admin or council.
 */
export async function decisionsNeedingOverride(
  tx: Tx,
  orgId: string,
  state: { standing: Standing; grants: readonly Grant[]; byId: ReadonlyMap<string, Grant> },
  rows: readonly { id: string; team_id: string; right_id: string; decided_at: number | null }[],
): Promise<Set<string>> {
  const needing = new Set<string>();
  if (!state.standing.isOrgLevel || rows.every((r) => r.decided_at !== null)) return needing;
  const rolesOfTeam = new Map<string, Set<string>>();
  for (const role of await listRolesWithTeams(tx, orgId)) {
    rolesOfTeam.set(role.team_id, (rolesOfTeam.get(role.team_id) ?? new Set()).add(role.id));
  }
  const asMember = { ...state.standing, isOrgLevel: false };
  for (const row of rows) {
    if (row.decided_at !== null) continue;
    const holdsThroughTeam = capHeld(asMember, state.grants, state.byId, row.right_id, row.team_id) !== undefined;
    const delegated = teamHoldsRight(state.grants, state.byId, row.right_id, row.team_id, rolesOfTeam.get(row.team_id) ?? new Set());
    if (decidingNeedsOverride({ isOrgLevel: true, holdsThroughTeam, teamHoldsRight: delegated })) needing.add(row.id);
  }
  return needing;
}

/**
 * Stores one override, tells the team's members (not the one who acted) and writes it to the audit
 * log. `notify: false` when the caller already tells the team in its own words (a promise acted for
 * sends `promise_acted_for`): one notification per override.
 */
export async function recordOverride(
  tx: Tx,
  ctx: OrgContext,
  change: TeamChange,
  reason: string,
  options: { notify?: boolean } = {},
): Promise<TOverrideRecord> {
  const team = await findTeam(tx, ctx.org.id, change.teamId);
  if (!team) throw notFound('team', change.teamId);
  const row: OverridesTable = {
    id: newId(),
    org_id: ctx.org.id,
    team_id: change.teamId,
    action: change.action,
    subject_type: change.subjectType,
    subject_id: change.subjectId,
    reason,
    actor_type: ctx.actor.type,
    actor_id: ctx.actor.id,
    actor_label: await actorName(tx, ctx),
    created_at: ctx.now,
  };
  await insertOverride(tx, row);
  if (options.notify !== false)
    await notifyUsers(
      tx,
      ctx.org.id,
      await peopleOf(tx, ctx.org.id, 'team', change.teamId),
      {
        kind: 'authority_overridden',
        subjectType: change.subjectType === 'decision' ? 'decision' : 'team',
        subjectId: change.subjectType === 'decision' ? change.subjectId : change.teamId,
        params: { team: team.name, action: change.action, reason, by: row.actor_label },
      },
      ctx.now,
      ctx.actor.id,
    );
  const record = toOverride(row);
  await appendAudit(tx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    action: 'team.authority_overridden',
    entityType: 'team',
    entityId: change.teamId,
    after: { action: record.action, subjectType: record.subjectType, subjectId: record.subjectId, reason },
    at: ctx.now,
  });
  return record;
}

export function toOverride(row: OverridesTable): TOverrideRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    action: row.action as OverrideAction,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    reason: row.reason,
    by: { type: row.actor_type, id: row.actor_id, name: row.actor_label },
    at: row.created_at,
  };
}

/** A team's overrides, newest first, a page at a time. */
export async function listTeamOverrides(ctx: OrgContext, teamId: string, page: TPageQuery) {
  if (!(await findTeam(ctx.db, ctx.org.id, teamId))) throw notFound('team', teamId);
  const result = await pageOverridesOfTeam(ctx.db, ctx.org.id, teamId, page);
  return { items: result.items.map(toOverride), nextCursor: result.nextCursor };
}

/** The overrides recorded on each of these decisions, oldest first. */
export async function overridesOfDecisions(db: Db | Tx, orgId: string, ids: readonly string[]): Promise<Map<string, TOverrideRecord[]>> {
  const byDecision = new Map<string, TOverrideRecord[]>();
  for (const row of await listOverridesOfSubjects(db, orgId, 'decision', ids)) {
    byDecision.set(row.subject_id, [...(byDecision.get(row.subject_id) ?? []), toOverride(row)]);
  }
  return byDecision;
}

/** How many overrides the organization recorded this quarter, on its own calendar. */
export async function overrideSummary(ctx: OrgContext) {
  const { quarter, from, to } = quarterOf(ctx.now, ctx.org.time_zone);
  return { quarter, from, to, count: await countOverridesBetween(ctx.db, ctx.org.id, from, to) };
}
