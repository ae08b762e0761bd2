import type { Role } from '../../core/access/permissions.js';
import type { Db, OrganizationsTable, Tx } from '../../db/schema.js';
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
