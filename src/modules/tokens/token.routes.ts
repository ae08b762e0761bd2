import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import { ZCreatedToken, ZCreateToken, ZToken } from './token.schema.js';
import { createToken, listTokens, revokeToken } from './token.service.js';

export function registerTokenRoutes(r: Registrar): void {
  r.add({
    method: 'GET',
    operationId: 'listTokens',
    url: '/api/v1/orgs/:org/tokens',
    tag: 'tokens',
    auth: 'org',
    permission: 'tokens:manage',
    summary: 'API tokens of the organization (never the secret)',
    params: ZOrgParams,
    query: ZPageQuery,
    response: ZPage(ZToken),
    handler: async ({ ctx, query }) => listTokens(ctx, query),
  });
  r.add({
    method: 'POST',
    operationId: 'createToken',
    url: '/api/v1/orgs/:org/tokens',
    tag: 'tokens',
    auth: 'org',
    permission: 'tokens:manage',
    status: 201,
    summary: 'Create an API token with scopes; the secret is in the answer once and never again',
    params: ZOrgParams,
    body: ZCreateToken,
    response: ZCreatedToken,
    handler: async ({ ctx, body, principal }) => createToken(ctx, body, principal?.kind === 'token' ? principal.scopes : undefined),
  });
  r.add({
    method: 'DELETE',
    operationId: 'revokeToken',
    url: '/api/v1/orgs/:org/tokens/:tokenId',
    tag: 'tokens',
    auth: 'org',
    permission: 'tokens:manage',
    summary: 'Revoke a token: it stops working at once',
    params: orgParamsWith('tokenId'),
    response: ZToken,
    handler: async ({ ctx, params }) => revokeToken(ctx, params.tokenId),
  });
}
