import type { ModuleManifest } from '../module.js';
import { registerTeamRoutes } from './team.routes.js';

export const teamsModule = {
  name: 'teams',
  routes: [registerTeamRoutes],
} as const satisfies ModuleManifest;
