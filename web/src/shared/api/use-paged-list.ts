import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Page } from './client';

export interface PagedList<T> {
  items: T[];
  error: ApiError | undefined;
  isLoading: boolean;
  isLoadingMore: boolean;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
  setItems: (update: (items: T[]) => T[]) => void;
}

/**
 * A list read page by page through `{items, nextCursor}`: the first page loads again whenever `key`
 * changes (the organization, a search), `loadMore` appends the next one. A reload discards pages
 * of an older load still in flight.
 */
export function usePagedList<T>(loadPage: (cursor: string | undefined) => Promise<Page<T>>, key: string): PagedList<T> {
  const [items, setItemsState] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [isLoading, setLoading] = useState(true);
  const [isLoadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  const loadRef = useRef(loadPage);
  useEffect(() => {
    loadRef.current = loadPage;
  });

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const page = await loadRef.current(undefined);
      if (mine !== generation.current) return;
      setItemsState(page.items);
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (caught) {
      if (mine === generation.current) setError(caught as ApiError);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `key` is what says the data must be read again
  useEffect(() => {
    void reload();
  }, [reload, key]);

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await loadRef.current(cursor);
      if (mine !== generation.current) return;
      setItemsState((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    } catch (caught) {
      if (mine === generation.current) setError(caught as ApiError);
    } finally {
      setLoadingMore(false);
    }
  }, [cursor]);

  const setItems = useCallback((update: (items: T[]) => T[]) => setItemsState(update), []);
  return { items, error, isLoading, isLoadingMore, hasMore: cursor !== null, loadMore, reload, setItems };
}

/** Reads every page of a list (for pickers such as "add a member"); stops after `maxPages`. */
export async function loadAllPages<T>(loadPage: (cursor: string | undefined) => Promise<Page<T>>, maxPages = 20): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await loadPage(cursor);
    all.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return all;
}
