import type { Registrar } from '../../http/registrar.js';
import { ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import { toOrganization } from './org.repository.js';
import { ZCreateOrganization, ZMyOrganization, ZOrganization, ZUpdateOrganization } from './org.schema.js';
import { createOrganization, pageMyOrganizations, updateOrganization } from './org.service.js';

export function registerOrgRoutes(r: Registrar): void {
  r.add({
    method: 'GET',
    operationId: 'listOrgs',
    url: '/api/v1/orgs',
    tag: 'organizations',
    auth: 'user',
    summary: 'Organizations the signed-in person belongs to, with their role',
    query: ZPageQuery,
    response: ZPage(ZMyOrganization),
    handler: async ({ principal, query }) => {
      if (principal?.kind !== 'user') return { items: [], nextCursor: null };
      return pageMyOrganizations(r.deps.db, principal.user.id, query);
    },
  });
  r.add({
    method: 'POST',
    operationId: 'createOrg',
    url: '/api/v1/orgs',
    tag: 'organizations',
    auth: 'user',
    status: 201,
    summary: 'Create an organization; the creator becomes its admin',
    body: ZCreateOrganization,
    response: ZOrganization,
    handler: async ({ body, principal }) => {
      if (principal?.kind !== 'user') return undefined;
      const actor = { type: 'user' as const, id: principal.user.id, label: principal.user.email };
      return createOrganization(r.deps.db, body, principal.user.id, actor, Date.now());
    },
  });
  r.add({
    method: 'GET',
    operationId: 'getOrg',
    url: '/api/v1/orgs/:org',
    tag: 'organizations',
    auth: 'org',
    permission: 'org:read',
    summary: 'One organization',
    params: ZOrgParams,
    response: ZOrganization,
    handler: async ({ ctx }) => toOrganization(ctx.org),
  });
  r.add({
    method: 'PATCH',
    operationId: 'updateOrg',
    url: '/api/v1/orgs/:org',
    tag: 'organizations',
    auth: 'org',
    permission: 'org:write',
    summary: 'Change the organization settings (name, kind, locale, currency, time zone)',
    params: ZOrgParams,
    body: ZUpdateOrganization,
    response: ZOrganization,
    handler: async ({ ctx, body }) => updateOrganization(ctx, body),
  });
}
