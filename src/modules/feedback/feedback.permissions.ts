import type { PermissionGrants } from '../../core/access/permissions.js';

/** The permissions of the feedback module and the roles that hold each (token scopes use the same names). */
export const FEEDBACK_PERMISSIONS = {
  // Importing feedback is for tools and staff alike.
  'feedback:write': ['admin', 'council', 'member'],
} as const satisfies PermissionGrants;
