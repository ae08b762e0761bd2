import { z } from 'zod';
import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import { pageInMemory } from '../list.js';
import { overrideOfDelete, ZOverrideBody, ZOverrideQuery } from '../teams/override.schema.js';
import {
  ZAddRoleMember,
  ZCapability,
  ZCreateCapability,
  ZCreateGrant,
  ZCreateRight,
  ZCreateRole,
  ZDelegateGrant,
  ZGrant,
  ZGrantEvent,
  ZGrantQuery,
  ZNarrowGrant,
  ZRevokeGrant,
  ZRight,
  ZRole,
  ZUpdateCapability,
  ZUpdateRole,
} from './governance.schema.js';
import {
  createRight,
  delegateGrant,
  grantHistory,
  grantRight,
  listGrants,
  listRights,
  narrowGrant,
  revokeGrant,
} from './rights.service.js';
import { rightsTree } from './rights-tree.js';
import {
  addRoleMember,
  createCapability,
  createRole,
  deleteCapability,
  deleteRole,
  listCapabilities,
  listRoles,
  removeRoleMember,
  updateCapability,
  updateRole,
} from './structure.service.js';

export function registerGovernanceRoutes(r: Registrar): void {
  const base = '/api/v1/orgs/:org';
  const read = { tag: 'governance', auth: 'org' as const, permission: 'governance:read' as const };
  const write = { tag: 'governance', auth: 'org' as const, permission: 'governance:write' as const };
  // A team runs its own roles and capabilities and passes on what it holds; the services check whose it is.
  const team = { tag: 'governance', auth: 'org' as const, permission: 'governance:participate' as const };

  r.add({
    ...read,
    method: 'GET',
    operationId: 'listTeamRoles',
    url: `${base}/teams/:teamId/roles`,
    summary: 'Roles of a team with their members',
    params: orgParamsWith('teamId'),
    query: ZPageQuery,
    response: ZPage(ZRole),
    handler: async ({ ctx, params, query }) => pageInMemory(await listRoles(ctx, params.teamId), query),
  });
  r.add({
    ...team,
    method: 'POST',
    operationId: 'createRole',
    url: `${base}/teams/:teamId/roles`,
    status: 201,
    summary: 'Add a role (name, purpose, accountabilities) to a team',
    params: orgParamsWith('teamId'),
    body: ZCreateRole,
    response: ZRole,
    handler: async ({ ctx, params, body }) => createRole(ctx, params.teamId, body),
  });
  r.add({
    ...team,
    method: 'PATCH',
    operationId: 'updateRole',
    url: `${base}/roles/:roleId`,
    summary: 'Change a role',
    params: orgParamsWith('roleId'),
    body: ZUpdateRole,
    response: ZRole,
    handler: async ({ ctx, params, body }) => updateRole(ctx, params.roleId, body),
  });
  r.add({
    ...team,
    method: 'DELETE',
    operationId: 'deleteRole',
    url: `${base}/roles/:roleId`,
    status: 204,
    summary: 'Delete a role (refused while it holds a right)',
    params: orgParamsWith('roleId'),
    query: ZOverrideQuery,
    body: ZOverrideBody,
    handler: async ({ ctx, params, query, body }) => deleteRole(ctx, params.roleId, overrideOfDelete(body, query)),
  });
  r.add({
    ...team,
    method: 'POST',
    operationId: 'assignRoleMember',
    url: `${base}/roles/:roleId/members`,
    status: 201,
    summary: 'Assign a member of the team to the role',
    params: orgParamsWith('roleId'),
    body: ZAddRoleMember,
    response: ZRole,
    handler: async ({ ctx, params, body }) => addRoleMember(ctx, params.roleId, body.userId, { override: body.override }),
  });
  r.add({
    ...team,
    method: 'DELETE',
    operationId: 'removeRoleMember',
    url: `${base}/roles/:roleId/members/:userId`,
    status: 204,
    summary: 'Take a person off a role',
    params: orgParamsWith('roleId', 'userId'),
    query: ZOverrideQuery,
    body: ZOverrideBody,
    handler: async ({ ctx, params, query, body }) => removeRoleMember(ctx, params.roleId, params.userId, overrideOfDelete(body, query)),
  });

  r.add({
    ...read,
    method: 'GET',
    operationId: 'listTeamCapabilities',
    url: `${base}/teams/:teamId/capabilities`,
    summary: 'Capabilities the team really has, with capacity and evidence',
    params: orgParamsWith('teamId'),
    query: ZPageQuery,
    response: ZPage(ZCapability),
    handler: async ({ ctx, params, query }) => pageInMemory(await listCapabilities(ctx, params.teamId), query),
  });
  r.add({
    ...team,
    method: 'POST',
    operationId: 'createCapability',
    url: `${base}/teams/:teamId/capabilities`,
    status: 201,
    summary: 'Record a capability of the team',
    params: orgParamsWith('teamId'),
    body: ZCreateCapability,
    response: ZCapability,
    handler: async ({ ctx, params, body }) => createCapability(ctx, params.teamId, body),
  });
  r.add({
    ...team,
    method: 'PATCH',
    operationId: 'updateCapability',
    url: `${base}/capabilities/:capabilityId`,
    summary: 'Change a capability',
    params: orgParamsWith('capabilityId'),
    body: ZUpdateCapability,
    response: ZCapability,
    handler: async ({ ctx, params, body }) => updateCapability(ctx, params.capabilityId, body),
  });
  r.add({
    ...team,
    method: 'DELETE',
    operationId: 'deleteCapability',
    url: `${base}/capabilities/:capabilityId`,
    status: 204,
    summary: 'Delete a capability',
    params: orgParamsWith('capabilityId'),
    query: ZOverrideQuery,
    body: ZOverrideBody,
    handler: async ({ ctx, params, query, body }) => deleteCapability(ctx, params.capabilityId, overrideOfDelete(body, query)),
  });

  r.add({
    ...read,
    method: 'GET',
    operationId: 'listRights',
    url: `${base}/rights`,
    summary: 'Decision rights (domains) of the organization',
    params: ZOrgParams,
    query: ZPageQuery,
    response: ZPage(ZRight),
    handler: async ({ ctx, query }) => pageInMemory(await listRights(ctx), query),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'createRight',
    url: `${base}/rights`,
    status: 201,
    summary: 'Define a decision right (what may be decided)',
    params: ZOrgParams,
    body: ZCreateRight,
    response: ZRight,
    handler: async ({ ctx, body }) => createRight(ctx, body),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getRightsTree',
    url: `${base}/rights/tree`,
    summary: 'How rights flow: organization and council → teams → roles, revoked grants included',
    params: ZOrgParams,
    response: z.object({ text: z.string(), rights: z.array(z.object({ right: ZRight, grants: z.array(ZGrant) })) }),
    handler: async ({ ctx }) => rightsTree(ctx),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listGrants',
    url: `${base}/grants`,
    summary: 'Grants of decision rights, filtered by right, holder or activity',
    params: ZOrgParams,
    query: ZGrantQuery,
    response: ZPage(ZGrant),
    handler: async ({ ctx, query }) => pageInMemory(await listGrants(ctx, query), query),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'createGrant',
    url: `${base}/grants`,
    status: 201,
    summary:
      'Grant a right to a team or role (by the organization or council), or sub-delegate a grant (parentGrantId) never wider than it',
    params: ZOrgParams,
    body: ZCreateGrant,
    response: ZGrant,
    handler: async ({ ctx, body }) => grantRight(ctx, body),
  });
  r.add({
    ...team,
    method: 'POST',
    operationId: 'delegateGrant',
    url: `${base}/grants/:grantId/delegate`,
    status: 201,
    summary: 'Sub-delegate a grant to a team or role, never wider than it (by its holder, an admin or the council)',
    params: orgParamsWith('grantId'),
    body: ZDelegateGrant,
    response: ZGrant,
    handler: async ({ ctx, params, body }) => delegateGrant(ctx, params.grantId, body),
  });
  r.add({
    ...team,
    method: 'POST',
    operationId: 'narrowGrant',
    url: `${base}/grants/:grantId/narrow`,
    summary: 'Narrow a grant’s limits, with a reason; sub-grants above the new cap follow it',
    params: orgParamsWith('grantId'),
    body: ZNarrowGrant,
    response: ZGrant,
    handler: async ({ ctx, params, body }) => narrowGrant(ctx, params.grantId, body.limits, body.reason),
  });
  r.add({
    ...team,
    method: 'POST',
    operationId: 'revokeGrant',
    url: `${base}/grants/:grantId/revoke`,
    summary: 'Revoke a grant with a reason; everything sub-delegated from it is revoked too',
    params: orgParamsWith('grantId'),
    body: ZRevokeGrant,
    response: z.object({ revoked: z.array(z.string()) }),
    handler: async ({ ctx, params, body }) => revokeGrant(ctx, params.grantId, body.reason),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getGrantHistory',
    url: `${base}/grants/:grantId/history`,
    summary: 'The history of a grant: granted, narrowed, revoked — who, when, why',
    params: orgParamsWith('grantId'),
    query: ZPageQuery,
    response: ZPage(ZGrantEvent),
    handler: async ({ ctx, params, query }) => pageInMemory(await grantHistory(ctx, params.grantId), query),
  });
}
