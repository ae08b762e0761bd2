import type { ModuleManifest } from '../module.js';
import { registerCanvasRoutes } from './canvas.routes.js';
import { registerSegmentRoutes } from './segment.routes.js';
import { registerValueRoutes } from './value.routes.js';

export const discoveryModule = {
  name: 'discovery',
  routes: [registerSegmentRoutes, registerValueRoutes, registerCanvasRoutes],
} as const satisfies ModuleManifest;
