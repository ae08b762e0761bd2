/**
 * The tree of promises (M4): a client promise supported by internal promises, team to team. When a
 * supporting promise anywhere below is broken or at risk, the root is at risk because of it.
 */
import type { PromiseStatus } from './compute.js';

export interface TreeNode {
  id: string;
  supportsId: string | null;
  status: PromiseStatus;
}

export interface TreeRisk {
  /** Supporting promises below (any depth) that are broken or at risk, nearest first. */
  because: string[];
  /** The node's own status, raised to at_risk when something below it is broken or at risk. */
  effective: PromiseStatus;
}

const RISKY: readonly PromiseStatus[] = ['broken', 'at_risk'];

/** For each node, what below it puts it at risk, and its effective status. A cycle in the data is cut. */
export function treeRisks(nodes: readonly TreeNode[]): Map<string, TreeRisk> {
  const children = new Map<string, TreeNode[]>();
  for (const node of nodes) {
    if (node.supportsId) children.set(node.supportsId, [...(children.get(node.supportsId) ?? []), node]);
  }
  const result = new Map<string, TreeRisk>();
  for (const node of nodes) {
    const because: string[] = [];
    const seen = new Set([node.id]);
    let level = children.get(node.id) ?? [];
    while (level.length > 0) {
      const next: TreeNode[] = [];
      for (const child of level) {
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        if (RISKY.includes(child.status)) because.push(child.id);
        next.push(...(children.get(child.id) ?? []));
      }
      level = next;
    }
    const effective = because.length > 0 && (node.status === 'kept' || node.status === 'no_data') ? 'at_risk' : node.status;
    result.set(node.id, { because, effective });
  }
  return result;
}
