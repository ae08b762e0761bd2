/**
 * Which promises a strategy-canvas factor may be bound to. Only client promises measure a factor:
 * the canvas compares what clients get, and an internal promise (team to team) says nothing about
 * that; a retired promise is no longer measured. The server refuses both for a new binding.
 */
import type { PromiseItem, PromiseLifecycle } from '../promises/promises.api';

export interface PromiseChoice {
  id: string;
  /** Null when the bound promise is not in the list (it could not be loaded). */
  title: string | null;
  lifecycle: PromiseLifecycle | null;
}

export interface PromiseChoiceGroup {
  /** `segment`: promises to the canvas's segment; `other`: to other segments. */
  group: 'segment' | 'other';
  items: PromiseChoice[];
}

/** True when a new binding to this promise would be accepted. */
export function canMeasureFactor(promise: Pick<PromiseItem, 'kind' | 'status'>): boolean {
  return promise.kind === 'client' && promise.status !== 'retired';
}

/**
 * The choices for a factor of a canvas of `segmentId`: promises to that segment first, then the
 * others, each by title in `locale`; empty groups are left out. The promise bound now (`boundId`)
 * is always among them, even one that could not be bound anew, so that the choice can show it.
 */
export function promiseChoicesOf(
  promises: readonly PromiseItem[],
  segmentId: string,
  boundId: string | null,
  locale: string,
): PromiseChoiceGroup[] {
  const offered = promises.filter((p) => p.id === boundId || canMeasureFactor(p));
  const byTitle = (a: PromiseItem, b: PromiseItem) => a.title.localeCompare(b.title, locale);
  const choice = (p: PromiseItem): PromiseChoice => ({ id: p.id, title: p.title, lifecycle: p.status });
  const groups: PromiseChoiceGroup[] = [
    {
      group: 'segment',
      items: offered
        .filter((p) => p.promiseeSegment?.id === segmentId)
        .sort(byTitle)
        .map(choice),
    },
    {
      group: 'other',
      items: offered
        .filter((p) => p.promiseeSegment?.id !== segmentId)
        .sort(byTitle)
        .map(choice),
    },
  ];
  if (boundId && !offered.some((p) => p.id === boundId)) groups[0]?.items.unshift({ id: boundId, title: null, lifecycle: null });
  return groups.filter((g) => g.items.length > 0);
}
