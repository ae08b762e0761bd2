import { loadAllPages } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { membershipsApi } from '../memberships/memberships.api';
import { teamsApi } from '../teams/teams.api';
import { type Grant, governanceApi, type Right } from './decisions.api';

export interface DecisionFormData {
  /** The rights a decision of the team may be made under: those it holds, or every right for a council. */
  rights: Right[];
  /** A council decides under any right (rights come from it); other teams only under the rights they hold. */
  isCouncil: boolean;
  /** The team's own active grants, by right id (a right may be granted more than once: several caps). */
  teamGrants: Map<string, Grant[]>;
  /** Active grants of the team's roles, by right id. */
  roleGrants: Map<string, Grant[]>;
  people: { userId: string; name: string; email: string }[];
  teams: { id: string; name: string }[];
}

/** Active grants grouped by right id. */
export function byRight(grants: readonly Grant[]): Map<string, Grant[]> {
  const map = new Map<string, Grant[]>();
  for (const grant of grants) {
    if (!grant.active) continue;
    map.set(grant.rightId, [...(map.get(grant.rightId) ?? []), grant]);
  }
  return map;
}

/**
 * The rights a new decision of the team may be made under, as the server checks them: a right the
 * team holds itself or through one of its roles; any right for a council. Held rights come first.
 */
export function usableRights(
  rights: readonly Right[],
  teamGrants: ReadonlyMap<string, unknown>,
  roleGrants: ReadonlyMap<string, unknown>,
  isCouncil: boolean,
): Right[] {
  const isHeld = (right: Right) => teamGrants.has(right.id) || roleGrants.has(right.id);
  const held = rights.filter(isHeld);
  return isCouncil ? [...held, ...rights.filter((right) => !isHeld(right))] : held;
}

/** What the "new decision" form chooses from: the rights the team may use (and how it holds them), people and teams to ask. */
export function useDecisionFormData(org: string, teamId: string, isEnabled: boolean) {
  return useResource<DecisionFormData | null>(async () => {
    if (!isEnabled) return null;
    const [rights, grants, roles, people, teams] = await Promise.all([
      loadAllPages((cursor) => governanceApi.rights(org, cursor)),
      loadAllPages((cursor) => governanceApi.grantsOf(org, 'team', teamId, cursor)),
      loadAllPages((cursor) => governanceApi.roles(org, teamId, cursor)),
      loadAllPages((cursor) => membershipsApi.list(org, cursor, 200)),
      loadAllPages((cursor) => teamsApi.list(org, cursor)),
    ]);
    const roleGrants = (
      await Promise.all(roles.map((role) => loadAllPages((cursor) => governanceApi.grantsOf(org, 'role', role.id, cursor))))
    ).flat();
    const isCouncil = teams.some((team) => team.id === teamId && team.kind === 'council');
    const teamGrants = byRight(grants);
    const roleGrantsByRight = byRight(roleGrants);
    return {
      rights: usableRights(rights, teamGrants, roleGrantsByRight, isCouncil),
      isCouncil,
      teamGrants,
      roleGrants: roleGrantsByRight,
      people: people.map((person) => ({ userId: person.userId, name: person.name, email: person.email })),
      teams: teams.map((team) => ({ id: team.id, name: team.name })),
    };
  }, `${org}|${teamId}|${isEnabled}`);
}

/** The widest spending cap among grants: null (no cap) beats any number; undefined when there is no grant. */
export function widestCap(grants: readonly Grant[] | undefined): number | null | undefined {
  if (!grants || grants.length === 0) return undefined;
  const caps = grants.map((grant) => grant.limits.spendingCap);
  return caps.includes(null) ? null : Math.max(...(caps as number[]));
}
