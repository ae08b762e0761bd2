import { conflict, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { CapabilitiesTable, RolesTable, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { publish } from '../events.js';
import { findMembershipOfUser } from '../memberships/membership.repository.js';
import type { OverrideInput } from '../teams/override.schema.js';
import { findTeam } from '../teams/team.repository.js';
import { joinTeamIn } from '../teams/team.service.js';
import { findAgreementOfOwner } from './agreement.repository.js';
import { requireTeamAuthority } from './authority.js';
import type { TCapability, TCreateCapability, TCreateRole, TRole, TUpdateCapability, TUpdateRole } from './governance.schema.js';
import { guardTeamChange } from './override.service.js';
import { findActiveGrantOfHolder } from './rights.repository.js';
import {
  deleteCapabilityRow,
  deleteRoleMember,
  deleteRoleWithMembers,
  findCapability,
  findCapabilityByName,
  findRole,
  findRoleByName,
  findRoleMember,
  insertCapability,
  insertRole,
  insertRoleMember,
  listCapabilitiesOfTeam,
  listMembersOfRoles,
  listRolesOfTeam,
  type RoleMemberRow,
  updateCapabilityRow,
  updateRoleRow,
} from './structure.repository.js';

async function requireTeam(tx: Tx, ctx: OrgContext, teamId: string): Promise<{ id: string; name: string }> {
  const team = await findTeam(tx, ctx.org.id, teamId);
  if (!team) throw notFound('team', teamId);
  return { id: team.id, name: team.name };
}

/** Roles as the API shows them, with their people (loaded for all the roles at once). */
async function toRoles(tx: Tx, orgId: string, rows: RolesTable[]): Promise<TRole[]> {
  const members = await listMembersOfRoles(
    tx,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => describeRole(row, members.get(row.id) ?? []));
}

async function toRole(tx: Tx, row: RolesTable): Promise<TRole> {
  const [role] = await toRoles(tx, row.org_id, [row]);
  return role as TRole;
}

function describeRole(row: RolesTable, members: readonly RoleMemberRow[]): TRole {
  return {
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    purpose: row.purpose,
    accountabilities: JSON.parse(row.accountabilities) as string[],
    members: members.map((m) => ({ userId: m.user_id, name: m.name, email: m.email })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function loadRole(tx: Tx, ctx: OrgContext, id: string): Promise<RolesTable> {
  const row = await findRole(tx, ctx.org.id, id);
  if (!row) throw notFound('role', id);
  return row;
}

export async function listRoles(ctx: OrgContext, teamId: string): Promise<TRole[]> {
  await requireTeam(ctx.db, ctx, teamId);
  return toRoles(ctx.db, ctx.org.id, await listRolesOfTeam(ctx.db, ctx.org.id, teamId));
}

export async function createRole(ctx: OrgContext, teamId: string, input: TCreateRole): Promise<TRole> {
  return ctx.db.transaction().execute(async (tx) => {
    await requireTeam(tx, ctx, teamId);
    await requireTeamAuthority(tx, ctx, teamId, 'change its roles');
    const id = newId();
    await guardTeamChange(tx, ctx, { teamId, action: 'role_created', subjectType: 'role', subjectId: id }, input.override);
    if (await findRoleByName(tx, ctx.org.id, teamId, input.name)) {
      throw conflict('name', 'taken', `the team already has a role named "${input.name}"`, { entity: 'role' });
    }
    const row: RolesTable = {
      id,
      org_id: ctx.org.id,
      team_id: teamId,
      name: input.name,
      purpose: input.purpose,
      accountabilities: JSON.stringify(input.accountabilities),
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await insertRole(tx, row);
    const role = await toRole(tx, row);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'role.created',
      entityType: 'role',
      entityId: row.id,
      after: role,
      at: ctx.now,
    });
    return role;
  });
}

export async function updateRole(ctx: OrgContext, id: string, input: TUpdateRole): Promise<TRole> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadRole(tx, ctx, id);
    await requireTeamAuthority(tx, ctx, row.team_id, 'change its roles');
    await guardTeamChange(tx, ctx, { teamId: row.team_id, action: 'role_updated', subjectType: 'role', subjectId: id }, input.override);
    if (input.name !== undefined && input.name !== row.name) {
      const other = await findRoleByName(tx, ctx.org.id, row.team_id, input.name);
      if (other) throw conflict('name', 'taken', `the team already has a role named "${input.name}"`, { entity: 'role' });
    }
    const set = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.purpose !== undefined && { purpose: input.purpose }),
      ...(input.accountabilities !== undefined && { accountabilities: JSON.stringify(input.accountabilities) }),
      updated_at: ctx.now,
    };
    await updateRoleRow(tx, ctx.org.id, id, set);
    const before = await toRole(tx, row);
    const after = await toRole(tx, { ...row, ...set });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'role.updated',
      entityType: 'role',
      entityId: id,
      before,
      after,
      at: ctx.now,
    });
    return after;
  });
}

