import type { z } from 'zod';
import type {
  ZCapability,
  ZCreateCapability,
  ZCreateRole,
  ZGrant,
  ZGrantEvent,
  ZRight,
  ZRole,
} from '../../../../src/modules/governance/governance.schema';
import { api, orgPath, type Page } from '../../shared/api/client';

export type Role = z.input<typeof ZRole>;
export type Capability = z.input<typeof ZCapability>;
export type Right = z.input<typeof ZRight>;
export type Grant = z.input<typeof ZGrant>;
export type GrantEvent = z.input<typeof ZGrantEvent>;
export type HolderType = Grant['holderType'];
export type RoleInput = z.input<typeof ZCreateRole>;
export type CapabilityInput = z.input<typeof ZCreateCapability>;

export interface Limits {
  /** Minor units (kopecks) per decision; null: no cap. */
  spendingCap: number | null;
  scope: string | null;
}

export interface RightsTree {
  text: string;
  rights: { right: Right; grants: Grant[] }[];
}

export interface NewGrant {
  rightId: string;
  holderType: HolderType;
  holderId: string;
  limits: Limits;
  reason: string;
  /** An admin may grant on behalf of the council (recorded as the council's grant). */
  onBehalfOf?: 'organization' | 'council';
}

export interface Delegation {
  holderType: HolderType;
  holderId: string;
  limits: Limits;
  reason: string;
}

export const governanceApi = {
  roles: (org: string, teamId: string) => api.get<Page<Role>>(orgPath(org, 'teams', teamId, 'roles'), { limit: 200 }),
  createRole: (org: string, teamId: string, input: RoleInput) => api.post<Role>(orgPath(org, 'teams', teamId, 'roles'), input),
  updateRole: (org: string, id: string, input: Partial<RoleInput>) => api.patch<Role>(orgPath(org, 'roles', id), input),
  removeRole: (org: string, id: string) => api.delete(orgPath(org, 'roles', id)),
  addRoleMember: (org: string, id: string, userId: string) => api.post<Role>(orgPath(org, 'roles', id, 'members'), { userId }),
  removeRoleMember: (org: string, id: string, userId: string) => api.delete(orgPath(org, 'roles', id, 'members', userId)),

  capabilities: (org: string, teamId: string) => api.get<Page<Capability>>(orgPath(org, 'teams', teamId, 'capabilities'), { limit: 200 }),
  createCapability: (org: string, teamId: string, input: CapabilityInput) =>
    api.post<Capability>(orgPath(org, 'teams', teamId, 'capabilities'), input),
  updateCapability: (org: string, id: string, input: Partial<CapabilityInput>) =>
    api.patch<Capability>(orgPath(org, 'capabilities', id), input),
  removeCapability: (org: string, id: string) => api.delete(orgPath(org, 'capabilities', id)),

  rights: (org: string, cursor?: string) => api.get<Page<Right>>(orgPath(org, 'rights'), { cursor, limit: 200 }),
  createRight: (org: string, input: { name: string; description: string }) => api.post<Right>(orgPath(org, 'rights'), input),
  tree: (org: string) => api.get<RightsTree>(orgPath(org, 'rights', 'tree')),
  grant: (org: string, input: NewGrant) => api.post<Grant>(orgPath(org, 'grants'), { ...input, parentGrantId: null }),
  delegate: (org: string, grantId: string, input: Delegation) => api.post<Grant>(orgPath(org, 'grants', grantId, 'delegate'), input),
  narrow: (org: string, grantId: string, limits: Limits, reason: string) =>
    api.post<Grant>(orgPath(org, 'grants', grantId, 'narrow'), { limits, reason }),
  revoke: (org: string, grantId: string, reason: string) =>
    api.post<{ revoked: string[] }>(orgPath(org, 'grants', grantId, 'revoke'), { reason }),
  history: (org: string, grantId: string, cursor?: string) =>
    api.get<Page<GrantEvent>>(orgPath(org, 'grants', grantId, 'history'), { cursor }),
};
