import type { ModuleManifest } from '../module.js';
import { registerAccountRoutes } from './account.routes.js';
import { AUTH_JOBS } from './auth.jobs.js';
import { registerAuthRoutes } from './auth.routes.js';
import { AUTH_TABLES } from './auth.transfer.js';

export const authModule = {
  name: 'auth',
  tables: AUTH_TABLES,
  routes: [registerAuthRoutes, registerAccountRoutes],
  jobs: AUTH_JOBS,
} as const satisfies ModuleManifest;
