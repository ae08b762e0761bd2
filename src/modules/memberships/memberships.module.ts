import type { ModuleManifest } from '../module.js';
import { registerMembershipRoutes } from './membership.routes.js';

export const membershipsModule = {
  name: 'memberships',
  routes: [registerMembershipRoutes],
} as const satisfies ModuleManifest;
