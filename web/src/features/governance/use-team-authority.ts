import type { TeamDetail } from '../../shared/api/types';
import { useOrg } from '../../shared/session/org-context';
import { useSession } from '../../shared/session/session-context';

export interface TeamAuthority {
  /** An admin or the council: acts for every team and grants rights. */
  isOrgLevel: boolean;
  /** The signed-in person is a member of this team. */
  isMember: boolean;
  /** May change the team's roles and capabilities and pass on the rights it holds. */
  canActForTeam: boolean;
  /** May grant a right that is not sub-delegated (the organization's or the council's grant). */
  canGrant: boolean;
}

/**
 * What the signed-in person may do on a team's governance tabs. The server decides in the end; this
 * only hides the buttons it would refuse (members act for their own team, admin and council for all).
 */
export function useTeamAuthority(team: Pick<TeamDetail, 'members'>): TeamAuthority {
  const { org, can } = useOrg();
  const { me } = useSession();
  const isOrgLevel = org.role === 'admin' || org.role === 'council';
  const isMember = me !== null && team.members.some((member) => member.userId === me.user.id);
  return {
    isOrgLevel,
    isMember,
    canActForTeam: can('governance:participate') && (isOrgLevel || isMember),
    canGrant: can('governance:write'),
  };
}
