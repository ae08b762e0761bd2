import type { ModuleManifest } from '../module.js';
import { registerOrgRoutes } from './org.routes.js';
import { ORGS_PERMISSIONS } from './orgs.permissions.js';
import { ORGS_TABLES } from './orgs.transfer.js';

export const orgsModule = {
  name: 'orgs',
  permissions: ORGS_PERMISSIONS,
  tables: ORGS_TABLES,
  routes: [registerOrgRoutes],
} as const satisfies ModuleManifest;
