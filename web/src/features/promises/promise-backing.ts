import { ApiError } from '../../shared/api/client';
import type { Role } from '../../shared/api/types';
import { loadAllPages } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { governanceApi as decisionsGovernanceApi } from '../decisions/decisions.api';
import { type Capability, governanceApi, type Right } from '../governance/governance.api';

/** What a team can back a promise with now: its own capabilities and the rights it holds (itself or through a role). */
export interface TeamBacking {
  teamId: string;
  capabilities: Capability[];
  /** Every decision right of the organization, to choose from and to name. */
  rights: Right[];
  /** Ids of the rights the team holds through an active grant to it or to one of its roles. */
  heldRightIds: Set<string>;
}

export interface Required {
  requiredCapabilityIds: readonly string[];
  requiredRightIds: readonly string[];
}

export interface MissingBacking {
  capabilities: { id: string; name: string }[];
  rights: { id: string; name: string }[];
}

/**
 * What the team lacks of what a promise needs, as the server checks it on publishing: a capability
 * is the team's own; a right is held by the team or one of its roles through an active grant.
 */
export function missingBacking(required: Required, backing: Pick<TeamBacking, 'capabilities' | 'rights' | 'heldRightIds'>): MissingBacking {
  const own = new Map(backing.capabilities.map((c) => [c.id, c.name]));
  const rightNames = new Map(backing.rights.map((r) => [r.id, r.name]));
  return {
    capabilities: required.requiredCapabilityIds.filter((id) => !own.has(id)).map((id) => ({ id, name: own.get(id) ?? '' })),
    rights: required.requiredRightIds.filter((id) => !backing.heldRightIds.has(id)).map((id) => ({ id, name: rightNames.get(id) ?? '' })),
  };
}

export function isBacked(missing: MissingBacking): boolean {
  return missing.capabilities.length === 0 && missing.rights.length === 0;
}

/** One of the two lists a client promise declares its backing in. */
export type BackingList = 'capabilities' | 'rights';

/**
 * Which of the two lists a client promise leaves empty, as the server checks it on publishing: a
 * promise to clients declares at least one capability and one decision right of its team (an
 * internal promise need not).
 */
export function undeclaredBacking(kind: 'client' | 'internal', required: Required): BackingList[] {
  if (kind !== 'client') return [];
  return [
    ...(required.requiredCapabilityIds.length === 0 ? (['capabilities'] as const) : []),
    ...(required.requiredRightIds.length === 0 ? (['rights'] as const) : []),
  ];
}

/** A refused "Publish": what the team lacks of what is declared, and which lists a client promise leaves empty. */
export interface PublishRefusal extends MissingBacking {
  undeclared: BackingList[];
}

/**
 * An admin may publish a refused client promise by waiving its backing — only when the refusal is
 * about empty lists alone: what is declared must still be held, waiver or not.
 */
export function canWaiveBacking(role: Role, refusal: PublishRefusal): boolean {
  return role === 'admin' && refusal.undeclared.length > 0 && isBacked(refusal);
}

/**
 * The missing capabilities and rights named by a 422 `backing_missing`: each field is
 * `requiredCapabilityIds.<i>` or `requiredRightIds.<i>` of the promise; its `params.name` names it.
 * A field on the list itself (`requiredCapabilityIds`, `requiredRightIds`) says a client promise
 * declares none of that list.
 */
export function missingFromError(error: unknown, promise: Required, names: ReadonlyMap<string, string> = new Map()): PublishRefusal | null {
  if (!(error instanceof ApiError) || error.code !== 'backing_missing') return null;
  const result: PublishRefusal = { capabilities: [], rights: [], undeclared: [] };
  for (const field of error.fields) {
    const list = field.path === 'requiredCapabilityIds' ? 'capabilities' : field.path === 'requiredRightIds' ? 'rights' : null;
    if (list) {
      if (!result.undeclared.includes(list)) result.undeclared.push(list);
      continue;
    }
    const match = /^(requiredCapabilityIds|requiredRightIds)\.(\d+)$/.exec(field.path);
    if (!match) continue;
    const isCapability = match[1] === 'requiredCapabilityIds';
    const ids = isCapability ? promise.requiredCapabilityIds : promise.requiredRightIds;
    const id = ids[Number(match[2])] ?? field.path;
    const sent = field.params?.name;
    const name = (typeof sent === 'string' && sent) || names.get(id) || id;
    (isCapability ? result.capabilities : result.rights).push({ id, name });
  }
  // A refusal without fields still refuses: name nothing rather than nothing at all.
  return result;
}

/** The rights a team holds now, itself or through one of its roles, from their active grants. */
export async function loadHeldRightIds(org: string, teamId: string): Promise<Set<string>> {
  const [teamGrants, roles] = await Promise.all([
    loadAllPages((cursor) => decisionsGovernanceApi.grantsOf(org, 'team', teamId, cursor)),
    loadAllPages((cursor) => decisionsGovernanceApi.roles(org, teamId, cursor)),
  ]);
  const roleGrants = (
    await Promise.all(roles.map((role) => loadAllPages((cursor) => decisionsGovernanceApi.grantsOf(org, 'role', role.id, cursor))))
  ).flat();
  return new Set([...teamGrants, ...roleGrants].filter((grant) => grant.active).map((grant) => grant.rightId));
}

export async function loadTeamBacking(org: string, teamId: string): Promise<TeamBacking> {
  const [capabilities, rights, heldRightIds] = await Promise.all([
    governanceApi.capabilities(org, teamId).then((page) => page.items),
    loadAllPages((cursor) => governanceApi.rights(org, cursor)),
    loadHeldRightIds(org, teamId),
  ]);
  return { teamId, capabilities, rights, heldRightIds };
}

/** The backing of a team, read again when the team changes; nothing while no team is chosen. */
export function useTeamBacking(org: string, teamId: string | null, isEnabled = true, refreshKey = 0) {
  return useResource<TeamBacking | null>(
    async () => (teamId && isEnabled ? loadTeamBacking(org, teamId) : null),
    `${org}|${teamId}|${isEnabled}|${refreshKey}`,
  );
}
