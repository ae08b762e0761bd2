import type { Registrar } from '../../http/registrar.js';
import { ZOrgIdParams, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import {
  ZClient,
  ZClientListQuery,
  ZCreateClient,
  ZCreatedInvitation,
  ZCreateInvitation,
  ZInvitation,
  ZInvitationParams,
  ZUpdateClient,
} from './client.schema.js';
import {
  createClient,
  deleteClient,
  getClient,
  inviteClient,
  listClientInvitations,
  listOrgClients,
  revokeInvitation,
  updateClient,
} from './client.service.js';

export function registerClientRoutes(r: Registrar): void {
  r.add({
    method: 'GET',
    url: '/api/v1/orgs/:org/clients',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:read',
    summary: 'Clients of the organization; `q` searches name, e-mail and external id',
    params: ZOrgParams,
    query: ZClientListQuery,
    response: ZPage(ZClient),
    handler: async ({ ctx, query }) => listOrgClients(ctx, query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/orgs/:org/clients',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:write',
    status: 201,
    summary: 'Add a client (customer or citizen)',
    params: ZOrgParams,
    body: ZCreateClient,
    response: ZClient,
    handler: async ({ ctx, body }) => createClient(ctx, body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/orgs/:org/clients/:id',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:read',
    summary: 'One client',
    params: ZOrgIdParams,
    response: ZClient,
    handler: async ({ ctx, params }) => getClient(ctx, params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/orgs/:org/clients/:id',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:write',
    summary: 'Change a client',
    params: ZOrgIdParams,
    body: ZUpdateClient,
    response: ZClient,
    handler: async ({ ctx, params, body }) => updateClient(ctx, params.id, body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/orgs/:org/clients/:id',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:write',
    status: 204,
    summary: 'Delete a client with their invitations and portal sessions',
    params: ZOrgIdParams,
    handler: async ({ ctx, params }) => deleteClient(ctx, params.id),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/orgs/:org/clients/:id/invitations',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:read',
    summary: 'Invitation links made for a client, oldest first, with their status',
    params: ZOrgIdParams,
    query: ZPageQuery,
    response: ZPage(ZInvitation),
    handler: async ({ ctx, params, query }) => listClientInvitations(ctx, params.id, query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/orgs/:org/clients/:id/invitations',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:write',
    status: 201,
    summary: 'Make a single-use, expiring invitation link to the client portal (shown once)',
    params: ZOrgIdParams,
    body: ZCreateInvitation.optional(),
    response: ZCreatedInvitation,
    handler: async ({ ctx, params, body }) =>
      inviteClient(ctx, params.id, body?.expiresInDays ?? 14, r.deps.config.publicUrl, body?.send ?? false),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/orgs/:org/clients/:id/invitations/:invitationId',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:write',
    status: 204,
    summary: 'Revoke an unused invitation link',
    params: ZInvitationParams,
    handler: async ({ ctx, params }) => revokeInvitation(ctx, params.id, params.invitationId),
  });
}
