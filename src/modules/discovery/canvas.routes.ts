import type { Registrar } from '../../http/registrar.js';
import { translate } from '../../i18n/index.js';
import { orgParamsWith, ZOrgParams, ZPage } from '../common.schema.js';
import { ZCanvas, ZCanvasQuery, ZCanvasSummary, ZCreateCanvas, ZPutCanvas, ZSvgQuery } from './canvas.schema.js';
import { createCanvas, deleteCanvas, getCanvas, listCanvases, saveCanvas } from './canvas.service.js';
import { cachedCanvasSvg } from './canvas.svg.js';

export function registerCanvasRoutes(r: Registrar): void {
  const base = '/api/v1/orgs/:org';
  r.add({
    method: 'GET',
    operationId: 'listCanvases',
    url: `${base}/canvases`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:read',
    summary: 'Strategy canvases, optionally of one segment',
    params: ZOrgParams,
    query: ZCanvasQuery,
    response: ZPage(ZCanvasSummary),
    handler: async ({ ctx, query }) => listCanvases(ctx, query),
  });
  r.add({
    method: 'POST',
    operationId: 'createCanvas',
    url: `${base}/canvases`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    status: 201,
    summary: 'Create a strategy canvas for a segment',
    params: ZOrgParams,
    body: ZCreateCanvas,
    response: ZCanvas,
    handler: async ({ ctx, body }) => createCanvas(ctx, body),
  });
  r.add({
    method: 'GET',
    operationId: 'getCanvas',
    url: `${base}/canvases/:canvasId`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:read',
    summary: 'A canvas with its factors, competitors, levels and the ERRC grid derived from them',
    params: orgParamsWith('canvasId'),
    response: ZCanvas,
    handler: async ({ ctx, params }) => getCanvas(ctx, params.canvasId),
  });
  r.add({
    method: 'PUT',
    operationId: 'saveCanvas',
    url: `${base}/canvases/:canvasId`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    summary: 'Save the whole canvas: ordered factors with current, target and per-competitor levels (0–10)',
    params: orgParamsWith('canvasId'),
    body: ZPutCanvas,
    response: ZCanvas,
    handler: async ({ ctx, params, body }) => saveCanvas(ctx, params.canvasId, body),
  });
  r.add({
    method: 'DELETE',
    operationId: 'deleteCanvas',
    url: `${base}/canvases/:canvasId`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:write',
    status: 204,
    summary: 'Delete a canvas',
    params: orgParamsWith('canvasId'),
    handler: async ({ ctx, params }) => deleteCanvas(ctx, params.canvasId),
  });
  r.add({
    method: 'GET',
    operationId: 'getCanvasSvg',
    url: `${base}/canvases/:canvasId.svg`,
    tag: 'discovery',
    auth: 'org',
    permission: 'discovery:read',
    contentType: 'image/svg+xml',
    summary:
      'The canvas as an SVG chart (value curves over the factors, legend); `lang` picks the labels, the organization’s language by default',
    params: orgParamsWith('canvasId'),
    query: ZSvgQuery,
    handler: async ({ ctx, params, query, req, reply }) => {
      const canvas = await getCanvas(ctx, params.canvasId);
      const locale = query.lang ?? ctx.org.locale;
      const labels = {
        current: translate(locale, 'canvas.current'),
        target: translate(locale, 'canvas.target'),
        level: translate(locale, 'canvas.level'),
      };
      const { etag, svg } = await cachedCanvasSvg(canvas, labels, query.width, query.height);
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (req.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type('image/svg+xml; charset=utf-8').send(svg);
    },
  });
}
