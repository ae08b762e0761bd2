import type { PermissionGrants } from '../../core/access/permissions.js';

/** The permissions of the clients module and the roles that hold each (token scopes use the same names). */
export const CLIENTS_PERMISSIONS = {
  'clients:read': ['admin', 'council', 'member', 'viewer'],
  'clients:write': ['admin', 'council', 'member'],
} as const satisfies PermissionGrants;
