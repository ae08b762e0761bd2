import { AppError, conflict, invalidField, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { findMembershipOfUser } from '../memberships/membership.repository.js';
import type { OverrideInput } from './override.schema.js';
import {
  deleteTeamMember,
  findTeam,
  findTeamByName,
  insertTeam,
  insertTeamMember,
  isTeamMember,
  listTeamMembers,
  listTeams,
  pageTeamMembers,
  removeUserFromTeamRoles,
  teamHasMembers,
  toTeam,
  updateTeamRow,
} from './team.repository.js';
import type { TCreateTeam, TTeam, TUpdateTeam } from './team.schema.js';
import { requireKindAuthority } from './team-authority.js';
import { TEAM_AUTONOMY } from './team-autonomy.port.js';
import { deleteTeamRows, teamHasEconomicsRecords, teamHasPromises, teamHoldsGrants, teamOwnsRecords } from './team-usage.repository.js';

export async function listOrgTeams(ctx: OrgContext, page: TPageQuery) {
  const result = await listTeams(ctx.db, ctx.org.id, page);
  return { items: result.items.map(toTeam), nextCursor: result.nextCursor };
}

export async function getTeam(ctx: OrgContext, id: string) {
  const row = await findTeam(ctx.db, ctx.org.id, id);
  if (!row) throw notFound('team', id);
  return { ...toTeam(row), members: await listTeamMembers(ctx.db, ctx.org.id, id) };
}

export async function createTeam(ctx: OrgContext, input: TCreateTeam): Promise<TTeam> {
  return ctx.db.transaction().execute(async (tx) => {
    if (input.kind === 'council') await requireKindAuthority(tx, ctx);
    if (await findTeamByName(tx, ctx.org.id, input.name))
      throw conflict('name', 'taken', `a team named "${input.name}" already exists`, { entity: 'team' });
    const id = newId();
    await insertTeam(tx, {
      id,
      org_id: ctx.org.id,
      name: input.name,
      kind: input.kind,
      purpose: input.purpose,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    const team = toTeam((await findTeam(tx, ctx.org.id, id))!);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'team.created',
      entityType: 'team',
      entityId: id,
      after: team,
      at: ctx.now,
    });
    return team;
  });
}

export async function updateTeam(ctx: OrgContext, id: string, input: TUpdateTeam): Promise<TTeam> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findTeam(tx, ctx.org.id, id);
    if (!row) throw notFound('team', id);
    // Sending the kind it already has changes nothing (a form sends every field); changing it is the organization's.
    if (input.kind !== undefined && input.kind !== row.kind) await requireKindAuthority(tx, ctx);
    if (input.name !== undefined && input.name !== row.name && (await findTeamByName(tx, ctx.org.id, input.name))) {
      throw conflict('name', 'taken', `a team named "${input.name}" already exists`, { entity: 'team' });
    }
    await updateTeamRow(tx, ctx.org.id, id, { ...input, updated_at: ctx.now });
    const after = toTeam((await findTeam(tx, ctx.org.id, id))!);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'team.updated',
      entityType: 'team',
      entityId: id,
      before: toTeam(row),
      after,
      at: ctx.now,
    });
    return after;
  });
}

export async function deleteTeam(ctx: OrgContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findTeam(tx, ctx.org.id, id);
    if (!row) throw notFound('team', id);
    // What the team built stays on record: a team with roles, capabilities, grants, agreements or
    // decisions is not deleted (its history would dangle); those go first, with their own audit.
    for (const [table, what] of [
      ['roles', 'roles'],
      ['capabilities', 'capabilities'],
      ['agreements', 'agreements'],
      ['decisions', 'decisions'],
    ] as const) {
      if (await teamOwnsRecords(tx, ctx.org.id, table, id)) {
        throw conflict('id', 'in_use', `the team has ${what}: remove them first, or keep the team`, { entity: 'team' });
      }
    }
    if (await teamHoldsGrants(tx, ctx.org.id, id)) {
      throw conflict('id', 'in_use', 'the team holds or held decision rights: their history stays with it', { entity: 'team' });
    }
    if (await teamHasPromises(tx, ctx.org.id, id))
      throw conflict('id', 'in_use', 'the team has made or been given promises: they stay on record with it', { entity: 'team' });
    // Its months' money (ledger, hours, trades, peer points) stays with the team.
    if (await teamHasEconomicsRecords(tx, ctx.org.id, id))
      throw conflict('id', 'in_use', 'the team has economics records (ledger, hours, trades): its months keep them', { entity: 'team' });
    const members = await listTeamMembers(tx, ctx.org.id, id);
    await deleteTeamRows(tx, ctx.org.id, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'team.deleted',
      entityType: 'team',
      entityId: id,
      before: { ...toTeam(row), members },
      at: ctx.now,
    });
  });
}

