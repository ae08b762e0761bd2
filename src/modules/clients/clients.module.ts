import type { ModuleManifest } from '../module.js';
import { registerClientRoutes } from './client.routes.js';

export const clientsModule = {
  name: 'clients',
  routes: [registerClientRoutes],
} as const satisfies ModuleManifest;
