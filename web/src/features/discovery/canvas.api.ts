import type { z } from 'zod';
import type { ZCreateCanvas, ZPutCanvas } from '../../../../src/modules/discovery/canvas.schema';
import { api, orgPath, type Page } from '../../shared/api/client';
import type { Canvas, CanvasSummary } from '../../shared/api/types';

export type CanvasCreateInput = z.input<typeof ZCreateCanvas>;
export type CanvasBody = z.input<typeof ZPutCanvas>;

export const canvasApi = {
  list: (org: string, segmentId: string | undefined, cursor?: string) =>
    api.get<Page<CanvasSummary>>(orgPath(org, 'canvases'), { segmentId, cursor, limit: 100 }),
  get: (org: string, id: string) => api.get<Canvas>(orgPath(org, 'canvases', id)),
  create: (org: string, input: CanvasCreateInput) => api.post<Canvas>(orgPath(org, 'canvases'), input),
  save: (org: string, id: string, body: CanvasBody) => api.put<Canvas>(orgPath(org, 'canvases', id), body),
  remove: (org: string, id: string) => api.delete(orgPath(org, 'canvases', id)),
  /** The server-rendered chart; a link, so the browser opens or saves it. */
  svgUrl: (org: string, id: string, lang: string) => `${orgPath(org, 'canvases', id)}.svg?lang=${lang === 'en' ? 'en' : 'ru'}`,
};
