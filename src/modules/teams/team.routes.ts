import { z } from 'zod';
import type { Registrar } from '../../http/registrar.js';
import { ZOrgIdParams, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import { ZAddTeamMember, ZCreateTeam, ZTeam, ZTeamDetail, ZTeamMember, ZTeamMemberParams, ZUpdateTeam } from './team.schema.js';
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
    url: '/api/v1/orgs/:org/teams/:id',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:read',
    summary: 'One team with its members',
    params: ZOrgIdParams,
    response: ZTeamDetail,
    handler: async ({ ctx, params }) => getTeam(ctx, params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/orgs/:org/teams/:id',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:write',
    summary: 'Change a team’s name, kind or purpose',
    params: ZOrgIdParams,
    body: ZUpdateTeam,
    response: ZTeam,
    handler: async ({ ctx, params, body }) => updateTeam(ctx, params.id, body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/orgs/:org/teams/:id',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:write',
    status: 204,
    summary: 'Delete a team',
    params: ZOrgIdParams,
    handler: async ({ ctx, params }) => deleteTeam(ctx, params.id),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/orgs/:org/teams/:id/members',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:read',
    summary: 'Members of a team',
    params: ZOrgIdParams,
    query: ZPageQuery,
    response: ZPage(ZTeamMember),
    handler: async ({ ctx, params, query }) => listMembersOfTeam(ctx, params.id, query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/orgs/:org/teams/:id/members',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:write',
    status: 201,
    summary: 'Add a member of the organization to the team',
    params: ZOrgIdParams,
    body: ZAddTeamMember,
    response: z.object({ items: z.array(ZTeamMember) }),
    handler: async ({ ctx, params, body }) => ({ items: await addTeamMember(ctx, params.id, body.userId) }),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/orgs/:org/teams/:id/members/:userId',
    tag: 'teams',
    auth: 'org',
    permission: 'teams:write',
    status: 204,
    summary: 'Remove a member from the team',
    params: ZTeamMemberParams,
    handler: async ({ ctx, params }) => removeTeamMember(ctx, params.id, params.userId),
  });
}
