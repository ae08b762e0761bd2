import { z } from 'zod';
import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import { pageInMemory } from '../list.js';
import {
  ZCreateEvidence,
  ZCreateGain,
  ZCreateNeed,
  ZCreatePain,
  ZCreateSegment,
  ZEvidence,
  ZEvidenceQuery,
  ZGain,
  ZImportCsv,
  ZNeed,
  ZPain,
  ZSegment,
  ZUpdateEvidence,
  ZUpdateGain,
  ZUpdateNeed,
  ZUpdatePain,
  ZUpdateSegment,
} from './discovery.schema.js';
import { importSegmentCsv } from './import.service.js';
import { createEvidence, createItem, deleteEvidence, deleteItem, listEvidence, updateEvidence, updateItem } from './item.service.js';
import {
  createSegment,
  deleteSegment,
  getSegment,
  listSegments,
  loadGains,
  loadNeeds,
  loadPains,
  requireSegment,
  updateSegment,
} from './segment.service.js';

const ITEMS = [
  {
    kind: 'need',
    path: 'needs',
    param: 'needId',
    operations: { list: 'listSegmentNeeds', create: 'createNeed', update: 'updateNeed', remove: 'deleteNeed' },
    create: ZCreateNeed,
    update: ZUpdateNeed,
    schema: ZNeed,
    load: loadNeeds,
    order: 'most important first',
  },
  {
    kind: 'pain',
    path: 'pains',
    param: 'painId',
    operations: { list: 'listSegmentPains', create: 'createPain', update: 'updatePain', remove: 'deletePain' },
    create: ZCreatePain,
    update: ZUpdatePain,
    schema: ZPain,
    load: loadPains,
    order: 'highest priority (severity × frequency) first',
  },
  {
    kind: 'gain',
    path: 'gains',
    param: 'gainId',
    operations: { list: 'listSegmentGains', create: 'createGain', update: 'updateGain', remove: 'deleteGain' },
    create: ZCreateGain,
    update: ZUpdateGain,
    schema: ZGain,
    load: loadGains,
    order: 'most relevant first',
  },
] as const;

