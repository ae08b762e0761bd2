import { conflict } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { Actor, OrgContext } from '../context.js';
import { findOrgBySlug, insertMembership, insertOrg, listOrgsOfUser, pageOrgsOfUser, toOrganization, updateOrg } from './org.repository.js';
import type { TCreateOrganization, TOrganization, TUpdateOrganization } from './org.schema.js';

/**
 * Creates an organization and makes `adminUserId` its first admin, in the caller's transaction.
 * A taken slug is a conflict on `slug`.
 */
export async function createOrganizationIn(
  tx: Tx,
  input: TCreateOrganization,
  adminUserId: string,
  actor: Actor,
  now: number,
): Promise<TOrganization> {
  if (await findOrgBySlug(tx, input.slug)) throw conflict('slug', 'taken', `the slug ${input.slug} is taken`, { entity: 'organization' });
  const row = {
    id: newId(),
    slug: input.slug,
    name: input.name,
    kind: input.kind,
    locale: input.locale,
    currency: input.currency,
    time_zone: input.timeZone,
    created_at: now,
    updated_at: now,
  };
  await insertOrg(tx, row);
  const membershipId = newId();
  await insertMembership(tx, { id: membershipId, org_id: row.id, user_id: adminUserId, role: 'admin', created_at: now, updated_at: now });
  const organization = toOrganization(row);
  await appendAudit(tx, {
    orgId: row.id,
    actor,
    action: 'organization.created',
    entityType: 'organization',
    entityId: row.id,
    after: organization,
    at: now,
  });
  await appendAudit(tx, {
    orgId: row.id,
    actor,
    action: 'membership.created',
    entityType: 'membership',
    entityId: membershipId,
    after: { userId: adminUserId, role: 'admin' },
    at: now,
  });
  return organization;
}

export async function createOrganization(db: Db, input: TCreateOrganization, adminUserId: string, actor: Actor, now: number) {
  return db.transaction().execute((tx) => createOrganizationIn(tx, input, adminUserId, actor, now));
}

export async function updateOrganization(ctx: OrgContext, input: TUpdateOrganization): Promise<TOrganization> {
  return ctx.db.transaction().execute(async (tx) => {
    const before = toOrganization(ctx.org);
    const set = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.locale !== undefined && { locale: input.locale }),
      ...(input.currency !== undefined && { currency: input.currency }),
      ...(input.timeZone !== undefined && { time_zone: input.timeZone }),
      updated_at: ctx.now,
    };
    await updateOrg(tx, ctx.org.id, set);
    const after = toOrganization({ ...ctx.org, ...set });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'organization.updated',
      entityType: 'organization',
      entityId: ctx.org.id,
      before,
      after,
      at: ctx.now,
    });
    return after;
  });
}

export async function listMyOrganizations(db: Db, userId: string) {
  const rows = await listOrgsOfUser(db, userId);
  return rows.map(({ role, last_used_at, ...row }) => ({ ...toOrganization(row), role, lastUsedAt: last_used_at }));
}

export async function pageMyOrganizations(db: Db, userId: string, page: TPageQuery) {
  const result = await pageOrgsOfUser(db, userId, page);
  return { items: result.items.map(({ role, ...row }) => ({ ...toOrganization(row), role })), nextCursor: result.nextCursor };
}
