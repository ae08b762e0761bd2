import type { PermissionGrants } from '../../core/access/permissions.js';

/** The permissions of the voice module and the roles that hold each (token scopes use the same names). */
export const VOICE_PERMISSIONS = {
  'voice:read': ['admin', 'council', 'member', 'viewer'],
  // Staff triage feedback, answer clients and move proposals.
  'voice:write': ['admin', 'council', 'member'],
  // Voice settings, polls, participatory rounds and moderation are the council's and admins'.
  'voice:manage': ['admin', 'council'],
} as const satisfies PermissionGrants;
