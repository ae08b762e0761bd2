/** Pure reading of a workspace: which items are linked, what to highlight, a link toggled. */
import type { ValueItem } from '../../shared/api/types';
import type { Workspace } from './discovery.api';

/** What the pointer (or the keyboard focus) is on: a value-map item or a pain/gain. */
export type Focus = { side: 'value'; id: string } | { side: 'profile'; id: string } | null;

/** The ids to highlight for a focus: the item itself and everything linked to it, either way. */
export function relatedIds(workspace: Workspace, focus: Focus): Set<string> {
  if (!focus) return new Set();
  if (focus.side === 'value') {
    const item = workspace.valueItems.find((v) => v.id === focus.id);
    return new Set(item ? [item.id, ...item.targetIds] : []);
  }
  const pain = workspace.pains.find((p) => p.id === focus.id);
  if (pain) return new Set([pain.id, ...pain.answeredBy]);
  const gain = workspace.gains.find((g) => g.id === focus.id);
  if (gain) return new Set([gain.id, ...gain.createdBy]);
  return new Set([focus.id]);
}

/** The target ids of `item` with `targetId` added, or removed when it is there. */
export function toggledTargets(item: ValueItem, targetId: string): string[] {
  return item.targetIds.includes(targetId) ? item.targetIds.filter((id) => id !== targetId) : [...item.targetIds, targetId];
}

/**
 * The workspace as it will be once `itemId` links to exactly `targetIds`: both sides updated so
 * the screen answers at once; the fit stays the server's until the workspace is read again.
 */
export function withTargets(workspace: Workspace, itemId: string, targetIds: string[]): Workspace {
  const item = workspace.valueItems.find((v) => v.id === itemId);
  if (!item) return workspace;
  const targets = new Set(targetIds);
  const relink = (ids: string[], isTarget: boolean) => {
    const without = ids.filter((id) => id !== itemId);
    return isTarget ? [...without, itemId] : without;
  };
  return {
    ...workspace,
    valueItems: workspace.valueItems.map((v) => (v.id === itemId ? { ...v, targetIds } : v)),
    pains:
      item.kind === 'reliever'
        ? workspace.pains.map((p) => ({ ...p, answeredBy: relink(p.answeredBy, targets.has(p.id)) }))
        : workspace.pains,
    gains:
      item.kind === 'creator' ? workspace.gains.map((g) => ({ ...g, createdBy: relink(g.createdBy, targets.has(g.id)) })) : workspace.gains,
  };
}

/** The names of the value items with these ids, in the value map's order. */
export function namesOf(workspace: Workspace, ids: readonly string[]): { id: string; name: string }[] {
  const wanted = new Set(ids);
  return workspace.valueItems.filter((v) => wanted.has(v.id)).map((v) => ({ id: v.id, name: v.name }));
}
