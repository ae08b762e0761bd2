import type { PermissionGrants } from '../../core/access/permissions.js';

/** The permissions of the tokens module and the roles that hold each (token scopes use the same names). */
export const TOKENS_PERMISSIONS = {
  'tokens:manage': ['admin'],
} as const satisfies PermissionGrants;
