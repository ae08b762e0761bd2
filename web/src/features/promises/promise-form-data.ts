import type { Pain, Segment, Team } from '../../shared/api/types';
import { loadAllPages } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { useSession } from '../../shared/session/session-context';
import { discoveryApi } from '../discovery/discovery.api';
import { teamsApi } from '../teams/teams.api';
import { type PromiseItem, promisesApi } from './promises.api';

export interface PromiseFormData {
  /** Every team of the organization (promisees of internal promises). */
  teams: Team[];
  /** The teams the person may make promises for: their own, or all for an admin (a team promises only its own behaviour). */
  promiserTeams: Team[];
  segments: Segment[];
  /** Published or draft client promises an internal promise may support. */
  supportable: PromiseItem[];
}

/**
 * The teams a person may promise for: an admin any team; anyone else the teams they are a member
 * of (read from each team's member list: the team list does not say).
 */
export async function loadPromiserTeams(org: string, teams: Team[], isAdmin: boolean, userId: string | null): Promise<Team[]> {
  if (isAdmin) return teams;
  if (!userId) return [];
  const details = await Promise.all(teams.map((team) => teamsApi.get(org, team.id)));
  return teams.filter((_, i) => details[i]?.members.some((member) => member.userId === userId));
}

/** What the promise form chooses from; loaded when the form opens. */
export function usePromiseFormData(isEnabled: boolean) {
  const { org } = useOrg();
  const { me } = useSession();
  const userId = me?.user.id ?? null;
  const isAdmin = org.role === 'admin';
  return useResource<PromiseFormData | null>(async () => {
    if (!isEnabled) return null;
    const [teams, segments, promises] = await Promise.all([
      loadAllPages((cursor) => teamsApi.list(org.slug, cursor)),
      loadAllPages((cursor) => discoveryApi.segments(org.slug, cursor)),
      loadAllPages((cursor) => promisesApi.list(org.slug, { kind: 'client', cursor })),
    ]);
    return {
      teams,
      promiserTeams: await loadPromiserTeams(org.slug, teams, isAdmin, userId),
      segments,
      supportable: promises.filter((promise) => promise.status !== 'retired'),
    };
  }, `${org.slug}|${isEnabled}|${userId}|${isAdmin}`);
}

/** The pains of a segment, to link a client promise to; none while no segment is chosen. */
export function useSegmentPains(segmentId: string | null, isEnabled: boolean) {
  const { org } = useOrg();
  return useResource<Pain[]>(
    async () => (segmentId && isEnabled ? (await discoveryApi.workspace(org.slug, segmentId)).pains : []),
    `${org.slug}|${segmentId}|${isEnabled}`,
  );
}
