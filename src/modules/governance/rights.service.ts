import { AppError, conflict, invalidField, notFound } from '../../core/errors.js';
import { checkWithinLimits, type Grant, holdsRight, isChainActive, revocationCascade } from '../../core/governance/rights.js';
import { newId } from '../../core/ids.js';
import type { DecisionRightsTable, GrantsTable, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { publish } from '../events.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import { findTeam, listTeamNames } from '../teams/team.repository.js';
import { canActForTeam } from './authority.js';
import type { TCreateGrant, TDelegateGrant, TGrant, TRight } from './governance.schema.js';
import {
  findGrant,
  findRight,
  findRightByName,
  insertGrant,
  insertGrantEvent,
  insertRight,
  listGrantEvents,
  listGrantRows,
  listGrantsByIds,
  listRightNames,
  listRightRows,
  loadGrants,
  updateGrantRow,
} from './rights.repository.js';
import { findRole, findRoleMember, listCapabilitiesOfTeam, listRoleIdsOfTeam, listRolesWithTeams } from './structure.repository.js';

type Limits = { spendingCap: number | null; scope: string | null };

const toRight = (row: DecisionRightsTable): TRight => ({
  id: row.id,
  name: row.name,
  description: row.description,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
export const coreGrant = (row: GrantsTable): Grant => ({
  id: row.id,
  rightId: row.right_id,
  holderType: row.holder_type,
  holderId: row.holder_id,
  parentId: row.parent_id,
  limits: { spendingCap: row.spending_cap === null ? null : Number(row.spending_cap), scope: row.scope },
  revokedAt: row.revoked_at,
});

/** Holders (teams and roles) by id, for showing grants: the name and the team a holder belongs to. */
type Holder = { name: string; teamId: string; teamName: string; roleName: string | null };
async function holderNames(tx: Tx, orgId: string): Promise<Map<string, Holder>> {
  const teams = await listTeamNames(tx, orgId);
  const roles = await listRolesWithTeams(tx, orgId);
  return new Map<string, Holder>([
    ...teams.map((t): [string, Holder] => [t.id, { name: t.name, teamId: t.id, teamName: t.name, roleName: null }]),
    ...roles.map((r): [string, Holder] => [r.id, { name: `${r.team} / ${r.name}`, teamId: r.team_id, teamName: r.team, roleName: r.name }]),
  ]);
}

/** Grants as the API shows them: with names, limits and whether the whole chain above is active. */
export async function describeGrants(tx: Tx, orgId: string, rows: GrantsTable[]): Promise<TGrant[]> {
  return (await grantDescriber(tx, orgId))(rows);
}

/**
 * Loads once what describing grants needs (every grant for the chain, holder and right names) and
 * returns the describer; whether a chain is active depends on revocations only, so a describer
 * stays right while caps are narrowed.
 */
async function grantDescriber(tx: Tx, orgId: string): Promise<(rows: GrantsTable[]) => TGrant[]> {
  const byId = new Map((await loadGrants(tx, orgId)).map((g) => [g.id, coreGrant(g)] as const));
  const names = await holderNames(tx, orgId);
  const rights = new Map((await listRightNames(tx, orgId)).map((r) => [r.id, r.name]));
  return (rows) =>
    rows.map((row) => {
      const g = coreGrant(row);
      return {
        id: row.id,
        rightId: row.right_id,
        rightName: rights.get(row.right_id) ?? '',
        holderType: row.holder_type,
        holderId: row.holder_id,
        holderName: names.get(row.holder_id)?.name ?? '',
        holderTeamId: names.get(row.holder_id)?.teamId ?? '',
        holderTeamName: names.get(row.holder_id)?.teamName ?? '',
        holderRoleName: names.get(row.holder_id)?.roleName ?? null,
        parentGrantId: row.parent_id,
        grantedBy: row.granted_by,
        limits: { spendingCap: g.limits.spendingCap ?? null, scope: g.limits.scope ?? null },
        active: isChainActive(byId, g),
        createdAt: row.created_at,
        revokedAt: row.revoked_at,
      };
    });
}

export async function listRights(ctx: OrgContext): Promise<TRight[]> {
  return (await listRightRows(ctx.db, ctx.org.id)).map(toRight);
}

export async function createRight(ctx: OrgContext, input: { name: string; description: string }): Promise<TRight> {
  if (ctx.role !== undefined && ctx.role !== 'admin' && ctx.role !== 'council') {
    throw new AppError('forbidden', 'only an admin or the council defines decision rights');
  }
  return ctx.db.transaction().execute(async (tx) => {
    if (await findRightByName(tx, ctx.org.id, input.name)) {
      throw conflict('name', 'taken', `a decision right named "${input.name}" already exists`, { entity: 'right' });
    }
    const row: DecisionRightsTable = {
      id: newId(),
      org_id: ctx.org.id,
      name: input.name,
      description: input.description,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await insertRight(tx, row);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'right.created',
      entityType: 'right',
      entityId: row.id,
      after: toRight(row),
      at: ctx.now,
    });
    return toRight(row);
  });
}

async function requireHolder(tx: Tx, ctx: OrgContext, holderType: 'team' | 'role', holderId: string): Promise<{ teamId: string }> {
  if (holderType === 'team') {
    const team = await findTeam(tx, ctx.org.id, holderId);
    if (!team) throw invalidField('holderId', 'not_found', 'no team with this id in the organization', { entity: 'team' });
    return { teamId: team.id };
  }
  const role = await findRole(tx, ctx.org.id, holderId);
  if (!role) throw invalidField('holderId', 'not_found', 'no role with this id in the organization', { entity: 'role' });
  return { teamId: role.team_id };
}

/** May the actor act for the holder of `grant` (sub-delegate, narrow or revoke what it passed on)? */
async function actsForHolder(tx: Tx, ctx: OrgContext, grant: GrantsTable): Promise<boolean> {
  const { teamId } = await requireHolder(tx, ctx, grant.holder_type, grant.holder_id);
  if (grant.holder_type === 'team' || isOrgLevel(ctx)) return canActForTeam(tx, ctx, teamId);
  // A role's right is the role's: its people pass it on, not every member of its team.
  if (!ctx.actor.id) return false;
  return (await findRoleMember(tx, ctx.org.id, grant.holder_id, ctx.actor.id)) !== undefined;
}

/**
 * Who grants a right that is not sub-delegated: the council when a council member grants, or when
 * an admin (or a token, the system) grants on its behalf; else the organization. A council member
 * does not grant as the organization.
 */
function granterOf(ctx: OrgContext, onBehalfOf: 'organization' | 'council' | undefined): GrantsTable['granted_by'] {
  if (ctx.role === 'council') {
    if (onBehalfOf === 'organization') throw invalidField('onBehalfOf', 'not_allowed', 'a council member grants as the council');
    return 'council';
  }
  return onBehalfOf ?? 'organization';
}

const isOrgLevel = (ctx: OrgContext) => ctx.actor.type !== 'user' || ctx.role === 'admin' || ctx.role === 'council';

async function recordEvent(
  tx: Tx,
  ctx: OrgContext,
  grantId: string,
  kind: 'granted' | 'narrowed' | 'revoked',
  reason: string,
  limits: Limits,
) {
  await insertGrantEvent(tx, {
    id: newId(),
    org_id: ctx.org.id,
    grant_id: grantId,
    kind,
    actor_type: ctx.actor.type,
    actor_id: ctx.actor.id,
    actor_label: ctx.actor.label,
    reason,
    spending_cap: limits.spendingCap,
    scope: limits.scope,
    at: ctx.now,
  });
}

/** Tells the people of a grant's holder (a team's members, a role's people) that their right changed. */
async function notifyHolder(
  tx: Tx,
  ctx: OrgContext,
  grant: TGrant,
  kind: 'right_granted' | 'right_narrowed' | 'right_revoked',
  reason: string,
): Promise<void> {
  await notifyUsers(
    tx,
    ctx.org.id,
    await peopleOf(tx, ctx.org.id, grant.holderType, grant.holderId),
    {
      kind,
      subjectType: 'grant',
      subjectId: grant.id,
      params: { right: grant.rightName, holder: grant.holderName, spendingCap: grant.limits.spendingCap, reason },
    },
    ctx.now,
    ctx.actor.id,
  );
}

async function loadGrant(tx: Tx, ctx: OrgContext, id: string): Promise<GrantsTable> {
  const row = await findGrant(tx, ctx.org.id, id);
  if (!row) throw notFound('grant', id);
  return row;
}

/**
 * Grants a right. Without a parent it is the organization's (an admin) or the council's grant; with
 * a parent it is a sub-delegation by the parent's holder, never wider than the parent's limits.
 */
export async function grantRight(ctx: OrgContext, input: TCreateGrant): Promise<TGrant> {
  return ctx.db.transaction().execute(async (tx) => {
    const right = await findRight(tx, ctx.org.id, input.rightId);
    if (!right) throw invalidField('rightId', 'not_found', 'no decision right with this id in the organization', { entity: 'right' });
    await requireHolder(tx, ctx, input.holderType, input.holderId);
    let grantedBy: GrantsTable['granted_by'];
    if (input.parentGrantId === null) {
      if (!isOrgLevel(ctx)) throw new AppError('forbidden', 'only an admin or the council grants a right that is not sub-delegated');
      grantedBy = granterOf(ctx, input.onBehalfOf);
    } else {
      const parent = await findGrant(tx, ctx.org.id, input.parentGrantId);
      if (!parent) throw invalidField('parentGrantId', 'not_found', 'no grant with this id in the organization', { entity: 'grant' });
      if (parent.right_id !== input.rightId)
        throw invalidField('parentGrantId', 'mismatch', 'the parent grant is of another right', { entity: 'right' });
      const byId = new Map((await loadGrants(tx, ctx.org.id)).map((g) => [g.id, coreGrant(g)] as const));
      if (!isChainActive(byId, coreGrant(parent))) {
        throw invalidField('parentGrantId', 'wrong_status', 'the parent grant is revoked: nothing to sub-delegate', { status: 'revoked' });
      }
      if (!(await actsForHolder(tx, ctx, parent)))
        throw new AppError('forbidden', 'only the holder of the parent grant, an admin or the council may sub-delegate it');
      const problem = checkWithinLimits(input.limits, coreGrant(parent).limits);
      if (problem) {
        const cap = parent.spending_cap === null ? null : Number(parent.spending_cap);
        throw invalidField(
          problem.path,
          problem.reason === 'unscoped_under_scope' ? 'required' : 'too_big',
          problem.reason === 'uncapped_under_cap'
            ? `the granter's own cap is ${cap}: set a cap of at most ${cap}`
            : problem.reason === 'unscoped_under_scope'
              ? `the granter is limited to "${parent.scope}": keep a scope`
              : `wider than the granter's own cap of ${cap}`,
          problem.reason === 'unscoped_under_scope' ? { scope: parent.scope } : { maximum: cap, limit: 'granter' },
        );
      }
      if (input.onBehalfOf !== undefined)
        throw invalidField('onBehalfOf', 'not_applicable', 'a sub-delegated grant is given by the holder above');
      grantedBy = 'delegation';
    }
    const row: GrantsTable = {
      id: newId(),
      org_id: ctx.org.id,
      right_id: input.rightId,
      holder_type: input.holderType,
      holder_id: input.holderId,
      parent_id: input.parentGrantId,
      granted_by: grantedBy,
      spending_cap: input.limits.spendingCap,
      scope: input.limits.scope,
      created_at: ctx.now,
      updated_at: ctx.now,
      revoked_at: null,
    };
    await insertGrant(tx, row);
    await recordEvent(tx, ctx, row.id, 'granted', input.reason, input.limits);
    const [grant] = await describeGrants(tx, ctx.org.id, [row]);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'grant.created',
      entityType: 'grant',
      entityId: row.id,
      after: grant,
      at: ctx.now,
    });
    await notifyHolder(tx, ctx, grant as TGrant, 'right_granted', input.reason);
    return grant as TGrant;
  });
}

