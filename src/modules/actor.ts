import type { Tx } from '../db/schema.js';
import { findUserById } from './auth/user.repository.js';
import type { OrgContext } from './context.js';

/** How a record shows who acted: a person's name (their e-mail is for the audit log), or the token's or system's label. */
export async function actorName(tx: Tx, ctx: OrgContext): Promise<string> {
  if (ctx.actor.type !== 'user' || !ctx.actor.id) return ctx.actor.label;
  const user = await findUserById(tx, ctx.actor.id);
  return user?.name || ctx.actor.label;
}
