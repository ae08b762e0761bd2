import type { PermissionGrants } from '../../core/access/permissions.js';

/** The permissions of the governance module and the roles that hold each (token scopes use the same names). */
export const GOVERNANCE_PERMISSIONS = {
  'governance:read': ['admin', 'council', 'member', 'viewer'],
  // Granting rights is the council's and the organization's.
  'governance:write': ['admin', 'council'],
  // Members take part in governance — their team's agreements, decisions under the rights they hold — which the services check team by team.
  'governance:participate': ['admin', 'council', 'member'],
} as const satisfies PermissionGrants;