async function requireGrantAuthority(tx: Tx, ctx: OrgContext, row: GrantsTable, what: string): Promise<void> {
  if (isOrgLevel(ctx)) return;
  const parent = row.parent_id ? await loadGrant(tx, ctx, row.parent_id) : null;
  if (parent && (await actsForHolder(tx, ctx, parent))) return;
  throw new AppError('forbidden', `only whoever granted it (the holder above), an admin or the council may ${what} this grant`);
}

/** Sub-delegates grant `id` to another holder: the same right, never wider than the grant. */
export async function delegateGrant(ctx: OrgContext, id: string, input: TDelegateGrant): Promise<TGrant> {
  const parent = await loadGrant(ctx.db, ctx, id);
  return grantRight(ctx, { ...input, rightId: parent.right_id, parentGrantId: id });
}

/**
 * Narrows a grant's limits (a cap may only go down). Sub-grants wider than the new cap are narrowed
 * to it as well, each with its own history entry.
 */
export async function narrowGrant(ctx: OrgContext, id: string, limits: Limits, reason: string): Promise<TGrant> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadGrant(tx, ctx, id);
    if (row.revoked_at !== null) throw conflict('id', 'wrong_status', 'the grant is revoked', { status: 'revoked' });
    await requireGrantAuthority(tx, ctx, row, 'narrow');
    const problem = checkWithinLimits(limits, coreGrant(row).limits);
    if (problem) {
      throw invalidField(
        problem.path,
        problem.path === 'limits.scope' ? 'required' : 'too_big',
        problem.path === 'limits.scope' ? 'narrowing cannot remove the scope' : 'narrowing may only lower the cap',
        problem.path === 'limits.scope' ? {} : { maximum: row.spending_cap === null ? null : Number(row.spending_cap), limit: 'current' },
      );
    }
    const [before] = await describeGrants(tx, ctx.org.id, [row]);
    await updateGrantRow(tx, ctx.org.id, id, { spending_cap: limits.spendingCap, scope: limits.scope, updated_at: ctx.now });
    await recordEvent(tx, ctx, id, 'narrowed', reason, limits);
    if (limits.spendingCap !== null) await narrowBelow(tx, ctx, id, limits.spendingCap, reason);
    const [after] = await describeGrants(tx, ctx.org.id, [await loadGrant(tx, ctx, id)]);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'grant.narrowed',
      entityType: 'grant',
      entityId: id,
      before,
      after: { ...after, reason },
      at: ctx.now,
    });
    await notifyHolder(tx, ctx, after as TGrant, 'right_narrowed', reason);
    return after as TGrant;
  });
}

