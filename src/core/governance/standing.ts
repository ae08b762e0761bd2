/**
 * Who may do what in the advice process, from where a person stands: the teams and roles they are
 * in. Pure rules over plain data: the service loads the person's places and the grants, then asks.
 */
import { widestCap } from './decisions.js';
import { type Grant, isChainActive } from './rights.js';

/** What a person holds: the teams and roles they are in, and whether they act as the organization. */
export interface Standing {
  userId: string | null;
  /** Admins and the council are where rights come from: they hold every right, without a cap. */
  isOrgLevel: boolean;
  teamIds: ReadonlySet<string>;
  /** The person's roles, each with its team. */
  roleTeams: ReadonlyMap<string, string>;
}

/** An advice request as far as the rules read it: to whom it is addressed and who answered. */
export interface AdviceAddressee {
  adviser_type: 'user' | 'team';
  adviser_id: string;
  answered_by: string | null;
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

/** Whether the team, or one of its roles (`roleIds`), holds the right now through an active chain. */
export function teamHoldsRight(
  grants: readonly Grant[],
  byId: ReadonlyMap<string, Grant>,
  rightId: string,
  teamId: string,
  roleIds: ReadonlySet<string>,
): boolean {
  return grants.some(
    (g) =>
      g.rightId === rightId &&
      ((g.holderType === 'team' && g.holderId === teamId) || (g.holderType === 'role' && roleIds.has(g.holderId))) &&
      isChainActive(byId, g),
  );
}

/**
 * Advice requests the person may answer: addressed to them, or to a team they are in and not
 * answered by another member. Nobody (no user id) answers none.
 */
export function answerableBy<R extends AdviceAddressee>(standing: Standing, requests: readonly R[]): R[] {
  if (!standing.userId) return [];
  return requests.filter(
    (r) =>
      (r.adviser_type === 'user' && r.adviser_id === standing.userId) ||
      (r.adviser_type === 'team' && standing.teamIds.has(r.adviser_id) && (r.answered_by === null || r.answered_by === standing.userId)),
  );
}

export type OpeningBlock = { code: 'decider_lacks_right' } | { code: 'team_lacks_right' };

/**
 * Why a decision cannot be opened for a team under a right, or null when it can. Opening needs the
 * right, as taking does: the team holds it (itself or through one of its roles) whatever its kind;
 * otherwise only the organization itself (admins, the council) opens it (`decider_lacks_right`),
 * and then only for a council team, which decides under any right, being where rights come from
 * (`team_lacks_right`). Otherwise a member who made their team a council would decide under rights
 * nobody gave it.
 */
export function openingBlock(state: {
  teamHoldsRight: boolean;
  actsForOrganization: boolean;
  isCouncilTeam: boolean;
}): OpeningBlock | null {
  if (state.teamHoldsRight) return null;
  if (!state.actsForOrganization) return { code: 'decider_lacks_right' };
  if (!state.isCouncilTeam) return { code: 'team_lacks_right' };
  return null;
}
