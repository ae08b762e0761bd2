import type { SelectQueryBuilder } from 'kysely';
import { AppError, fieldError } from '../core/errors.js';
import { type CursorKey, decodeCursor, encodeCursor, pageOf } from '../core/pagination.js';
import type { DB } from '../db/schema.js';
import type { TPageQuery } from './common.schema.js';

/** Decodes `?cursor=`; a cursor this server did not make is a field error, not a 500. */
export function cursorOf(page: TPageQuery): CursorKey | null {
  if (!page.cursor) return null;
  const key = decodeCursor(page.cursor);
  if (!key)
    throw new AppError('validation_failed', 'cursor: not a cursor from this API', [
      fieldError('cursor', 'invalid_cursor', 'invalid cursor'),
    ]);
  return key;
}

/** The columns a keyset page is ordered by — a time, then an id that breaks ties — and which way. */
export interface Keyset<T> {
  time: string;
  id: string;
  order: 'asc' | 'desc';
  /** The cursor key of a row: its time and id as the columns hold them. */
  keyOf: (row: T) => CursorKey;
}

/**
 * Runs a keyset-paginated query in (time, id) order, ascending or descending: a page starts right
 * after the cursor's row, so rows added meanwhile are never repeated nor skipped.
 */
export async function pageByKeyset<T, TB extends keyof DB>(
  // biome-ignore lint/suspicious/noExplicitAny: the query's selection is the caller's
  query: SelectQueryBuilder<DB, TB, any>,
  key: Keyset<T>,
  page: TPageQuery,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const after = cursorOf(page);
  const beyond = key.order === 'asc' ? '>' : '<';
  let q = query;
  if (after) {
    // biome-ignore lint/suspicious/noExplicitAny: dynamic column references checked by the callers' tests
    q = q.where((eb: any) => eb.or([eb(key.time, beyond, after.t), eb.and([eb(key.time, '=', after.t), eb(key.id, beyond, after.id)])]));
  }
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const rows = (await (q as any)
    .orderBy(key.time, key.order)
    .orderBy(key.id, key.order)
    .limit(page.limit + 1)
    .execute()) as T[];
  return pageOf(rows, page.limit, key.keyOf);
}

/**
 * Runs a keyset-paginated query in (created_at, id) ascending order. `table` is the alias whose
 * `created_at` and `id` columns order the rows.
 */
export async function pageByCreated<T extends { created_at: number; id: string }, TB extends keyof DB>(
  // biome-ignore lint/suspicious/noExplicitAny: the query's selection is the caller's
  query: SelectQueryBuilder<DB, TB, any>,
  table: string,
  page: TPageQuery,
): Promise<{ items: T[]; nextCursor: string | null }> {
  return pageByKeyset<T, TB>(
    query,
    { time: `${table}.created_at`, id: `${table}.id`, order: 'asc', keyOf: (r) => ({ t: r.created_at, id: r.id }) },
    page,
  );
}

/**
 * Pages a list that is ordered in memory (e.g. pains by priority), for lists that stay small per
 * parent (a segment's pains). The cursor names the last row returned: the next page starts right
 * after it, so rows added or re-ranked meanwhile are not repeated from the old position. When that
 * row is gone, its offset is used.
 */
export function pageInMemory<T extends { id: string }>(items: T[], page: TPageQuery): { items: T[]; nextCursor: string | null };
export function pageInMemory<T>(items: T[], page: TPageQuery, keyOf: (item: T) => string): { items: T[]; nextCursor: string | null };
export function pageInMemory<T>(
  items: T[],
  page: TPageQuery,
  keyOf: (item: T) => string = (item) => (item as { id: string }).id,
): { items: T[]; nextCursor: string | null } {
  const after = cursorOf(page);
  let start = 0;
  if (after) {
    const index = items.findIndex((item) => keyOf(item) === after.id);
    if (index >= 0) start = index + 1;
    else if (after.t >= 0 && after.t <= items.length) start = after.t;
    else
      throw new AppError('validation_failed', 'cursor: not a cursor of this list', [
        fieldError('cursor', 'invalid_cursor', 'invalid cursor'),
      ]);
  }
  const slice = items.slice(start, start + page.limit);
  const last = slice[slice.length - 1];
  const next = last !== undefined && start + page.limit < items.length ? encodeCursor({ t: start + page.limit, id: keyOf(last) }) : null;
  return { items: slice, nextCursor: next };
}
