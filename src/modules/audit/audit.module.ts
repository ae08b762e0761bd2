import type { ModuleManifest } from '../module.js';
import { AUDIT_PERMISSIONS } from './audit.permissions.js';
import { registerAuditRoutes } from './audit.routes.js';
import { AUDIT_TABLES } from './audit.transfer.js';

export const auditModule = {
  name: 'audit',
  permissions: AUDIT_PERMISSIONS,
  tables: AUDIT_TABLES,
  routes: [registerAuditRoutes],
} as const satisfies ModuleManifest;
