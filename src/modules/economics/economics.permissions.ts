import type { PermissionGrants } from '../../core/access/permissions.js';

/** The permissions of the economics module and the roles that hold each (token scopes use the same names). */
export const ECONOMICS_PERMISSIONS = {
  'economics:read': ['admin', 'council', 'member', 'viewer'],
  // Entering the books and closing periods is the admins'.
  'economics:write': ['admin'],
  // Trades, a team's split rule and peer points are the teams' own, which the services check team by team.
  'economics:participate': ['admin', 'council', 'member'],
} as const satisfies PermissionGrants;
