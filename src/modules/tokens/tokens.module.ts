import type { ModuleManifest } from '../module.js';
import { registerTokenRoutes } from './token.routes.js';

export const tokensModule = {
  name: 'tokens',
  routes: [registerTokenRoutes],
} as const satisfies ModuleManifest;