/**
 * Lowers to `cap` every active grant sub-delegated below grant `id` whose cap is wider (or none),
 * one at a time: its cap, its history entry, then its holder's notice.
 */
async function narrowBelow(tx: Tx, ctx: OrgContext, id: string, cap: number, reason: string): Promise<void> {
  const rows = await loadGrants(tx, ctx.org.id);
  const byId = new Map(rows.map((r) => [r.id, r] as const));
  const describe = await grantDescriber(tx, ctx.org.id);
  const why = `follows the grant above: ${reason}`;
  for (const child of revocationCascade(rows.map(coreGrant), id).slice(1)) {
    const current = child.limits.spendingCap ?? null;
    if (current !== null && current <= cap) continue;
    await updateGrantRow(tx, ctx.org.id, child.id, { spending_cap: cap, updated_at: ctx.now });
    await recordEvent(tx, ctx, child.id, 'narrowed', why, { spendingCap: cap, scope: child.limits.scope ?? null });
    const [narrowed] = describe([{ ...(byId.get(child.id) as GrantsTable), spending_cap: cap, updated_at: ctx.now }]);
    if (narrowed) await notifyHolder(tx, ctx, narrowed, 'right_narrowed', why);
  }
}

/** Revokes a grant and, in the same transaction, everything sub-delegated from it. Returns the ids revoked. */
export async function revokeGrant(ctx: OrgContext, id: string, reason: string): Promise<{ revoked: string[] }> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadGrant(tx, ctx, id);
    if (row.revoked_at !== null) throw conflict('id', 'wrong_status', 'the grant is already revoked', { status: 'revoked' });
    await requireGrantAuthority(tx, ctx, row, 'revoke');
    const cascade = revocationCascade((await loadGrants(tx, ctx.org.id)).map(coreGrant), id);
    for (const grant of cascade) {
      await updateGrantRow(tx, ctx.org.id, grant.id, { revoked_at: ctx.now, updated_at: ctx.now });
      const why = grant.id === id ? reason : `the grant above was revoked: ${reason}`;
      await recordEvent(tx, ctx, grant.id, 'revoked', why, {
        spendingCap: grant.limits.spendingCap ?? null,
        scope: grant.limits.scope ?? null,
      });
    }
    const revoked = cascade.map((g) => g.id);
    const described = await describeGrants(tx, ctx.org.id, await listGrantsByIds(tx, ctx.org.id, revoked));
    for (const grant of described) await notifyHolder(tx, ctx, grant, 'right_revoked', reason);
    // Published promises that needed the right are flagged unbacked at once (the promises module reacts).
    await publish(tx, 'grants.revoked', { orgId: ctx.org.id, grantIds: revoked, now: ctx.now, actor: ctx.actor });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'grant.revoked',
      entityType: 'grant',
      entityId: id,
      after: { reason, revoked },
      at: ctx.now,
    });
    return { revoked };
  });
}

