import type { Db, TeamMembersTable, TeamsTable, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { pageByCreated } from '../list.js';
import type { TTeam, TTeamMember } from './team.schema.js';

type Row = TeamsTable & { member_count: number | string };

export function toTeam(row: Row): TTeam {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    purpose: row.purpose,
    memberCount: Number(row.member_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function base(tx: Tx, orgId: string) {
  return tx
    .selectFrom('teams')
    .selectAll('teams')
    .select((eb) =>
      eb
        .selectFrom('team_members')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('team_members.team_id', '=', 'teams.id')
        .where('team_members.org_id', '=', orgId)
        .as('member_count'),
    )
    .where('teams.org_id', '=', orgId);
}

export async function listTeams(db: Db, orgId: string, page: TPageQuery) {
  return pageByCreated<Row, 'teams'>(base(db, orgId), 'teams', page);
}

export async function findTeam(tx: Tx, orgId: string, id: string): Promise<Row | undefined> {
  return (await base(tx, orgId).where('teams.id', '=', id).executeTakeFirst()) as Row | undefined;
}

export async function findTeamByName(tx: Tx, orgId: string, name: string) {
  return tx.selectFrom('teams').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst();
}

export async function listTeamMembers(tx: Tx, orgId: string, teamId: string): Promise<TTeamMember[]> {
  const rows = await tx
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['team_members.user_id', 'team_members.created_at', 'users.email', 'users.name'])
    .where('team_members.org_id', '=', orgId)
    .where('team_members.team_id', '=', teamId)
    .orderBy('users.name')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, email: r.email, name: r.name, addedAt: r.created_at }));
}

/** Members of a team, keyset-paginated in the order they joined. */
export async function pageTeamMembers(db: Db, orgId: string, teamId: string, page: TPageQuery) {
  const query = db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['team_members.id', 'team_members.user_id', 'team_members.created_at', 'users.email', 'users.name'])
    .where('team_members.org_id', '=', orgId)
    .where('team_members.team_id', '=', teamId);
  type MemberRow = { id: string; user_id: string; created_at: number; email: string; name: string };
  const result = await pageByCreated<MemberRow, 'team_members' | 'users'>(query, 'team_members', page);
  return {
    items: result.items.map((r): TTeamMember => ({ userId: r.user_id, email: r.email, name: r.name, addedAt: r.created_at })),
    nextCursor: result.nextCursor,
  };
}

/** Whether the person is a member of the team. */
export async function isTeamMember(tx: Tx, orgId: string, teamId: string, userId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('team_members')
    .select('id')
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every team's id, name and kind, oldest first (the order figures and lists show teams in). */
export async function listTeamNames(tx: Tx, orgId: string): Promise<Pick<TeamsTable, 'id' | 'name' | 'kind' | 'created_at'>[]> {
  return tx
    .selectFrom('teams')
    .select(['id', 'name', 'kind', 'created_at'])
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Ids of the teams the person is a member of. */
export async function listTeamIdsOfUser(tx: Tx, orgId: string, userId: string): Promise<string[]> {
  const rows = await tx.selectFrom('team_members').select('team_id').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
  return rows.map((r) => r.team_id);
}

export async function insertTeam(tx: Tx, row: TeamsTable): Promise<void> {
  await tx.insertInto('teams').values(row).execute();
}

export async function updateTeamRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Pick<TeamsTable, 'name' | 'kind' | 'purpose'>> & { updated_at: number },
): Promise<void> {
  await tx.updateTable('teams').set(set).where('id', '=', id).where('org_id', '=', orgId).execute();
}

/** Whether anyone is on the team. */
export async function teamHasMembers(tx: Tx, orgId: string, teamId: string): Promise<boolean> {
  const row = await tx.selectFrom('team_members').select('id').where('org_id', '=', orgId).where('team_id', '=', teamId).executeTakeFirst();
  return row !== undefined;
}

export async function insertTeamMember(tx: Tx, row: TeamMembersTable): Promise<void> {
  await tx.insertInto('team_members').values(row).execute();
}

/** Takes a person off a team; false when they were not on it. */
export async function deleteTeamMember(tx: Tx, orgId: string, teamId: string, userId: string): Promise<boolean> {
  const result = await tx
    .deleteFrom('team_members')
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Takes a person out of every role of a team (roles belong to their team). */
export async function removeUserFromTeamRoles(tx: Tx, orgId: string, teamId: string, userId: string): Promise<void> {
  const roleIds = (await tx.selectFrom('roles').select('id').where('org_id', '=', orgId).where('team_id', '=', teamId).execute()).map(
    (r) => r.id,
  );
  if (roleIds.length === 0) return;
  await tx.deleteFrom('role_members').where('org_id', '=', orgId).where('user_id', '=', userId).where('role_id', 'in', roleIds).execute();
}
