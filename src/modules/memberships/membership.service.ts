import { AppError, conflict, fieldError, invalidField, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import { hashPassword } from '../auth/password.js';
import { findUserByEmail, insertUser } from '../auth/user.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { insertMembership } from '../orgs/org.repository.js';
import {
  countAdmins,
  deleteMembershipWithSeats,
  findMembership,
  findMembershipOfUser,
  listMemberships,
  toMembership,
  updateMembershipRole,
} from './membership.repository.js';
import type { TCreateMembership, TMembership, TUpdateMembership } from './membership.schema.js';

export async function listOrgMemberships(ctx: OrgContext, page: TPageQuery) {
  const result = await listMemberships(ctx.db, ctx.org.id, page);
  return { items: result.items.map(toMembership), nextCursor: result.nextCursor };
}

/** Adds a person to the organization, creating their account when the e-mail is new. */
export async function addMembership(ctx: OrgContext, input: TCreateMembership): Promise<TMembership> {
  const existing = await findUserByEmail(ctx.db, input.email);
  let passwordHash: string | null = null;
  if (!existing) {
    if (!input.name) throw invalidField('name', 'required', 'required for a person without an account yet');
    if (!input.password) throw invalidField('password', 'required', 'required for a person without an account yet');
    passwordHash = await hashPassword(input.password);
  }
  return ctx.db.transaction().execute(async (tx) => {
    let userId = existing?.id;
    if (!userId) {
      userId = newId();
      await insertUser(tx, {
        id: userId,
        email: input.email,
        name: input.name as string,
        password_hash: passwordHash as string,
        locale: null,
        created_at: ctx.now,
        updated_at: ctx.now,
      });
    } else if (await findMembershipOfUser(tx, ctx.org.id, userId)) {
      throw conflict('email', 'already_member', `${input.email} is already a member of this organization`, { of: 'organization' });
    }
    const id = newId();
    await insertMembership(tx, { id, org_id: ctx.org.id, user_id: userId, role: input.role, created_at: ctx.now, updated_at: ctx.now });
    const membership = toMembership((await findMembership(tx, ctx.org.id, id))!);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'membership.created',
      entityType: 'membership',
      entityId: id,
      after: membership,
      at: ctx.now,
    });
    return membership;
  });
}

async function guardLastAdmin(tx: Tx, orgId: string, currentRole: string): Promise<void> {
  if (currentRole === 'admin' && (await countAdmins(tx, orgId)) <= 1) {
    throw new AppError('conflict', 'role: the organization must keep at least one admin', [fieldError('role', 'last_admin', 'last admin')]);
  }
}

export async function changeRole(ctx: OrgContext, id: string, input: TUpdateMembership): Promise<TMembership> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findMembership(tx, ctx.org.id, id);
    if (!row) throw notFound('membership', id);
    if (row.role === input.role) return toMembership(row);
    await guardLastAdmin(tx, ctx.org.id, row.role);
    await updateMembershipRole(tx, ctx.org.id, id, input.role, ctx.now);
    const after = toMembership({ ...row, role: input.role });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'membership.role_changed',
      entityType: 'membership',
      entityId: id,
      before: toMembership(row),
      after,
      at: ctx.now,
    });
    return after;
  });
}

/** Removes a person from the organization and from its teams; the account itself stays. */
export async function removeMembership(ctx: OrgContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findMembership(tx, ctx.org.id, id);
    if (!row) throw notFound('membership', id);
    await guardLastAdmin(tx, ctx.org.id, row.role);
    await deleteMembershipWithSeats(tx, ctx.org.id, id, row.user_id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'membership.deleted',
      entityType: 'membership',
      entityId: id,
      before: toMembership(row),
      at: ctx.now,
    });
  });
}
