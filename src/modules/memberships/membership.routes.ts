import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import { ZCreateMembership, ZMembership, ZUpdateMembership } from './membership.schema.js';
import { addMembership, changeRole, listOrgMemberships, removeMembership } from './membership.service.js';

export function registerMembershipRoutes(r: Registrar): void {
  r.add({
    method: 'GET',
    operationId: 'listMemberships',
    url: '/api/v1/orgs/:org/memberships',
    tag: 'memberships',
    auth: 'org',
    permission: 'members:read',
    summary: 'People of the organization with their roles',
    params: ZOrgParams,
    query: ZPageQuery,
    response: ZPage(ZMembership),
    handler: async ({ ctx, query }) => listOrgMemberships(ctx, query),
  });
  r.add({
    method: 'POST',
    operationId: 'addMembership',
    url: '/api/v1/orgs/:org/memberships',
    tag: 'memberships',
    auth: 'org',
    permission: 'members:write',
    status: 201,
    summary: 'Add a person (an existing account by e-mail, or a new one with name and password)',
    params: ZOrgParams,
    body: ZCreateMembership,
    response: ZMembership,
    handler: async ({ ctx, body }) => addMembership(ctx, body),
  });
  r.add({
    method: 'PATCH',
    operationId: 'updateMembership',
    url: '/api/v1/orgs/:org/memberships/:membershipId',
    tag: 'memberships',
    auth: 'org',
    permission: 'members:write',
    summary: 'Change a person’s role (the last admin cannot be demoted)',
    params: orgParamsWith('membershipId'),
    body: ZUpdateMembership,
    response: ZMembership,
    handler: async ({ ctx, params, body }) => changeRole(ctx, params.membershipId, body),
  });
  r.add({
    method: 'DELETE',
    operationId: 'removeMembership',
    url: '/api/v1/orgs/:org/memberships/:membershipId',
    tag: 'memberships',
    auth: 'org',
    permission: 'members:write',
    status: 204,
    summary: 'Remove a person from the organization and its teams',
    params: orgParamsWith('membershipId'),
    handler: async ({ ctx, params }) => removeMembership(ctx, params.membershipId),
  });
}
