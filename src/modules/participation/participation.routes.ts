import type { FormerUrl } from '../../http/former-urls.js';
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

/** The URLs of before the module was named for participation (`/reserve-rounds`, `/reserve-projects`) keep answering. */
export const PARTICIPATION_FORMER_URLS: FormerUrl[] = [
  { from: /^\/api\/v1\/orgs\/([^/]+)\/reserve-(rounds|projects)(?=\/|$)/, to: '/api/v1/orgs/$1/participation-$2' },
];

/** The API of the participatory reserve: staff run rounds; clients vote in the portal. */
export function registerParticipationRoutes(r: Registrar): void {
  const rounds = '/api/v1/orgs/:org/participation-rounds';
  const projects = '/api/v1/orgs/:org/participation-projects';
  const read = { tag: 'participatory reserve', auth: 'org' as const, permission: 'voice:read' as const };
  const manage = { tag: 'participatory reserve', auth: 'org' as const, permission: 'voice:manage' as const };

  r.add({
    ...read,
    method: 'GET',
    operationId: 'listParticipationRounds',
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
    operationId: 'createParticipationRound',
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
    operationId: 'getParticipationRound',
    url: `${rounds}/:participationRoundId`,
    summary: 'A round with its candidate projects and the ballots approving each',
    params: orgParamsWith('participationRoundId'),
    response: ZRound,
    handler: async ({ ctx, params }) => getRound(ctx, params.participationRoundId),
  });
  r.add({
    ...manage,
    method: 'PATCH',
    operationId: 'updateParticipationRound',
    url: `${rounds}/:participationRoundId`,
    summary: 'Change a draft round: title, budget, method, eligible segments, dates',
    params: orgParamsWith('participationRoundId'),
    body: ZUpdateRound,
    response: ZRound,
    handler: async ({ ctx, params, body }) => updateRound(ctx, params.participationRoundId, body),
  });
  r.add({
    ...manage,
    method: 'POST',
    operationId: 'addParticipationProject',
    url: `${rounds}/:participationRoundId/projects`,
    status: 201,
    summary: 'Add a candidate project or experiment with its cost to a draft round',
    params: orgParamsWith('participationRoundId'),
    body: ZCreateProject,
    response: ZProject,
    handler: async ({ ctx, params, body }) => addProject(ctx, params.participationRoundId, body),
  });
  r.add({
    ...manage,
    method: 'POST',
    operationId: 'openParticipationRound',
    url: `${rounds}/:participationRoundId/open`,
    summary: 'Open a draft round: eligible clients fill budget ballots between its dates',
    params: orgParamsWith('participationRoundId'),
    response: ZRound,
    handler: async ({ ctx, params }) => openRound(ctx, params.participationRoundId),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getParticipationRoundResult',
    url: `${rounds}/:participationRoundId/result`,
    summary: 'Winners by both methods for comparison: greedy by votes and the Method of Equal Shares (frozen once allocated)',
    params: orgParamsWith('participationRoundId'),
    response: ZRoundResult,
    handler: async ({ ctx, params }) => roundResult(ctx, params.participationRoundId),
  });
  r.add({
    ...manage,
    method: 'POST',
    operationId: 'allocateParticipationRound',
    url: `${rounds}/:participationRoundId/allocate`,
    summary: 'After the round closes: fund the winners by its method; their cost leaves the reserve (once)',
    params: orgParamsWith('participationRoundId'),
    response: ZRoundResult,
    handler: async ({ ctx, params }) => allocateRound(ctx, params.participationRoundId),
  });
  r.add({
    ...manage,
    method: 'PATCH',
    operationId: 'updateParticipationProject',
    url: `${projects}/:participationProjectId`,
    summary: 'Change a candidate project of a draft round',
    params: orgParamsWith('participationProjectId'),
    body: ZUpdateProject,
    response: ZProject,
    handler: async ({ ctx, params, body }) => updateProject(ctx, params.participationProjectId, body),
  });
  r.add({
    ...manage,
    method: 'DELETE',
    operationId: 'removeParticipationProject',
    url: `${projects}/:participationProjectId`,
    status: 204,
    summary: 'Remove a candidate project from a draft round',
    params: orgParamsWith('participationProjectId'),
    handler: async ({ ctx, params }) => {
      await deleteProject(ctx, params.participationProjectId);
      return undefined;
    },
  });
  r.add({
    ...manage,
    method: 'PUT',
    operationId: 'setParticipationProjectStatus',
    url: `${projects}/:participationProjectId/status`,
    summary: 'Track a funded project: in progress or done',
    params: orgParamsWith('participationProjectId'),
    body: ZProjectStatusInput,
    response: ZProject,
    handler: async ({ ctx, params, body }) => setProjectStatus(ctx, params.participationProjectId, body.status),
  });
}
