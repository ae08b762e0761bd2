import type { PermissionGrants } from '../../core/access/permissions.js';

/** The permissions of the audit module and the roles that hold each (token scopes use the same names). */
export const AUDIT_PERMISSIONS = {
  'audit:read': ['admin', 'council', 'member', 'viewer'],
} as const satisfies PermissionGrants;
