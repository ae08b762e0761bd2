import { AppError } from '../../core/errors.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { isTeamMember } from '../teams/team.repository.js';

/**
 * Who may act for a team: an admin or the council (or an API token, whose scopes were granted by an
 * admin), or a member of the team itself — a team manages its own roles and capabilities.
 */
export async function canActForTeam(tx: Tx, ctx: OrgContext, teamId: string): Promise<boolean> {
  if (ctx.actor.type === 'token' || ctx.actor.type === 'system' || ctx.role === 'admin' || ctx.role === 'council') return true;
  if (!ctx.actor.id) return false;
  return isTeamMember(tx, ctx.org.id, teamId, ctx.actor.id);
}

export async function requireTeamAuthority(tx: Tx, ctx: OrgContext, teamId: string, what: string): Promise<void> {
  if (!(await canActForTeam(tx, ctx, teamId))) {
    throw new AppError('forbidden', `only the team's own members, an admin or the council may ${what}`);
  }
}
