/**
 * What each role may do: the one table enforced on every route (http/route.ts checks the route's
 * permission against it). API token scopes use the same permission names.
 */
export const ROLES = ['admin', 'council', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org:read',
  'org:write',
  'members:read',
  'members:write',
  'teams:read',
  'teams:write',
  'clients:read',
  'clients:write',
  'discovery:read',
  'discovery:write',
  'governance:read',
  'governance:write',
  'governance:participate',
  'promises:read',
  'promises:write',
  'events:write',
  'economics:read',
  'economics:write',
  'economics:participate',
  'voice:read',
  'voice:write',
  'voice:manage',
  'feedback:write',
  'tokens:manage',
  'webhooks:manage',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  'org:read',
  'members:read',
  'teams:read',
  'clients:read',
  'discovery:read',
  'governance:read',
  'promises:read',
  'economics:read',
  'voice:read',
  'audit:read',
];
// A team makes and keeps its own promises and feeds their events; the services check whose team it is.
const PROMISES: Permission[] = ['promises:write', 'events:write'];
// Entering the books and closing periods is the admins'; trades, a team's split rule and peer points
// are the teams' own, which the services check team by team.
const ECONOMICS: Permission[] = ['economics:participate'];
// Staff triage feedback, answer clients and move proposals; importing feedback is for tools and
// staff alike. Voice settings, polls, participatory rounds and moderation are the council's and admins'.
const VOICE: Permission[] = ['voice:write', 'feedback:write'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // Granting rights is the council's and the organization's; members take part in governance — their
  // team's agreements, decisions under the rights they hold — which the services check team by team.
  council: [
    ...READ,
    'teams:write',
    'clients:write',
    'discovery:write',
    'governance:write',
    'governance:participate',
    ...PROMISES,
    ...ECONOMICS,
    ...VOICE,
    'voice:manage',
  ],
  member: [...READ, 'teams:write', 'clients:write', 'discovery:write', 'governance:participate', ...PROMISES, ...ECONOMICS, ...VOICE],
  viewer: READ,
};

/** True when the role's row in ROLE_PERMISSIONS holds the permission. */
export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Token scopes: any permission name, or `all` for every one. */
export const TOKEN_SCOPES = ['all', ...PERMISSIONS] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Expands `all` and removes duplicates; the stored form of a token's scopes. */
export function expandScopes(scopes: readonly TokenScope[]): Permission[] {
  if (scopes.includes('all')) return [...PERMISSIONS];
  return PERMISSIONS.filter((p) => scopes.includes(p));
}

/** True when a token with these (expanded) scopes may use the permission. */
export function scopesAllow(scopes: readonly string[], permission: Permission): boolean {
  return scopes.includes('all') || scopes.includes(permission);
}
