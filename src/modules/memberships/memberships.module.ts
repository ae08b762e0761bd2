import type { ModuleManifest } from '../module.js';
import { registerMembershipRoutes } from './membership.routes.js';
import { MEMBERSHIPS_COMMANDS } from './memberships.cli.js';
import { MEMBERSHIPS_PERMISSIONS } from './memberships.permissions.js';
import { MEMBERSHIPS_TABLES } from './memberships.transfer.js';

export const membershipsModule = {
  name: 'memberships',
  permissions: MEMBERSHIPS_PERMISSIONS,
  tables: MEMBERSHIPS_TABLES,
  routes: [registerMembershipRoutes],
  cli: MEMBERSHIPS_COMMANDS,
} as const satisfies ModuleManifest;
