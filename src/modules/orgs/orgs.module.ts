import type { ModuleManifest } from '../module.js';
import { registerOrgRoutes } from './org.routes.js';

export const orgsModule = {
  name: 'orgs',
  routes: [registerOrgRoutes],
} as const satisfies ModuleManifest;