/** Deletes a role; refused while it holds an active grant (revoke the grant first, with a reason). */
export async function deleteRole(ctx: OrgContext, id: string, given: OverrideInput = {}): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await loadRole(tx, ctx, id);
    await requireTeamAuthority(tx, ctx, row.team_id, 'change its roles');
    await guardTeamChange(
      tx,
      ctx,
      { teamId: row.team_id, action: 'role_deleted', subjectType: 'role', subjectId: id },
      given.override,
      given.queryReason,
    );
    const held = await findActiveGrantOfHolder(tx, ctx.org.id, 'role', id);
    if (held) throw conflict('id', 'in_use', 'the role holds a decision right: revoke the grant first', { entity: 'role', by: 'grant' });
    const owns = await findAgreementOfOwner(tx, ctx.org.id, 'role', id);
    if (owns)
      throw conflict('id', 'in_use', 'the role owns agreements: give them to another owner first', { entity: 'role', by: 'agreement' });
    const before = await toRole(tx, row);
    await deleteRoleWithMembers(tx, ctx.org.id, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'role.deleted',
      entityType: 'role',
      entityId: id,
      before,
      at: ctx.now,
    });
  });
}

/**
 * Assigns a person of the organization to a role (a person may hold several roles); someone not yet
 * on the role's team joins the team too, since a role is part of a team.
 */
export async function addRoleMember(ctx: OrgContext, roleId: string, userId: string, given: OverrideInput = {}): Promise<TRole> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadRole(tx, ctx, roleId);
    await requireTeamAuthority(tx, ctx, row.team_id, 'change its roles');
    await guardTeamChange(
      tx,
      ctx,
      { teamId: row.team_id, action: 'role_member_added', subjectType: 'role', subjectId: roleId },
      given.override,
    );
    // A role is part of a team: whoever takes it joins the team too.
    const team = await requireTeam(tx, ctx, row.team_id);
    await joinTeamIn(tx, ctx, team, userId, row.name);
    const exists = await findRoleMember(tx, ctx.org.id, roleId, userId);
    if (exists) throw conflict('userId', 'already_member', 'already holds this role', { of: 'role' });
    await insertRoleMember(tx, { id: newId(), org_id: ctx.org.id, role_id: roleId, user_id: userId, created_at: ctx.now });
    const role = await toRole(tx, row);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'role.member_added',
      entityType: 'role',
      entityId: roleId,
      after: { userId, role: row.name },
      at: ctx.now,
    });
    return role;
  });
}

export async function removeRoleMember(ctx: OrgContext, roleId: string, userId: string, given: OverrideInput = {}): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await loadRole(tx, ctx, roleId);
    await requireTeamAuthority(tx, ctx, row.team_id, 'change its roles');
    await guardTeamChange(
      tx,
      ctx,
      { teamId: row.team_id, action: 'role_member_removed', subjectType: 'role', subjectId: roleId },
      given.override,
      given.queryReason,
    );
    if ((await deleteRoleMember(tx, ctx.org.id, roleId, userId)) === 0) {
      // Idempotent for people of the organization: off a role they do not hold is the same state.
      const inOrg = await findMembershipOfUser(tx, ctx.org.id, userId);
      if (!inOrg) throw notFound('person', userId);
      return;
    }
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'role.member_removed',
      entityType: 'role',
      entityId: roleId,
      before: { userId, role: row.name },
      at: ctx.now,
    });
  });
}

