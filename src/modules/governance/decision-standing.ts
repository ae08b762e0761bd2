import type { Standing } from '../../core/governance/standing.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { listTeamIdsOfUser } from '../teams/team.repository.js';
import { listRolesOfUser } from './structure.repository.js';

/** Where the acting person stands: the teams and roles they are in, and whether they act as the organization. */
export async function standingOf(tx: Tx, ctx: OrgContext): Promise<Standing> {
  const userId = ctx.actor.type === 'user' ? ctx.actor.id : null;
  if (!userId) return { userId: null, isOrgLevel: false, teamIds: new Set(), roleTeams: new Map() };
  const teamIds = await listTeamIdsOfUser(tx, ctx.org.id, userId);
  const roles = await listRolesOfUser(tx, ctx.org.id, userId);
  return {
    userId,
    isOrgLevel: ctx.role === 'admin' || ctx.role === 'council',
    teamIds: new Set(teamIds),
    roleTeams: new Map(roles.map((r) => [r.role_id, r.team_id])),
  };
}
