import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith } from '../common.schema.js';
import { ZSaveSegmentContext, ZSegmentContext } from './context.schema.js';
import { getSegmentContext, saveSegmentContext } from './context.service.js';

export function registerContextRoutes(r: Registrar): void {
  const url = '/api/v1/orgs/:org/segments/:segmentId/context';
  r.add({
    method: 'GET',
    operationId: 'getSegmentContext',
    url,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:read',
    summary: "The segment's context (step 2): situation, regulations, market, channels, and how many of the four are filled",
    params: orgParamsWith('segmentId'),
    response: ZSegmentContext,
    handler: async ({ ctx, params }) => getSegmentContext(ctx, params.segmentId),
  });
  r.add({
    method: 'PUT',
    operationId: 'saveSegmentContext',
    url,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    summary:
      "Write the segment's context; parts left out keep their text, each change is a new version. Evidence: POST /evidence with subjectType context and the segment's id",
    params: orgParamsWith('segmentId'),
    body: ZSaveSegmentContext,
    response: ZSegmentContext,
    handler: async ({ ctx, params, body }) => saveSegmentContext(ctx, params.segmentId, body),
  });
}
