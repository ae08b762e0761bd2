import type { PermissionGrants } from '../../core/access/permissions.js';

/** The permissions of the memberships module and the roles that hold each (token scopes use the same names). */
export const MEMBERSHIPS_PERMISSIONS = {
  'members:read': ['admin', 'council', 'member', 'viewer'],
  'members:write': ['admin'],
} as const satisfies PermissionGrants;
