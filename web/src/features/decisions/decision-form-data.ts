import { loadAllPages } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { peopleApi } from '../people/people.api';
import { teamsApi } from '../teams/teams.api';
import { type Grant, governanceApi, type Right } from './decisions.api';

export interface DecisionFormData {
  rights: Right[];
  /** The team's active grants, by right id (a right may be granted more than once: several caps). */
  teamGrants: Map<string, Grant[]>;
  people: { userId: string; name: string; email: string }[];
  teams: { id: string; name: string }[];
}

/** What the "new decision" form chooses from: rights (and which the team holds), people and teams to ask. */
export function useDecisionFormData(org: string, teamId: string, isEnabled: boolean) {
  return useResource<DecisionFormData | null>(async () => {
    if (!isEnabled) return null;
    const [rights, grants, people, teams] = await Promise.all([
      loadAllPages((cursor) => governanceApi.rights(org, cursor)),
      loadAllPages((cursor) => governanceApi.teamGrants(org, teamId, cursor)),
      loadAllPages((cursor) => peopleApi.list(org, cursor, 200)),
      loadAllPages((cursor) => teamsApi.list(org, cursor)),
    ]);
    const teamGrants = new Map<string, Grant[]>();
    for (const grant of grants) {
      if (!grant.active) continue;
      teamGrants.set(grant.rightId, [...(teamGrants.get(grant.rightId) ?? []), grant]);
    }
    return {
      rights,
      teamGrants,
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
