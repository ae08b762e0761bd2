import { z } from 'zod';
import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZPage, ZPageQuery } from '../common.schema.js';
import { pageInMemory } from '../list.js';
import { ZSegmentContext } from './context.schema.js';
import { ZGain, ZNeed, ZPain, ZSegment } from './discovery.schema.js';
import { requireSegment } from './segment.service.js';
import { ZCreateValueItem, ZFit, ZUpdateValueItem, ZValueItem } from './value.schema.js';
import { createValueItem, deleteValueItem, loadValueItems, segmentFit, segmentWorkspace, updateValueItem } from './value.service.js';

export function registerValueRoutes(r: Registrar): void {
  const base = '/api/v1/orgs/:org';
  r.add({
    method: 'GET',
    operationId: 'getSegmentWorkspace',
    url: `${base}/segments/:segmentId/workspace`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:read',
    summary: 'The segment workspace: its context, customer profile (needs, pains, gains), value map and fit, in one answer',
    params: orgParamsWith('segmentId'),
    response: z.object({
      segment: ZSegment,
      context: ZSegmentContext,
      needs: z.array(ZNeed),
      pains: z.array(ZPain),
      gains: z.array(ZGain),
      valueItems: z.array(ZValueItem),
      fit: ZFit,
    }),
    handler: async ({ ctx, params }) => segmentWorkspace(ctx, params.segmentId),
  });
  r.add({
    method: 'GET',
    operationId: 'getSegmentFit',
    url: `${base}/segments/:segmentId/fit`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:read',
    summary: 'Fit: Σ severity of open pains answered by a reliever ÷ Σ severity of open pains, and the unanswered pains',
    params: orgParamsWith('segmentId'),
    response: ZFit,
    handler: async ({ ctx, params }) => segmentFit(ctx, params.segmentId),
  });
  r.add({
    method: 'GET',
    operationId: 'listValueItems',
    url: `${base}/segments/:segmentId/value-items`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:read',
    summary: 'The value map of a segment: products and services, pain relievers, gain creators',
    params: orgParamsWith('segmentId'),
    query: ZPageQuery,
    response: ZPage(ZValueItem),
    handler: async ({ ctx, params, query }) => {
      await requireSegment(ctx.db, ctx, params.segmentId);
      return pageInMemory(await loadValueItems(ctx.db, ctx, params.segmentId), query);
    },
  });
  r.add({
    method: 'POST',
    operationId: 'createValueItem',
    url: `${base}/segments/:segmentId/value-items`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    status: 201,
    summary: 'Add a product/service, pain reliever (targetIds = pains) or gain creator (targetIds = gains)',
    params: orgParamsWith('segmentId'),
    body: ZCreateValueItem,
    response: ZValueItem,
    handler: async ({ ctx, params, body }) => createValueItem(ctx, params.segmentId, body),
  });
  r.add({
    method: 'PATCH',
    operationId: 'updateValueItem',
    url: `${base}/value-items/:valueItemId`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    summary: 'Change a value-map item; `targetIds` replaces its links',
    params: orgParamsWith('valueItemId'),
    body: ZUpdateValueItem,
    response: ZValueItem,
    handler: async ({ ctx, params, body }) => updateValueItem(ctx, params.valueItemId, body),
  });
  r.add({
    method: 'DELETE',
    operationId: 'deleteValueItem',
    url: `${base}/value-items/:valueItemId`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    status: 204,
    summary: 'Delete a value-map item and its links',
    params: orgParamsWith('valueItemId'),
    handler: async ({ ctx, params }) => deleteValueItem(ctx, params.valueItemId),
  });
}
