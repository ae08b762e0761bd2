import type { PermissionGrants } from '../../core/access/permissions.js';

/** The permissions of the orgs module and the roles that hold each (token scopes use the same names). */
export const ORGS_PERMISSIONS = {
  'org:read': ['admin', 'council', 'member', 'viewer'],
  'org:write': ['admin'],
} as const satisfies PermissionGrants;
