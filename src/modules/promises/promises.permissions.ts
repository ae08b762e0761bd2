import type { PermissionGrants } from '../../core/access/permissions.js';

/** The permissions of the promises module and the roles that hold each (token scopes use the same names). */
export const PROMISES_PERMISSIONS = {
  'promises:read': ['admin', 'council', 'member', 'viewer'],
  // A team makes and keeps its own promises and feeds their events; the services check whose team it is.
  'promises:write': ['admin', 'council', 'member'],
  'events:write': ['admin', 'council', 'member'],
} as const satisfies PermissionGrants;
