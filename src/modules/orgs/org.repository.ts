import type { Role } from '../../core/access/permissions.js';
import type { Db, MembershipsTable, OrganizationsTable, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { pageByCreated } from '../list.js';
import type { TOrganization } from './org.schema.js';

export function toOrganization(row: OrganizationsTable): TOrganization {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    locale: row.locale,
    currency: row.currency,
    timeZone: row.time_zone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findOrgBySlug(tx: Tx, slug: string): Promise<OrganizationsTable | undefined> {
  return tx.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertOrg(tx: Tx, row: OrganizationsTable): Promise<void> {
  await tx.insertInto('organizations').values(row).execute();
}

export async function updateOrg(tx: Tx, id: string, set: Partial<OrganizationsTable>): Promise<void> {
  await tx.updateTable('organizations').set(set).where('id', '=', id).execute();
}

/** Organizations a user belongs to, with the role, ordered by name. */
export async function listOrgsOfUser(tx: Tx, userId: string) {
  return tx
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .leftJoin('org_visits', (join) =>
      join.onRef('org_visits.org_id', '=', 'memberships.org_id').onRef('org_visits.user_id', '=', 'memberships.user_id'),
    )
    .selectAll('organizations')
    .select(['memberships.role', 'org_visits.used_at as last_used_at'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organizations.name')
    .execute();
}

/** A page of the organizations a user belongs to, with the role, oldest organization first. */
export async function pageOrgsOfUser(db: Db, userId: string, page: TPageQuery) {
  const query = db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .selectAll('organizations')
    .select('memberships.role')
    .where('memberships.user_id', '=', userId);
  return pageByCreated<OrganizationsTable & { role: Role }, 'memberships' | 'organizations'>(query, 'organizations', page);
}

/** How many organizations the database holds (the server seeds the demo into an empty one). */
export async function countOrgs(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An organization by id; throws when there is none (the caller holds an id read from another row). */
export async function loadOrgById(tx: Tx, id: string): Promise<OrganizationsTable> {
  return tx.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Every organization's id and time zone, or the one given's (jobs run per organization in its zone). */
export async function listOrgTimeZones(tx: Tx, orgId?: string): Promise<{ id: string; time_zone: string }[]> {
  let q = tx.selectFrom('organizations').select(['id', 'time_zone']);
  if (orgId) q = q.where('id', '=', orgId);
  return q.execute();
}

/** Makes a person a member of an organization in a role (the memberships table is written here and by the memberships module through this). */
export async function insertMembership(tx: Tx, row: MembershipsTable): Promise<void> {
  await tx.insertInto('memberships').values(row).execute();
}

/** The id of the organization with this slug when the user is a member of it, else undefined. */
export async function findMemberOrgIdBySlug(tx: Tx, userId: string, slug: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select('memberships.org_id')
    .where('memberships.user_id', '=', userId)
    .where('organizations.slug', '=', slug)
    .executeTakeFirst();
  return row?.org_id;
}

/** Records that the user opened the organization at `at` (one row per user and organization). */
export async function upsertOrgVisit(tx: Tx, orgId: string, userId: string, at: number): Promise<void> {
  await tx
    .insertInto('org_visits')
    .values({ org_id: orgId, user_id: userId, used_at: at })
    .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet({ used_at: at }))
    .execute();
}

/** The language of the first organization the user joined, or undefined when they belong to none. */
export async function findFirstOrgLocaleOfUser(tx: Tx, userId: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select('organizations.locale')
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.created_at')
    .orderBy('memberships.id')
    .executeTakeFirst();
  return row?.locale;
}

/** The organization with this slug and the user's role in it (null when not a member; an empty id matches no one). */
export async function findOrgWithRoleOf(db: Db, slug: string, userId: string) {
  return db
    .selectFrom('organizations')
    .leftJoin('memberships', (join) => join.onRef('memberships.org_id', '=', 'organizations.id').on('memberships.user_id', '=', userId))
    .selectAll('organizations')
    .select('memberships.role as member_role')
    .where('organizations.slug', '=', slug)
    .executeTakeFirst();
}

/** The id and slug of an organization that must exist (throws when the row is missing). */
export async function loadOrgRef(tx: Tx, id: string): Promise<{ id: string; slug: string }> {
  return tx.selectFrom('organizations').select(['id', 'slug']).where('id', '=', id).executeTakeFirstOrThrow();
}
