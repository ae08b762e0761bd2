import { AppError, fieldError } from '../../core/errors.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { isTeamMember } from '../teams/team.repository.js';

/** The reason sent by someone acting for a team they are not in (`override: {reason}`). */
export interface ActingFor {
  reason: string;
}

/**
 * A team promises only its own behaviour (Promise Theory): its members make, publish and change its
 * promises. An admin, the council or an API token not in the team may act for it only with a reason
 * (`override: {reason}`): without one, 409 `team_autonomy` naming the `override` field. Anyone else
 * is refused with 403 (`not_member` of the team). Returns the override when one was needed (the
 * caller records it and tells the team), null when the actor acts for their own team. The system
 * (demo, import, the organization's own answer promise) needs none. `field` names the team's field
 * in the refusal (`promiserTeamId`, `fromTeamId`…).
 */
export async function requirePromiser(
  tx: Tx,
  ctx: OrgContext,
  teamId: string,
  what: string,
  field = 'promiserTeamId',
  override?: ActingFor | null,
): Promise<ActingFor | null> {
  if (ctx.actor.type === 'system') return null;
  const isMember = ctx.actor.type === 'user' && ctx.actor.id ? await isTeamMember(tx, ctx.org.id, teamId, ctx.actor.id) : false;
  if (isMember) return null;
  const actsForOrganization = ctx.actor.type === 'token' || ctx.role === 'admin' || ctx.role === 'council';
  // The field (`not_member` of the team) tells a client this refusal from a role's, which names none.
  if (!actsForOrganization)
    throw new AppError('forbidden', `a team promises only its own behaviour: only its members may ${what}`, [
      fieldError(field, 'not_member', `only the team's members may ${what}`, { of: 'team' }),
    ]);
  const reason = override?.reason?.trim() ?? '';
  if (reason === '')
    throw new AppError('team_autonomy', `a team promises only its own behaviour: acting for a team you are not in, say why`, [
      fieldError('override', 'required', `not a member of the team: send override.reason to ${what} for it`, { of: 'team' }),
    ]);
  return { reason };
}

/** Who feeds a promise's events: a token with events:write, an admin or the council, or the promiser team's members. */
export async function requireEventSource(tx: Tx, ctx: OrgContext, teamId: string | null): Promise<void> {
  if (ctx.actor.type === 'token' || ctx.actor.type === 'system' || ctx.role === 'admin' || ctx.role === 'council') return;
  const isMember = teamId && ctx.actor.id ? await isTeamMember(tx, ctx.org.id, teamId, ctx.actor.id) : false;
  if (!isMember)
    throw new AppError('forbidden', 'only the promiser team’s members, an admin, the council or a token send its events', [
      fieldError('promiserTeamId', 'not_member', "only the team's members send its events", { of: 'team' }),
    ]);
}
