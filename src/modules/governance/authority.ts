import { AppError } from '../../core/errors.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';

/**
 * Who may act for a team: an admin or the council (or an API token, whose scopes were granted by an
 * admin), or a member of the team itself — a team manages its own roles and capabilities.
 */
export async function canActForTeam(tx: Tx, ctx: OrgContext, teamId: string): Promise<boolean> {
  if (ctx.actor.type === 'token' || ctx.actor.type === 'system' || ctx.role === 'admin' || ctx.role === 'council') return true;
  if (!ctx.actor.id) return false;
  const member = await tx
    .selectFrom('team_members')
    .select('id')
    .where('org_id', '=', ctx.org.id)
    .where('team_id', '=', teamId)
    .where('user_id', '=', ctx.actor.id)
    .executeTakeFirst();
  return member !== undefined;
}

export async function requireTeamAuthority(tx: Tx, ctx: OrgContext, teamId: string, what: string): Promise<void> {
  if (!(await canActForTeam(tx, ctx, teamId))) {
    throw new AppError('forbidden', `only the team's own members, an admin or the council may ${what}`);
  }
}

/** How a record shows who acted: a person's name (their e-mail is for the audit log), or the token's or system's label. */
export async function actorName(tx: Tx, ctx: OrgContext): Promise<string> {
  if (ctx.actor.type !== 'user' || !ctx.actor.id) return ctx.actor.label;
  const user = await tx.selectFrom('users').select('name').where('id', '=', ctx.actor.id).executeTakeFirst();
  return user?.name || ctx.actor.label;
}
