import type { ModuleManifest } from '../module.js';
import { registerAuditRoutes } from './audit.routes.js';

export const auditModule = {
  name: 'audit',
  routes: [registerAuditRoutes],
} as const satisfies ModuleManifest;
