import type { Grant } from './governance.api';

/** Where a grant stands: in force, revoked itself, or cut off because a grant above it was revoked. */
export type GrantState = 'active' | 'revoked' | 'inactive';

export function grantState(grant: Pick<Grant, 'active' | 'revokedAt'>): GrantState {
  if (grant.revokedAt !== null) return 'revoked';
  return grant.active ? 'active' : 'inactive';
}

/** A team known by id and name (the teams list). */
export interface TeamRef {
  id: string;
  name: string;
  kind?: string;
}

/** A role holder as shown: its own name and the team it belongs to (when that team is known). */
export interface RoleRef {
  roleName: string;
  teamName: string;
  teamId: string | null;
}

/** A role holder as shown: its own name and its team, as the API gives them. */
export function roleOf(grant: Pick<Grant, 'holderName' | 'holderTeamId' | 'holderTeamName' | 'holderRoleName'>): RoleRef {
  return { roleName: grant.holderRoleName ?? grant.holderName, teamName: grant.holderTeamName, teamId: grant.holderTeamId || null };
}

/** One step of the path a right took to reach its holder. */
export type ChainStep = { kind: 'organization' } | { kind: 'council' } | { kind: 'holder'; grant: Grant };

/**
 * The path from the organization or the council down to this grant: the granter of the root grant,
 * then every holder it passed through, the grant's own holder last. A parent missing from `byId`
 * (it should not happen) ends the walk; a cycle cannot loop forever.
 */
export function originChain(grant: Grant, byId: ReadonlyMap<string, Grant>): ChainStep[] {
  const holders: Grant[] = [];
  const seen = new Set<string>();
  let current: Grant | undefined = grant;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    holders.unshift(current);
    current = current.parentGrantId ? byId.get(current.parentGrantId) : undefined;
  }
  const root = holders[0] ?? grant;
  const origin: ChainStep = root.grantedBy === 'council' ? { kind: 'council' } : { kind: 'organization' };
  return [origin, ...holders.map((g): ChainStep => ({ kind: 'holder', grant: g }))];
}

/**
 * The names along a chain for reading: a role right after its own team is named alone
 * ("Council → Warranty service → Engineer on duty"), elsewhere as "Team / Role".
 */
export function chainLabels(steps: ChainStep[], names: { organization: string; council: string }): string[] {
  return steps.map((step, index) => {
    if (step.kind === 'organization') return names.organization;
    if (step.kind === 'council') return names.council;
    const { grant } = step;
    if (grant.holderType === 'team') return grant.holderName;
    const role = roleOf(grant);
    const previous = steps[index - 1];
    const isUnderOwnTeam = previous?.kind === 'holder' && previous.grant.holderType === 'team' && previous.grant.holderId === role.teamId;
    return isUnderOwnTeam ? role.roleName : grant.holderName;
  });
}

/** Grants sub-delegated directly from this one. */
export function childrenOf(grant: Grant, grants: readonly Grant[]): Grant[] {
  return grants.filter((g) => g.parentGrantId === grant.id);
}
