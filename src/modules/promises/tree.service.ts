import type { PromiseStatus } from '../../core/promises/compute.js';
import { treeRisks } from '../../core/promises/tree.js';
import type { OrgContext } from '../context.js';
import { listPromisesWithTeams, loadPromise } from './promise.repository.js';
import { promiseStatus } from './status.service.js';

export interface PromiseTreeNode {
  id: string;
  title: string;
  kind: 'client' | 'internal';
  status: PromiseStatus;
  effectiveStatus: PromiseStatus;
  atRiskBecause: { id: string; title: string; status: PromiseStatus }[];
  team: { id: string; name: string };
  supporting: PromiseTreeNode[];
}

/**
 * The tree under a promise (the promise, the internal promises that support it, and theirs), each
 * with its status now; a node whose supporters below are broken or at risk is at risk because of them.
 * Drafts and retired promises count as no data: only published promises are measured.
 */
export async function promiseTree(ctx: OrgContext, id: string): Promise<PromiseTreeNode> {
  await loadPromise(ctx.db, ctx.org.id, id);
  const rows = await listPromisesWithTeams(ctx.db, ctx.org.id);
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Only the subtree under `id` is measured.
  const inTree = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) {
      if (r.supports_promise_id && inTree.has(r.supports_promise_id) && !inTree.has(r.id)) {
        inTree.add(r.id);
        grew = true;
      }
    }
  }
  const statuses = new Map<string, PromiseStatus>();
  for (const nodeId of inTree) {
    const row = byId.get(nodeId);
    statuses.set(nodeId, row?.status === 'published' ? (await promiseStatus(ctx, nodeId, ctx.now)).status : 'no_data');
  }
  const risks = treeRisks(
    [...inTree].map((nodeId) => ({
      id: nodeId,
      supportsId: byId.get(nodeId)?.supports_promise_id ?? null,
      status: statuses.get(nodeId) ?? 'no_data',
    })),
  );
  const build = (nodeId: string, path: Set<string>): PromiseTreeNode => {
    const row = byId.get(nodeId)!;
    const risk = risks.get(nodeId)!;
    return {
      id: nodeId,
      title: row.title,
      kind: row.kind,
      status: statuses.get(nodeId) ?? 'no_data',
      effectiveStatus: risk.effective,
      atRiskBecause: risk.because.map((b) => ({ id: b, title: byId.get(b)?.title ?? '', status: statuses.get(b) ?? 'no_data' })),
      team: { id: row.team_id, name: row.team },
      supporting: rows
        .filter((r) => r.supports_promise_id === nodeId && inTree.has(r.id) && !path.has(r.id))
        .map((r) => build(r.id, new Set([...path, r.id]))),
    };
  };
  return build(id, new Set([id]));
}
