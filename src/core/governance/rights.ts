/**
 * Delegated decision rights (M5): the *trust* principle made explicit. A grant gives a holder (a
 * team or a role) a right within limits; a holder may sub-delegate it, never wider than it holds.
 * Pure rules over plain data: the service loads the grants, asks, and stores.
 */

/** Limits of a right. `spendingCap` is in minor units per decision; absent means no cap. */
export interface RightLimits {
  spendingCap?: number | null;
  scope?: string | null;
}

export interface Grant {
  id: string;
  rightId: string;
  holderType: 'team' | 'role';
  holderId: string;
  /** The grant it was sub-delegated from; null for a grant by the organization or the council. */
  parentId: string | null;
  limits: RightLimits;
  revokedAt: number | null;
}

export type LimitProblem =
  | { path: 'limits.spendingCap'; reason: 'wider_than_granter' | 'uncapped_under_cap' }
  | { path: 'limits.scope'; reason: 'unscoped_under_scope' }
  | null;

/**
 * Checks that `limits` are not wider than the granter's. A granter without a cap may grant any cap;
 * a granter with a cap may grant an equal or smaller one, and not "no cap". A granter limited to a
 * scope cannot pass the right on without one; the texts themselves are not compared (people read them).
 */
export function checkWithinLimits(limits: RightLimits, granter: RightLimits): LimitProblem {
  const granterCap = granter.spendingCap ?? null;
  const cap = limits.spendingCap ?? null;
  if (granterCap !== null && cap === null) return { path: 'limits.spendingCap', reason: 'uncapped_under_cap' };
  if (granterCap !== null && cap !== null && cap > granterCap) return { path: 'limits.spendingCap', reason: 'wider_than_granter' };
  if ((granter.scope ?? null) !== null && (limits.scope ?? null) === null) return { path: 'limits.scope', reason: 'unscoped_under_scope' };
  return null;
}

/** Every active grant sub-delegated, directly or further down, from `rootId` (the root excluded). */
export function descendantsOf(grants: readonly Grant[], rootId: string): Grant[] {
  const children = new Map<string, Grant[]>();
  for (const grant of grants) {
    if (grant.parentId === null) continue;
    children.set(grant.parentId, [...(children.get(grant.parentId) ?? []), grant]);
  }
  const found: Grant[] = [];
  const queue = [rootId];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const child of children.get(id) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      if (child.revokedAt === null) found.push(child);
      queue.push(child.id);
    }
  }
  return found;
}

/**
 * Grants that must be revoked when `rootId` is revoked: the root and everything below it that is
 * still active, root first.
 */
export function revocationCascade(grants: readonly Grant[], rootId: string): Grant[] {
  const root = grants.find((g) => g.id === rootId);
  if (!root) return [];
  return [...(root.revokedAt === null ? [root] : []), ...descendantsOf(grants, rootId)];
}

/**
 * Whether a holder holds a right now: an active grant of that right to the holder whose chain up to
 * the organization or council is active at every step (a revoked parent voids its children even if
 * a cascade was interrupted).
 */
export function holdsRight(grants: readonly Grant[], rightId: string, holderType: Grant['holderType'], holderId: string): Grant | null {
  const byId = new Map(grants.map((g) => [g.id, g]));
  return (
    grants.find((g) => g.rightId === rightId && g.holderType === holderType && g.holderId === holderId && isChainActive(byId, g)) ?? null
  );
}

/** True when the grant and every grant above it, up to the organization or council, is unrevoked. */
export function isChainActive(byId: ReadonlyMap<string, Grant>, grant: Grant): boolean {
  let current: Grant | undefined = grant;
  const seen = new Set<string>();
  while (current) {
    if (current.revokedAt !== null || seen.has(current.id)) return false;
    seen.add(current.id);
    if (current.parentId === null) return true;
    current = byId.get(current.parentId);
  }
  return false;
}
