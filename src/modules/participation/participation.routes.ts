import type { Registrar } from '../../http/registrar.js';
import { ZOrgIdParams, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import { pageInMemory } from '../list.js';
import {
  ZCreateProject,
  ZCreateRound,
  ZProject,
  ZProjectParams,
  ZProjectStatusInput,
  ZRound,
  ZRoundResult,
  ZRoundSummary,
  ZUpdateProject,
  ZUpdateRound,
} from './participation.schema.js';
import {
  addProject,
  allocateRound,
  createRound,
  deleteProject,
  getRound,
  listRounds,
  openRound,
  roundResult,
  setProjectStatus,
  updateProject,
  updateRound,
} from './participation.service.js';

/** The API of the participatory reserve (issue 7): staff run rounds; clients vote in the portal. */
export function registerParticipationRoutes(r: Registrar): void {
  const rounds = '/api/v1/orgs/:org/reserve-rounds';
  const projects = '/api/v1/orgs/:org/reserve-projects';
  const read = { tag: 'participatory reserve', auth: 'org' as const, permission: 'voice:read' as const };
  const manage = { tag: 'participatory reserve', auth: 'org' as const, permission: 'voice:manage' as const };

  r.add({
    ...read,
    method: 'GET',
    url: rounds,
    summary: 'Participatory rounds of the reserve, newest opening first',
    params: ZOrgParams,
    query: ZPageQuery,
    response: ZPage(ZRoundSummary),
    handler: async ({ ctx, query }) => pageInMemory((await listRounds(ctx)).items, query),
  });
  r.add({
    ...manage,
    method: 'POST',
    url: rounds,
    status: 201,
    summary: 'Put part of the reserve up for allocation by clients (a draft round; budget at most the reserve’s balance)',
    params: ZOrgParams,
    body: ZCreateRound,
    response: ZRound,
    handler: async ({ ctx, body }) => createRound(ctx, body),
  });
  r.add({
    ...read,
    method: 'GET',
    url: `${rounds}/:id`,
    summary: 'A round with its candidate projects and the ballots approving each',
    params: ZOrgIdParams,
    response: ZRound,
    handler: async ({ ctx, params }) => getRound(ctx, params.id),
  });
  r.add({
    ...manage,
    method: 'PATCH',
    url: `${rounds}/:id`,
    summary: 'Change a draft round: title, budget, method, eligible segments, dates',
    params: ZOrgIdParams,
    body: ZUpdateRound,
    response: ZRound,
    handler: async ({ ctx, params, body }) => updateRound(ctx, params.id, body),
  });
  r.add({
    ...manage,
    method: 'POST',
    url: `${rounds}/:id/projects`,
    status: 201,
    summary: 'Add a candidate project or experiment with its cost to a draft round',
    params: ZOrgIdParams,
    body: ZCreateProject,
    response: ZProject,
    handler: async ({ ctx, params, body }) => addProject(ctx, params.id, body),
  });
  r.add({
    ...manage,
    method: 'POST',
    url: `${rounds}/:id/open`,
    summary: 'Open a draft round: eligible clients fill budget ballots between its dates',
    params: ZOrgIdParams,
    response: ZRound,
    handler: async ({ ctx, params }) => openRound(ctx, params.id),
  });
  r.add({
    ...read,
    method: 'GET',
    url: `${rounds}/:id/result`,
    summary: 'Winners by both methods for comparison: greedy by votes and the Method of Equal Shares (frozen once allocated)',
    params: ZOrgIdParams,
    response: ZRoundResult,
    handler: async ({ ctx, params }) => roundResult(ctx, params.id),
  });
  r.add({
    ...manage,
    method: 'POST',
    url: `${rounds}/:id/allocate`,
    summary: 'After the round closes: fund the winners by its method; their cost leaves the reserve (once)',
    params: ZOrgIdParams,
    response: ZRoundResult,
    handler: async ({ ctx, params }) => allocateRound(ctx, params.id),
  });
  r.add({
    ...manage,
    method: 'PATCH',
    url: `${projects}/:id`,
    summary: 'Change a candidate project of a draft round',
    params: ZProjectParams,
    body: ZUpdateProject,
    response: ZProject,
    handler: async ({ ctx, params, body }) => updateProject(ctx, params.id, body),
  });
  r.add({
    ...manage,
    method: 'DELETE',
    url: `${projects}/:id`,
    status: 204,
    summary: 'Remove a candidate project from a draft round',
    params: ZProjectParams,
    handler: async ({ ctx, params }) => {
      await deleteProject(ctx, params.id);
      return undefined;
    },
  });
  r.add({
    ...manage,
    method: 'PUT',
    url: `${projects}/:id/status`,
    summary: 'Track a funded project: in progress or done',
    params: ZProjectParams,
    body: ZProjectStatusInput,
    response: ZProject,
    handler: async ({ ctx, params, body }) => setProjectStatus(ctx, params.id, body.status),
  });
}
