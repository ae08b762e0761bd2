import type { ModuleManifest } from '../module.js';
import { registerTeamRoutes } from './team.routes.js';
import { TEAMS_PERMISSIONS } from './teams.permissions.js';
import { TEAMS_TABLES } from './teams.transfer.js';

export const teamsModule = {
  name: 'teams',
  permissions: TEAMS_PERMISSIONS,
  tables: TEAMS_TABLES,
  routes: [registerTeamRoutes],
} as const satisfies ModuleManifest;
