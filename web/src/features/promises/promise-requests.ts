import type { Team } from '../../shared/api/types';
import { loadAllPages } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { useSession } from '../../shared/session/session-context';
import { teamsApi } from '../teams/teams.api';
import { loadPromiserTeams } from './promise-form-data';
import type { PromiseRequest } from './promises.api';
import { promisesApi } from './promises.api';

/** The requests of a screen in the groups it shows them in. */
export interface RequestGroups {
  /** Asked of the teams in view (mine, or the team of the page). */
  received: PromiseRequest[];
  /** Asked by the teams in view. */
  sent: PromiseRequest[];
  /** Between teams not in view: the promises screen shows them too (an admin may answer them). */
  others: PromiseRequest[];
}

/**
 * Open requests first (newest asked first), then the answered ones (newest answer first): what waits
 * for someone is on top.
 */
export function sortRequests(requests: readonly PromiseRequest[]): PromiseRequest[] {
  return [...requests].sort((a, b) => {
    if ((a.status === 'open') !== (b.status === 'open')) return a.status === 'open' ? -1 : 1;
    const at = (r: PromiseRequest) => Date.parse(r.status === 'open' ? r.createdAt : (r.answeredAt ?? r.createdAt));
    return at(b) - at(a) || b.id.localeCompare(a.id);
  });
}

/**
 * Splits requests by the teams in view: received when asked of one of them, sent when asked by one
 * (a request between two of them is in both), otherwise among the others.
 */
export function groupRequests(requests: readonly PromiseRequest[], teamIds: ReadonlySet<string>): RequestGroups {
  const received = requests.filter((r) => teamIds.has(r.toTeam.id));
  const sent = requests.filter((r) => teamIds.has(r.fromTeam.id));
  const others = requests.filter((r) => !teamIds.has(r.toTeam.id) && !teamIds.has(r.fromTeam.id));
  return { received: sortRequests(received), sent: sortRequests(sent), others: sortRequests(others) };
}

/** Open requests asked of the teams in view: what the tab's badge counts. */
export function countWaiting(requests: readonly PromiseRequest[], teamIds: ReadonlySet<string>): number {
  return requests.filter((r) => r.status === 'open' && teamIds.has(r.toTeam.id)).length;
}

export interface RequestsData {
  requests: PromiseRequest[];
  teams: Team[];
  /** The teams the person is a member of (for an admin too: "my teams" are the ones they are in). */
  memberTeamIds: Set<string>;
  /** Titles of the promises the requests would support, by id (a promise that cannot be read is left out). */
  promiseTitles: Map<string, string>;
}

/**
 * The requests between teams (of one team when `teamId` is given) and the person's teams, which
 * decide what they may answer or ask: a team's members, or an admin for any team.
 */
export function usePromiseRequests(teamId: string | null, refreshKey = 0) {
  const { org } = useOrg();
  const { me } = useSession();
  const userId = me?.user.id ?? null;
  return useResource<RequestsData>(async () => {
    const [requests, teams] = await Promise.all([
      loadAllPages((cursor) => promisesApi.requests(org.slug, { teamId: teamId ?? undefined, cursor })),
      loadAllPages((cursor) => teamsApi.list(org.slug, cursor)),
    ]);
    const supported = [...new Set(requests.flatMap((r) => (r.supportsPromiseId ? [r.supportsPromiseId] : [])))];
    const [mine, promises] = await Promise.all([
      loadPromiserTeams(org.slug, teams, false, userId),
      Promise.all(supported.map((id) => promisesApi.get(org.slug, id).catch(() => null))),
    ]);
    return {
      requests,
      teams,
      memberTeamIds: new Set(mine.map((team) => team.id)),
      promiseTitles: new Map(promises.flatMap((p) => (p ? [[p.id, p.title] as const] : []))),
    };
  }, `${org.slug}|${teamId}|${userId}|${refreshKey}`);
}
