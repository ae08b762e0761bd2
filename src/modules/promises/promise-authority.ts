import { AppError, fieldError } from '../../core/errors.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { isTeamMember } from '../teams/team.repository.js';

/**
 * A team promises only its own behaviour (Promise Theory): its members make, publish and change its
 * promises; an admin may too (and a token, whose scopes an admin granted). The council does not
 * promise for a team. `field` names the team's field in the refusal (`promiserTeamId`, `fromTeamId`…).
 */
export async function requirePromiser(tx: Tx, ctx: OrgContext, teamId: string, what: string, field = 'promiserTeamId'): Promise<void> {
  if (ctx.actor.type === 'token' || ctx.actor.type === 'system' || ctx.role === 'admin') return;
  const isMember = ctx.actor.id ? await isTeamMember(tx, ctx.org.id, teamId, ctx.actor.id) : false;
  // The field (`not_member` of the team) tells a client this refusal from a role's, which names none.
  if (!isMember)
    throw new AppError('forbidden', `a team promises only its own behaviour: only its members or an admin may ${what}`, [
      fieldError(field, 'not_member', `only the team's members or an admin may ${what}`, { of: 'team' }),
    ]);
}

/** Who feeds a promise's events: a token with events:write, an admin or the council, or the promiser team's members. */
export async function requireEventSource(tx: Tx, ctx: OrgContext, teamId: string): Promise<void> {
  if (ctx.role === 'council') return;
  await requirePromiser(tx, ctx, teamId, 'send its events');
}
