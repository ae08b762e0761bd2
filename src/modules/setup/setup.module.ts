import type { ModuleManifest } from '../module.js';
import { registerSetupRoutes } from './setup.routes.js';

export const setupModule = {
  name: 'setup',
  routes: [registerSetupRoutes],
} as const satisfies ModuleManifest;
