import type { ModuleManifest } from '../module.js';
import { registerAuthRoutes } from './auth.routes.js';

export const authModule = {
  name: 'auth',
  routes: [registerAuthRoutes],
} as const satisfies ModuleManifest;
