import { widestCap } from '../../core/governance/decisions.js';
import { type Grant, isChainActive } from '../../core/governance/rights.js';
import type { AdviceRequestsTable, Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';

/** What a person holds: the teams and roles they are in, and whether they act as the organization. */
export interface Standing {
  userId: string | null;
  /** Admins and the council are where rights come from: they hold every right, without a cap. */
  isOrgLevel: boolean;
  teamIds: Set<string>;
  /** The person's roles, each with its team. */
  roleTeams: Map<string, string>;
}

export async function standingOf(tx: Tx, ctx: OrgContext): Promise<Standing> {
  const userId = ctx.actor.type === 'user' ? ctx.actor.id : null;
  if (!userId) return { userId: null, isOrgLevel: false, teamIds: new Set(), roleTeams: new Map() };
  const teams = await tx
    .selectFrom('team_members')
    .select('team_id')
    .where('org_id', '=', ctx.org.id)
    .where('user_id', '=', userId)
    .execute();
  const roles = await tx
    .selectFrom('role_members')
    .innerJoin('roles', 'roles.id', 'role_members.role_id')
    .select(['role_members.role_id', 'roles.team_id'])
    .where('role_members.org_id', '=', ctx.org.id)
    .where('role_members.user_id', '=', userId)
    .execute();
  return {
    userId,
    isOrgLevel: ctx.role === 'admin' || ctx.role === 'council',
    teamIds: new Set(teams.map((t) => t.team_id)),
    roleTeams: new Map(roles.map((r) => [r.role_id, r.team_id])),
  };
}

/**
 * The widest cap with which the person holds the right *for the decision's team* now: through that
 * team (as its member) or through one of its roles (as one of the role's people). Undefined when not
 * at all, null when uncapped; admins and the council hold every right uncapped.
 */
export function capHeld(
  standing: Standing,
  grants: readonly Grant[],
  byId: ReadonlyMap<string, Grant>,
  rightId: string,
  teamId: string,
): number | null | undefined {
  if (standing.isOrgLevel) return null;
  const caps = grants
    .filter(
      (g) =>
        g.rightId === rightId &&
        ((g.holderType === 'team' && g.holderId === teamId && standing.teamIds.has(teamId)) ||
          (g.holderType === 'role' && standing.roleTeams.get(g.holderId) === teamId)) &&
        isChainActive(byId, g),
    )
    .map((g) => g.limits.spendingCap ?? null);
  return widestCap(caps);
}

/** Whether the team, or one of its roles, holds the right now (the team's own authority). */
export function teamHoldsRight(
  grants: readonly Grant[],
  byId: ReadonlyMap<string, Grant>,
  rightId: string,
  teamId: string,
  roleIds: Set<string>,
) {
  return grants.some(
    (g) =>
      g.rightId === rightId &&
      ((g.holderType === 'team' && g.holderId === teamId) || (g.holderType === 'role' && roleIds.has(g.holderId))) &&
      isChainActive(byId, g),
  );
}

/** Advice requests the person may answer: addressed to them, or to a team they are in and not answered by another member. */
export function answerableBy(standing: Standing, requests: readonly AdviceRequestsTable[]): AdviceRequestsTable[] {
  if (!standing.userId) return [];
  return requests.filter(
    (r) =>
      (r.adviser_type === 'user' && r.adviser_id === standing.userId) ||
      (r.adviser_type === 'team' && standing.teamIds.has(r.adviser_id) && (r.answered_by === null || r.answered_by === standing.userId)),
  );
}
