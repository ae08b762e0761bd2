import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import {
  ZClient,
  ZClientListQuery,
  ZCreateClient,
  ZCreatedInvitation,
  ZCreateInvitation,
  ZInvitation,
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
    operationId: 'listClients',
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
    operationId: 'createClient',
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
    operationId: 'getClient',
    url: '/api/v1/orgs/:org/clients/:clientId',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:read',
    summary: 'One client',
    params: orgParamsWith('clientId'),
    response: ZClient,
    handler: async ({ ctx, params }) => getClient(ctx, params.clientId),
  });
  r.add({
    method: 'PATCH',
    operationId: 'updateClient',
    url: '/api/v1/orgs/:org/clients/:clientId',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:write',
    summary: 'Change a client',
    params: orgParamsWith('clientId'),
    body: ZUpdateClient,
    response: ZClient,
    handler: async ({ ctx, params, body }) => updateClient(ctx, params.clientId, body),
  });
  r.add({
    method: 'DELETE',
    operationId: 'deleteClient',
    url: '/api/v1/orgs/:org/clients/:clientId',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:write',
    status: 204,
    summary: 'Delete a client with their invitations and portal sessions',
    params: orgParamsWith('clientId'),
    handler: async ({ ctx, params }) => deleteClient(ctx, params.clientId),
  });
  r.add({
    method: 'GET',
    operationId: 'listClientInvitations',
    url: '/api/v1/orgs/:org/clients/:clientId/invitations',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:read',
    summary: 'Invitation links made for a client, oldest first, with their status',
    params: orgParamsWith('clientId'),
    query: ZPageQuery,
    response: ZPage(ZInvitation),
    handler: async ({ ctx, params, query }) => listClientInvitations(ctx, params.clientId, query),
  });
  r.add({
    method: 'POST',
    operationId: 'createClientInvitation',
    url: '/api/v1/orgs/:org/clients/:clientId/invitations',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:write',
    status: 201,
    summary: 'Make a single-use, expiring invitation link to the client portal (shown once)',
    params: orgParamsWith('clientId'),
    body: ZCreateInvitation.optional(),
    response: ZCreatedInvitation,
    handler: async ({ ctx, params, body }) =>
      inviteClient(ctx, params.clientId, body?.expiresInDays ?? 14, r.deps.config.publicUrl, body?.send ?? false),
  });
  r.add({
    method: 'DELETE',
    operationId: 'revokeClientInvitation',
    url: '/api/v1/orgs/:org/clients/:clientId/invitations/:invitationId',
    tag: 'clients',
    auth: 'org',
    permission: 'clients:write',
    status: 204,
    summary: 'Revoke an unused invitation link',
    params: orgParamsWith('clientId', 'invitationId'),
    handler: async ({ ctx, params }) => revokeInvitation(ctx, params.clientId, params.invitationId),
  });
}