function toCapability(row: CapabilitiesTable): TCapability {
  return {
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    description: row.description,
    capacity: { value: row.capacity_value === null ? null : Number(row.capacity_value), unit: row.capacity_unit, per: row.capacity_per },
    evidence: row.evidence,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listCapabilities(ctx: OrgContext, teamId: string): Promise<TCapability[]> {
  await requireTeam(ctx.db, ctx, teamId);
  return (await listCapabilitiesOfTeam(ctx.db, ctx.org.id, teamId)).map(toCapability);
}

async function guardCapabilityName(tx: Tx, ctx: OrgContext, teamId: string, name: string, selfId?: string) {
  const other = await findCapabilityByName(tx, ctx.org.id, teamId, name);
  if (other && other.id !== selfId)
    throw conflict('name', 'taken', `the team already lists a capability named "${name}"`, { entity: 'capability' });
}

export async function createCapability(ctx: OrgContext, teamId: string, input: TCreateCapability): Promise<TCapability> {
  return ctx.db.transaction().execute(async (tx) => {
    await requireTeam(tx, ctx, teamId);
    await requireTeamAuthority(tx, ctx, teamId, 'change its capabilities');
    const id = newId();
    await guardTeamChange(tx, ctx, { teamId, action: 'capability_created', subjectType: 'capability', subjectId: id }, input.override);
    await guardCapabilityName(tx, ctx, teamId, input.name);
    const row: CapabilitiesTable = {
      id,
      org_id: ctx.org.id,
      team_id: teamId,
      name: input.name,
      description: input.description,
      capacity_value: input.capacity.value,
      capacity_unit: input.capacity.unit,
      capacity_per: input.capacity.per ?? null,
      evidence: input.evidence,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await insertCapability(tx, row);
    const capability = toCapability(row);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'capability.created',
      entityType: 'capability',
      entityId: row.id,
      after: capability,
      at: ctx.now,
    });
    return capability;
  });
}

export async function updateCapability(ctx: OrgContext, id: string, input: TUpdateCapability): Promise<TCapability> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findCapability(tx, ctx.org.id, id);
    if (!row) throw notFound('capability', id);
    await requireTeamAuthority(tx, ctx, row.team_id, 'change its capabilities');
    await guardTeamChange(
      tx,
      ctx,
      { teamId: row.team_id, action: 'capability_updated', subjectType: 'capability', subjectId: id },
      input.override,
    );
    if (input.name !== undefined) await guardCapabilityName(tx, ctx, row.team_id, input.name, id);
    const set = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.capacity !== undefined && {
        capacity_value: input.capacity.value,
        capacity_unit: input.capacity.unit,
        capacity_per: input.capacity.per ?? null,
      }),
      ...(input.evidence !== undefined && { evidence: input.evidence }),
      updated_at: ctx.now,
    };
    await updateCapabilityRow(tx, ctx.org.id, id, set);
    const after = toCapability({ ...row, ...set });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'capability.updated',
      entityType: 'capability',
      entityId: id,
      before: toCapability(row),
      after,
      at: ctx.now,
    });
    return after;
  });
}

export async function deleteCapability(ctx: OrgContext, id: string, given: OverrideInput = {}): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findCapability(tx, ctx.org.id, id);
    if (!row) throw notFound('capability', id);
    await requireTeamAuthority(tx, ctx, row.team_id, 'change its capabilities');
    await guardTeamChange(
      tx,
      ctx,
      { teamId: row.team_id, action: 'capability_deleted', subjectType: 'capability', subjectId: id },
      given.override,
      given.queryReason,
    );
    await deleteCapabilityRow(tx, ctx.org.id, id);
    // Promises that needed it lose their backing now, and say what they lost (the promises module reacts).
    await publish(tx, 'capability.deleted', { orgId: ctx.org.id, capabilityId: id, name: row.name, now: ctx.now, actor: ctx.actor });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'capability.deleted',
      entityType: 'capability',
      entityId: id,
      before: toCapability(row),
      at: ctx.now,
    });
  });
}
