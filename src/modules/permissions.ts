import type { Role } from '../core/access/permissions.js';
import { AUDIT_PERMISSIONS } from './audit/audit.permissions.js';
import { CLIENTS_PERMISSIONS } from './clients/clients.permissions.js';
import { DISCOVERY_PERMISSIONS } from './discovery/discovery.permissions.js';
import { ECONOMICS_PERMISSIONS } from './economics/economics.permissions.js';
import { FEEDBACK_PERMISSIONS } from './feedback/feedback.permissions.js';
import { GOVERNANCE_PERMISSIONS } from './governance/governance.permissions.js';
import { MEMBERSHIPS_PERMISSIONS } from './memberships/memberships.permissions.js';
import { ORGS_PERMISSIONS } from './orgs/orgs.permissions.js';
import { PROMISES_PERMISSIONS } from './promises/promises.permissions.js';
import { TEAMS_PERMISSIONS } from './teams/teams.permissions.js';
import { TOKENS_PERMISSIONS } from './tokens/tokens.permissions.js';
import { VOICE_PERMISSIONS } from './voice/voice.permissions.js';
import { WEBHOOKS_PERMISSIONS } from './webhooks/webhooks.permissions.js';

/**
 * The one table of what each role may do, enforced on every route (http/route.ts checks the route's
 * permission against it); API token scopes use the same names. Each module declares its own
 * permissions (`<module>.permissions.ts`, referenced by its manifest); this file joins them in the
 * registry's order and is what the web app reads too, so it imports nothing but those data files.
 * test/architecture/registry.test.ts fails when it and the manifests disagree.
 */
const GRANTS = {
  ...ORGS_PERMISSIONS,
  ...MEMBERSHIPS_PERMISSIONS,
  ...TEAMS_PERMISSIONS,
  ...CLIENTS_PERMISSIONS,
  ...DISCOVERY_PERMISSIONS,
  ...GOVERNANCE_PERMISSIONS,
  ...PROMISES_PERMISSIONS,
  ...ECONOMICS_PERMISSIONS,
  ...VOICE_PERMISSIONS,
  ...FEEDBACK_PERMISSIONS,
  ...TOKENS_PERMISSIONS,
  ...WEBHOOKS_PERMISSIONS,
  ...AUDIT_PERMISSIONS,
} as const;

export type Permission = keyof typeof GRANTS;
export const PERMISSIONS = Object.keys(GRANTS) as Permission[];

const holding = (role: Role) => PERMISSIONS.filter((permission) => (GRANTS[permission] as readonly Role[]).includes(role));

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: holding('admin'),
  council: holding('council'),
  member: holding('member'),
  viewer: holding('viewer'),
};

/** True when the role's row in ROLE_PERMISSIONS holds the permission. */
export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Token scopes: any permission name, or `all` for every one. */
export const TOKEN_SCOPES = ['all', ...PERMISSIONS] as const;
export type TokenScope = 'all' | Permission;

/** Expands `all` and removes duplicates; the stored form of a token's scopes. */
export function expandScopes(scopes: readonly TokenScope[]): Permission[] {
  if (scopes.includes('all')) return [...PERMISSIONS];
  return PERMISSIONS.filter((p) => scopes.includes(p));
}

/** True when a token with these (expanded) scopes may use the permission. */
export function scopesAllow(scopes: readonly string[], permission: Permission): boolean {
  return scopes.includes('all') || scopes.includes(permission);
}
