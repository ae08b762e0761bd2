import type { PermissionGrants } from '../../core/access/permissions.js';

/** The permissions of the teams module and the roles that hold each (token scopes use the same names). */
export const TEAMS_PERMISSIONS = {
  'teams:read': ['admin', 'council', 'member', 'viewer'],
  'teams:write': ['admin', 'council', 'member'],
} as const satisfies PermissionGrants;
