import { z } from 'zod';
import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import { overrideOfDelete, ZOverrideBody, ZOverrideQuery } from './override.schema.js';
import { ZAddTeamMember, ZCreateTeam, ZTeam, ZTeamDetail, ZTeamMember, ZUpdateTeam } from './team.schema.js';
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  getTeam,
  listMembersOfTeam,
  listOrgTeams,
  removeTeamMember,
  updateTeam,
} from './team.service.js';

export function registerTeamRoutes(r: Registrar): void {
  r.add({
    method: 'GET',
    operationId: 'listTeams',
    url: '/api/v1/orgs/:org/teams',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:read',
    summary: 'Teams of the organization',
    params: ZOrgParams,
    query: ZPageQuery,
    response: ZPage(ZTeam),
    handler: async ({ ctx, query }) => listOrgTeams(ctx, query),
  });
  r.add({
    method: 'POST',
    operationId: 'createTeam',
    url: '/api/v1/orgs/:org/teams',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:write',
    status: 201,
    summary: 'Create a team (autonomous or a council)',
    params: ZOrgParams,
    body: ZCreateTeam,
    response: ZTeam,
    handler: async ({ ctx, body }) => createTeam(ctx, body),
  });
  r.add({
    method: 'GET',
    operationId: 'getTeam',
    url: '/api/v1/orgs/:org/teams/:teamId',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:read',
    summary: 'One team with its members',
    params: orgParamsWith('teamId'),
    response: ZTeamDetail,
    handler: async ({ ctx, params }) => getTeam(ctx, params.teamId),
  });
  r.add({
    method: 'PATCH',
    operationId: 'updateTeam',
    url: '/api/v1/orgs/:org/teams/:teamId',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:write',
    summary: 'Change a team’s name, kind or purpose',
    params: orgParamsWith('teamId'),
    body: ZUpdateTeam,
    response: ZTeam,
    handler: async ({ ctx, params, body }) => updateTeam(ctx, params.teamId, body),
  });
  r.add({
    method: 'DELETE',
    operationId: 'deleteTeam',
    url: '/api/v1/orgs/:org/teams/:teamId',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:write',
    status: 204,
    summary: 'Delete a team',
    params: orgParamsWith('teamId'),
    handler: async ({ ctx, params }) => deleteTeam(ctx, params.teamId),
  });
  r.add({
    method: 'GET',
    operationId: 'listTeamMembers',
    url: '/api/v1/orgs/:org/teams/:teamId/members',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:read',
    summary: 'Members of a team',
    params: orgParamsWith('teamId'),
    query: ZPageQuery,
    response: ZPage(ZTeamMember),
    handler: async ({ ctx, params, query }) => listMembersOfTeam(ctx, params.teamId, query),
  });
  r.add({
    method: 'POST',
    operationId: 'addTeamMember',
    url: '/api/v1/orgs/:org/teams/:teamId/members',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:write',
    status: 201,
    summary: 'Add a member of the organization to the team',
    params: orgParamsWith('teamId'),
    body: ZAddTeamMember,
    response: z.object({ items: z.array(ZTeamMember) }),
    handler: async ({ ctx, params, body }) => ({
      items: await addTeamMember(ctx, params.teamId, body.userId, { override: body.override }),
    }),
  });
  r.add({
    method: 'DELETE',
    operationId: 'removeTeamMember',
    url: '/api/v1/orgs/:org/teams/:teamId/members/:userId',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:write',
    status: 204,
    summary: 'Remove a member from the team',
    params: orgParamsWith('teamId', 'userId'),
    query: ZOverrideQuery,
    body: ZOverrideBody,
    handler: async ({ ctx, params, query, body }) => removeTeamMember(ctx, params.teamId, params.userId, overrideOfDelete(body, query)),
  });
}
