import type { ModuleManifest } from '../module.js';
import { registerClientRoutes } from './client.routes.js';
import { CLIENTS_PERMISSIONS } from './clients.permissions.js';
import { CLIENTS_TABLES } from './clients.transfer.js';

export const clientsModule = {
  name: 'clients',
  permissions: CLIENTS_PERMISSIONS,
  tables: CLIENTS_TABLES,
  routes: [registerClientRoutes],
} as const satisfies ModuleManifest;
