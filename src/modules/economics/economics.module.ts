import type { ModuleManifest } from '../module.js';
import { registerEconomicsRoutes } from './economics.routes.js';

export const economicsModule = {
  name: 'economics',
  routes: [registerEconomicsRoutes],
} as const satisfies ModuleManifest;