export async function grantHistory(ctx: OrgContext, id: string) {
  await loadGrant(ctx.db, ctx, id);
  const rows = await listGrantEvents(ctx.db, ctx.org.id, id);
  return rows.map((e) => ({
    id: e.id,
    grantId: e.grant_id,
    kind: e.kind,
    actor: { type: e.actor_type, id: e.actor_id, label: e.actor_label },
    reason: e.reason,
    limits: { spendingCap: e.spending_cap === null ? null : Number(e.spending_cap), scope: e.scope },
    at: e.at,
  }));
}

export async function listGrants(
  ctx: OrgContext,
  filter: { rightId?: string; holderType?: 'team' | 'role'; holderId?: string; active?: 'true' | 'false' },
) {
  const grants = await describeGrants(ctx.db, ctx.org.id, await listGrantRows(ctx.db, ctx.org.id, filter));
  return filter.active === undefined ? grants : grants.filter((g) => g.active === (filter.active === 'true'));
}

/**
 * Backing of a promise (called by the Promises module): which of the capabilities and rights the
 * team lacks now. A right counts when the team, or one of its roles, holds it through an active chain.
 */
export async function missingBacking(tx: Tx, orgId: string, teamId: string, need: { capabilityIds: string[]; rightIds: string[] }) {
  const capabilities = await listCapabilitiesOfTeam(tx, orgId, teamId);
  const have = new Set(capabilities.map((c) => c.id));
  const roleIds = await listRoleIdsOfTeam(tx, orgId, teamId);
  const grants = (await loadGrants(tx, orgId)).map(coreGrant);
  const holds = (rightId: string) =>
    holdsRight(grants, rightId, 'team', teamId) !== null || roleIds.some((roleId) => holdsRight(grants, rightId, 'role', roleId) !== null);
  return {
    capabilities: need.capabilityIds.filter((id) => !have.has(id)),
    rights: need.rightIds.filter((id) => !holds(id)),
  };
}
