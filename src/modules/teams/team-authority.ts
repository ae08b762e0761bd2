import { AppError, fieldError } from '../../core/errors.js';
import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { scopesAllow } from '../permissions.js';
import { findToken } from '../tokens/token.repository.js';

/**
 * Whether the caller acts for the organization as a whole — where decision rights come from: an
 * admin or the council; an API token holding `governance:write` (the council's permission, which
 * an admin gave it); the system and in-process callers that name no role (CLI, demo seed). A
 * member, a viewer, a client or a token scoped narrower does not.
 */
export async function actsForOrganization(tx: Tx, ctx: OrgContext): Promise<boolean> {
  if (ctx.actor.type === 'client') return false;
  if (ctx.actor.type === 'token') {
    const token = await findToken(tx, ctx.org.id, ctx.actor.id ?? '');
    return token !== undefined && scopesAllow(JSON.parse(token.scopes) as string[], 'governance:write');
  }
  // Every person reaching a route carries their role; a context without one is built in-process.
  return ctx.role === undefined || ctx.role === 'admin' || ctx.role === 'council';
}

/**
 * A council team decides under any right, so making a team one (or unmaking it) is the
 * organization's act, not a member's: otherwise a member widens their own team.
 */
export async function requireKindAuthority(tx: Tx, ctx: OrgContext): Promise<void> {
  if (await actsForOrganization(tx, ctx)) return;
  throw new AppError('forbidden', "kind: only an admin or the council makes a team a council or changes a team's kind", [
    fieldError('kind', 'not_allowed', "only an admin or the council makes a team a council or changes a team's kind"),
  ]);
}
