import type { PermissionGrants } from '../../core/access/permissions.js';

/** The permissions of the webhooks module and the roles that hold each (token scopes use the same names). */
export const WEBHOOKS_PERMISSIONS = {
  'webhooks:manage': ['admin'],
} as const satisfies PermissionGrants;