/**
 * In the caller's transaction: puts a member of the organization on a team (people outside the
 * organization cannot join its teams). False when they are on it already. `viaRole` names the role
 * that brought them, for the audit log.
 */
export async function joinTeamIn(
  tx: Tx,
  ctx: OrgContext,
  team: { id: string; name: string },
  userId: string,
  viaRole?: string,
): Promise<boolean> {
  if (!(await findMembershipOfUser(tx, ctx.org.id, userId)))
    throw invalidField('userId', 'not_member', 'not a member of this organization', { of: 'organization' });
  if (await isTeamMember(tx, ctx.org.id, team.id, userId)) return false;
  await insertTeamMember(tx, { id: newId(), org_id: ctx.org.id, team_id: team.id, user_id: userId, created_at: ctx.now });
  await appendAudit(tx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    action: 'team.member_added',
    entityType: 'team',
    entityId: team.id,
    after: { userId, team: team.name, ...(viaRole !== undefined && { viaRole }) },
    at: ctx.now,
  });
  return true;
}

/**
 * Who is in a team is the team's own business, the council's and the admins': a member of another
 * team may not add or remove people here (nor add themselves to a team's pool, trades or rules).
 */
async function requireTeamSteward(tx: Tx, ctx: OrgContext, teamId: string): Promise<void> {
  // Only a person acting in the member role is limited (admins, the council, tokens and the system are not).
  if (ctx.actor.type !== 'user' || ctx.role !== 'member') return;
  if (await isTeamMember(tx, ctx.org.id, teamId, ctx.actor.id ?? '')) return;
  // A team nobody is in yet (just made) is staffed by whoever may make teams.
  if (await teamHasMembers(tx, ctx.org.id, teamId))
    throw new AppError('forbidden', "only the team's members, the council or an admin change who is in a team");
}

/**
 * Adds an organization member to a team; already on it is a conflict on `userId`. From above, while
 * the team holds a delegated right, it needs an override reason (governance judges, 409 team_autonomy).
 */
export async function addTeamMember(ctx: OrgContext, teamId: string, userId: string, given: OverrideInput = {}) {
  return ctx.db.transaction().execute(async (tx) => {
    const team = await findTeam(tx, ctx.org.id, teamId);
    if (!team) throw notFound('team', teamId);
    await requireTeamSteward(tx, ctx, teamId);
    if (!(await joinTeamIn(tx, ctx, team, userId)))
      throw conflict('userId', 'already_member', 'already a member of this team', { of: 'team' });
    // After the input is judged (a refusal rolls the join back): a wrong person is a 422, not a 409.
    await TEAM_AUTONOMY.get().guardTeamChange(
      tx,
      ctx,
      { teamId, action: 'team_member_added', subjectType: 'user', subjectId: userId },
      given.override,
    );
    return listTeamMembers(tx, ctx.org.id, teamId);
  });
}

export async function removeTeamMember(ctx: OrgContext, teamId: string, userId: string, given: OverrideInput = {}): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const team = await findTeam(tx, ctx.org.id, teamId);
    if (!team) throw notFound('team', teamId);
    await requireTeamSteward(tx, ctx, teamId);
    if (!(await deleteTeamMember(tx, ctx.org.id, teamId, userId))) throw notFound('team member', userId);
    await TEAM_AUTONOMY.get().guardTeamChange(
      tx,
      ctx,
      { teamId, action: 'team_member_removed', subjectType: 'user', subjectId: userId },
      given.override,
      given.queryReason,
    );
    // Roles belong to the team: leaving it means leaving its roles (and the rights they hold).
    await removeUserFromTeamRoles(tx, ctx.org.id, teamId, userId);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'team.member_removed',
      entityType: 'team',
      entityId: teamId,
      before: { userId, team: team.name },
      at: ctx.now,
    });
  });
}

export async function listMembersOfTeam(ctx: OrgContext, teamId: string, page: TPageQuery) {
  if (!(await findTeam(ctx.db, ctx.org.id, teamId))) throw notFound('team', teamId);
  return pageTeamMembers(ctx.db, ctx.org.id, teamId, page);
}
