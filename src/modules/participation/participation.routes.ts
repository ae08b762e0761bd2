import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import { pageInMemory } from '../list.js';
import {
  ZCreateProject,
  ZCreateRound,
  ZProject,
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
    operationId: 'listReserveRounds',
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
    operationId: 'createReserveRound',
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
    operationId: 'getReserveRound',
    url: `${rounds}/:reserveRoundId`,
    summary: 'A round with its candidate projects and the ballots approving each',
    params: orgParamsWith('reserveRoundId'),
    response: ZRound,
    handler: async ({ ctx, params }) => getRound(ctx, params.reserveRoundId),
  });
  r.add({
    ...manage,
    method: 'PATCH',
    operationId: 'updateReserveRound',
    url: `${rounds}/:reserveRoundId`,
    summary: 'Change a draft round: title, budget, method, eligible segments, dates',
    params: orgParamsWith('reserveRoundId'),
    body: ZUpdateRound,
    response: ZRound,
    handler: async ({ ctx, params, body }) => updateRound(ctx, params.reserveRoundId, body),
  });
  r.add({
    ...manage,
    method: 'POST',
    operationId: 'addReserveProject',
    url: `${rounds}/:reserveRoundId/projects`,
    status: 201,
    summary: 'Add a candidate project or experiment with its cost to a draft round',
    params: orgParamsWith('reserveRoundId'),
    body: ZCreateProject,
    response: ZProject,
    handler: async ({ ctx, params, body }) => addProject(ctx, params.reserveRoundId, body),
  });
  r.add({
    ...manage,
    method: 'POST',
    operationId: 'openReserveRound',
    url: `${rounds}/:reserveRoundId/open`,
    summary: 'Open a draft round: eligible clients fill budget ballots between its dates',
    params: orgParamsWith('reserveRoundId'),
    response: ZRound,
    handler: async ({ ctx, params }) => openRound(ctx, params.reserveRoundId),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getReserveRoundResult',
    url: `${rounds}/:reserveRoundId/result`,
    summary: 'Winners by both methods for comparison: greedy by votes and the Method of Equal Shares (frozen once allocated)',
    params: orgParamsWith('reserveRoundId'),
    response: ZRoundResult,
    handler: async ({ ctx, params }) => roundResult(ctx, params.reserveRoundId),
  });
  r.add({
    ...manage,
    method: 'POST',
    operationId: 'allocateReserveRound',
    url: `${rounds}/:reserveRoundId/allocate`,
    summary: 'After the round closes: fund the winners by its method; their cost leaves the reserve (once)',
    params: orgParamsWith('reserveRoundId'),
    response: ZRoundResult,
    handler: async ({ ctx, params }) => allocateRound(ctx, params.reserveRoundId),
  });
  r.add({
    ...manage,
    method: 'PATCH',
    operationId: 'updateReserveProject',
    url: `${projects}/:reserveProjectId`,
    summary: 'Change a candidate project of a draft round',
    params: orgParamsWith('reserveProjectId'),
    body: ZUpdateProject,
    response: ZProject,
    handler: async ({ ctx, params, body }) => updateProject(ctx, params.reserveProjectId, body),
  });
  r.add({
    ...manage,
    method: 'DELETE',
    operationId: 'removeReserveProject',
    url: `${projects}/:reserveProjectId`,
    status: 204,
    summary: 'Remove a candidate project from a draft round',
    params: orgParamsWith('reserveProjectId'),
    handler: async ({ ctx, params }) => {
      await deleteProject(ctx, params.reserveProjectId);
      return undefined;
    },
  });
  r.add({
    ...manage,
    method: 'PUT',
    operationId: 'setReserveProjectStatus',
    url: `${projects}/:reserveProjectId/status`,
    summary: 'Track a funded project: in progress or done',
    params: orgParamsWith('reserveProjectId'),
    body: ZProjectStatusInput,
    response: ZProject,
    handler: async ({ ctx, params, body }) => setProjectStatus(ctx, params.reserveProjectId, body.status),
  });
}
