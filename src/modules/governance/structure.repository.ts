/** Queries of a team's structure: its roles, the people in them, and its capabilities. */
import type { CapabilitiesTable, RoleMembersTable, RolesTable, Tx } from '../../db/schema.js';

export interface RoleMemberRow {
  role_id: string;
  user_id: string;
  name: string;
  email: string;
}

export async function findRole(tx: Tx, orgId: string, id: string): Promise<RolesTable | undefined> {
  return tx.selectFrom('roles').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** A role with the name of its team, or undefined. */
export async function findRoleWithTeam(
  tx: Tx,
  orgId: string,
  id: string,
): Promise<{ team_id: string; name: string; team: string } | undefined> {
  return tx
    .selectFrom('roles')
    .innerJoin('teams', 'teams.id', 'roles.team_id')
    .select(['roles.team_id', 'roles.name', 'teams.name as team'])
    .where('roles.org_id', '=', orgId)
    .where('roles.id', '=', id)
    .executeTakeFirst();
}

/** A team's roles in the order they were made. */
export async function listRolesOfTeam(tx: Tx, orgId: string, teamId: string): Promise<RolesTable[]> {
  return tx
    .selectFrom('roles')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Ids of a team's roles. */
export async function listRoleIdsOfTeam(tx: Tx, orgId: string, teamId: string): Promise<string[]> {
  const rows = await tx.selectFrom('roles').select('id').where('org_id', '=', orgId).where('team_id', '=', teamId).execute();
  return rows.map((r) => r.id);
}

/** Every role of the organization with its team's name (for naming role holders and owners). */
export async function listRolesWithTeams(tx: Tx, orgId: string): Promise<{ id: string; name: string; team_id: string; team: string }[]> {
  return tx
    .selectFrom('roles')
    .innerJoin('teams', 'teams.id', 'roles.team_id')
    .select(['roles.id', 'roles.name', 'roles.team_id', 'teams.name as team'])
    .where('roles.org_id', '=', orgId)
    .execute();
}

export async function findRoleByName(tx: Tx, orgId: string, teamId: string, name: string): Promise<{ id: string } | undefined> {
  return tx
    .selectFrom('roles')
    .select('id')
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertRole(tx: Tx, row: RolesTable): Promise<void> {
  await tx.insertInto('roles').values(row).execute();
}

export async function updateRoleRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Pick<RolesTable, 'name' | 'purpose' | 'accountabilities'>> & { updated_at: number },
): Promise<void> {
  await tx.updateTable('roles').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Deletes a role and, first, its people's places in it. */
export async function deleteRoleWithMembers(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.deleteFrom('role_members').where('org_id', '=', orgId).where('role_id', '=', id).execute();
  await tx.deleteFrom('roles').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** The people of each of these roles with their names and e-mails, by name; role id → people. */
export async function listMembersOfRoles(tx: Tx, orgId: string, roleIds: string[]): Promise<Map<string, RoleMemberRow[]>> {
  const byRole = new Map<string, RoleMemberRow[]>(roleIds.map((id) => [id, []]));
  for (let i = 0; i < roleIds.length; i += 500) {
    const rows = await tx
      .selectFrom('role_members')
      .innerJoin('users', 'users.id', 'role_members.user_id')
      .select(['role_members.role_id', 'role_members.user_id', 'users.name', 'users.email'])
      .where('role_members.org_id', '=', orgId)
      .where('role_members.role_id', 'in', roleIds.slice(i, i + 500))
      .orderBy('users.name')
      .execute();
    for (const row of rows) byRole.get(row.role_id)?.push(row);
  }
  return byRole;
}

/** The person's place in the role, or undefined when they do not hold it. */
export async function findRoleMember(tx: Tx, orgId: string, roleId: string, userId: string): Promise<{ id: string } | undefined> {
  return tx
    .selectFrom('role_members')
    .select('id')
    .where('org_id', '=', orgId)
    .where('role_id', '=', roleId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The roles the person holds, each with its team. */
export async function listRolesOfUser(tx: Tx, orgId: string, userId: string): Promise<{ role_id: string; team_id: string }[]> {
  return tx
    .selectFrom('role_members')
    .innerJoin('roles', 'roles.id', 'role_members.role_id')
    .select(['role_members.role_id', 'roles.team_id'])
    .where('role_members.org_id', '=', orgId)
    .where('role_members.user_id', '=', userId)
    .execute();
}

export async function insertRoleMember(tx: Tx, row: RoleMembersTable): Promise<void> {
  await tx.insertInto('role_members').values(row).execute();
}

/** Takes the person off the role; returns how many places were removed (0 or 1). */
export async function deleteRoleMember(tx: Tx, orgId: string, roleId: string, userId: string): Promise<number> {
  const result = await tx
    .deleteFrom('role_members')
    .where('org_id', '=', orgId)
    .where('role_id', '=', roleId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findCapability(tx: Tx, orgId: string, id: string): Promise<CapabilitiesTable | undefined> {
  return tx.selectFrom('capabilities').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** A team's capabilities in the order they were listed. */
export async function listCapabilitiesOfTeam(tx: Tx, orgId: string, teamId: string): Promise<CapabilitiesTable[]> {
  return tx
    .selectFrom('capabilities')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findCapabilityByName(tx: Tx, orgId: string, teamId: string, name: string): Promise<{ id: string } | undefined> {
  return tx
    .selectFrom('capabilities')
    .select('id')
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertCapability(tx: Tx, row: CapabilitiesTable): Promise<void> {
  await tx.insertInto('capabilities').values(row).execute();
}

export async function updateCapabilityRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Pick<CapabilitiesTable, 'name' | 'description' | 'capacity_value' | 'capacity_unit' | 'capacity_per' | 'evidence'>> & {
    updated_at: number;
  },
): Promise<void> {
  await tx.updateTable('capabilities').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function deleteCapabilityRow(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.deleteFrom('capabilities').where('org_id', '=', orgId).where('id', '=', id).execute();
}
