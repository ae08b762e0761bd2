import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZOrgParams, ZPage } from '../common.schema.js';
import { ZOverrideRecord, ZOverrideSummary, ZOverridesQuery } from '../teams/override.schema.js';
import { listTeamOverrides, overrideSummary } from './override.service.js';

/** Overrides of teams' delegated authority (issue 17): a team's list, and the quarter's count. */
export function registerOverrideRoutes(r: Registrar): void {
  const read = { tag: 'governance', auth: 'org' as const, permission: 'governance:read' as const };
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listTeamOverrides',
    url: '/api/v1/orgs/:org/teams/:teamId/overrides',
    summary: 'Overrides of the team’s delegated authority, newest first: what was done over it, by whom, why',
    params: orgParamsWith('teamId'),
    query: ZOverridesQuery,
    response: ZPage(ZOverrideRecord),
    handler: async ({ ctx, params, query }) => listTeamOverrides(ctx, params.teamId, query),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getOverrideSummary',
    url: '/api/v1/orgs/:org/overrides/summary',
    summary: 'How many overrides of delegated authority the organization recorded this quarter (its time zone)',
    params: ZOrgParams,
    response: ZOverrideSummary,
    handler: async ({ ctx }) => overrideSummary(ctx),
  });
}