export function registerSegmentRoutes(r: Registrar): void {
  const base = '/api/v1/orgs/:org';
  r.add({
    method: 'GET',
    operationId: 'listSegments',
    url: `${base}/segments`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:read',
    summary: 'Client segments',
    params: ZOrgParams,
    query: ZPageQuery,
    response: ZPage(ZSegment),
    handler: async ({ ctx, query }) => listSegments(ctx, query),
  });
  r.add({
    method: 'POST',
    operationId: 'createSegment',
    url: `${base}/segments`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    status: 201,
    summary: 'Create a client segment',
    params: ZOrgParams,
    body: ZCreateSegment,
    response: ZSegment,
    handler: async ({ ctx, body }) => createSegment(ctx, body),
  });
  r.add({
    method: 'GET',
    operationId: 'getSegment',
    url: `${base}/segments/:segmentId`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:read',
    summary: 'One segment',
    params: orgParamsWith('segmentId'),
    response: ZSegment,
    handler: async ({ ctx, params }) => getSegment(ctx, params.segmentId),
  });
  r.add({
    method: 'PATCH',
    operationId: 'updateSegment',
    url: `${base}/segments/:segmentId`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    summary: 'Change a segment',
    params: orgParamsWith('segmentId'),
    body: ZUpdateSegment,
    response: ZSegment,
    handler: async ({ ctx, params, body }) => updateSegment(ctx, params.segmentId, body),
  });
  r.add({
    method: 'DELETE',
    operationId: 'deleteSegment',
    url: `${base}/segments/:segmentId`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    status: 204,
    summary: 'Delete a segment with its needs, pains, gains, evidence, value map and canvases',
    params: orgParamsWith('segmentId'),
    handler: async ({ ctx, params }) => deleteSegment(ctx, params.segmentId),
  });
  r.add({
    method: 'POST',
    operationId: 'importSegmentProfile',
    url: `${base}/segments/:segmentId/import`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    summary:
      'Import needs and pains from CSV (columns: type, text, job_kind, importance, severity, frequency, where, when, who, channel, status); all or nothing, errors name row and column',
    params: orgParamsWith('segmentId'),
    body: ZImportCsv,
    response: z.object({ imported: z.boolean(), needs: z.number().int(), pains: z.number().int() }),
    handler: async ({ ctx, params, body }) => importSegmentCsv(ctx, params.segmentId, body.csv, body.dryRun),
  });

  for (const item of ITEMS) {
    r.add({
      method: 'GET',
      operationId: item.operations.list,
      url: `${base}/segments/:segmentId/${item.path}`,
      tag: 'discovery',
      auth: 'org',
      permission: 'discovery:read',
      summary: `${item.path} of a segment, ${item.order}`,
      params: orgParamsWith('segmentId'),
      query: ZPageQuery,
      response: ZPage(item.schema),
      handler: async ({ ctx, params, query }) => {
        await requireSegment(ctx.db, ctx, params.segmentId);
        const all: { id: string }[] = await item.load(ctx.db, ctx, params.segmentId);
        // The loop over three item kinds widens the types; each `load` returns its own kind.
        return pageInMemory(all, query) as never;
      },
    });
    r.add({
      method: 'POST',
      operationId: item.operations.create,
      url: `${base}/segments/:segmentId/${item.path}`,
      tag: 'discovery',
      auth: 'org',
      permission: 'discovery:write',
      status: 201,
      summary: `Add a ${item.kind} to a segment`,
      params: orgParamsWith('segmentId'),
      body: item.create,
      response: item.schema,
      handler: async ({ ctx, params, body }) => createItem(ctx, item.kind, params.segmentId, body),
    });
    r.add({
      method: 'PATCH',
      operationId: item.operations.update,
      url: `${base}/${item.path}/:${item.param}`,
      tag: 'discovery',
      auth: 'org',
      permission: 'discovery:write',
      summary: `Change a ${item.kind}`,
      params: orgParamsWith(item.param),
      body: item.update,
      response: item.schema,
      handler: async ({ ctx, params, body }) => updateItem(ctx, item.kind, params[item.param], body),
    });
    r.add({
      method: 'DELETE',
      operationId: item.operations.remove,
      url: `${base}/${item.path}/:${item.param}`,
      tag: 'discovery',
      auth: 'org',
      permission: 'discovery:write',
      status: 204,
      summary: `Delete a ${item.kind} with its evidence and links`,
      params: orgParamsWith(item.param),
      handler: async ({ ctx, params }) => deleteItem(ctx, item.kind, params[item.param]),
    });
  }

  r.add({
    method: 'GET',
    operationId: 'listEvidence',
    url: `${base}/evidence`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:read',
    summary: 'Evidence, optionally of one need, pain or gain',
    params: ZOrgParams,
    query: ZEvidenceQuery,
    response: ZPage(ZEvidence),
    handler: async ({ ctx, query }) => listEvidence(ctx, query),
  });
  r.add({
    method: 'POST',
    operationId: 'createEvidence',
    url: `${base}/evidence`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    status: 201,
    summary: 'Attach evidence (interview, observation, feedback, metric, document) to a need, pain or gain',
    params: ZOrgParams,
    body: ZCreateEvidence,
    response: ZEvidence,
    handler: async ({ ctx, body }) => createEvidence(ctx, body),
  });
  r.add({
    method: 'PATCH',
    operationId: 'updateEvidence',
    url: `${base}/evidence/:evidenceId`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    summary: 'Change evidence',
    params: orgParamsWith('evidenceId'),
    body: ZUpdateEvidence,
    response: ZEvidence,
    handler: async ({ ctx, params, body }) => updateEvidence(ctx, params.evidenceId, body),
  });
  r.add({
    method: 'DELETE',
    operationId: 'deleteEvidence',
    url: `${base}/evidence/:evidenceId`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    status: 204,
    summary: 'Delete evidence',
    params: orgParamsWith('evidenceId'),
    handler: async ({ ctx, params }) => deleteEvidence(ctx, params.evidenceId),
  });
}
