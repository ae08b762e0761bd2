import type { PermissionGrants } from '../../core/access/permissions.js';

/** The permissions of the discovery module and the roles that hold each (token scopes use the same names). */
export const DISCOVERY_PERMISSIONS = {
  'discovery:read': ['admin', 'council', 'member', 'viewer'],
  'discovery:write': ['admin', 'council', 'member'],
} as const satisfies PermissionGrants;
