import type { Db, MembershipsTable, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { pageByCreated } from '../list.js';
import type { TMembership } from './membership.schema.js';

type Row = MembershipsTable & { email: string; name: string };

export function toMembership(row: Row): TMembership {
  return { id: row.id, userId: row.user_id, email: row.email, name: row.name, role: row.role, createdAt: row.created_at };
}

function base(tx: Tx, orgId: string) {
  return tx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .selectAll('memberships')
    .select(['users.email', 'users.name'])
    .where('memberships.org_id', '=', orgId);
}

export async function listMemberships(db: Db, orgId: string, page: TPageQuery) {
  return pageByCreated<Row, 'memberships' | 'users'>(base(db, orgId), 'memberships', page);
}

export async function findMembership(tx: Tx, orgId: string, id: string): Promise<Row | undefined> {
  return base(tx, orgId).where('memberships.id', '=', id).executeTakeFirst();
}

export async function findMembershipOfUser(tx: Tx, orgId: string, userId: string): Promise<Row | undefined> {
  return base(tx, orgId).where('memberships.user_id', '=', userId).executeTakeFirst();
}

export async function countAdmins(tx: Tx, orgId: string): Promise<number> {
  const row = await tx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The organization role of each of these users who is a member: user id → role. */
export async function listMembershipRolesOfUsers(tx: Tx, orgId: string, userIds: string[]): Promise<Map<string, MembershipsTable['role']>> {
  const roles = new Map<string, MembershipsTable['role']>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await tx
      .selectFrom('memberships')
      .select(['user_id', 'role'])
      .where('org_id', '=', orgId)
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .execute();
    for (const row of rows) roles.set(row.user_id, row.role);
  }
  return roles;
}

export async function updateMembershipRole(tx: Tx, orgId: string, id: string, role: MembershipsTable['role'], at: number): Promise<void> {
  await tx.updateTable('memberships').set({ role, updated_at: at }).where('id', '=', id).where('org_id', '=', orgId).execute();
}

/** Removes a membership with the person's seats on the organization's teams and roles. */
export async function deleteMembershipWithSeats(tx: Tx, orgId: string, id: string, userId: string): Promise<void> {
  await tx.deleteFrom('team_members').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
  await tx.deleteFrom('role_members').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
  await tx.deleteFrom('memberships').where('id', '=', id).where('org_id', '=', orgId).execute();
}
