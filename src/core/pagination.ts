/**
 * Opaque keyset cursors: `{t, id}` of the last row returned, base64url-encoded. Rows are ordered by
 * (t, id), so a page never repeats or skips a row that existed when the first page was read.
 */
export interface CursorKey {
  t: number;
  id: string;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Encodes the last row's sort key; null when there is no further page. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.t, key.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor; returns null for anything that is not a cursor this code made. */
export function decodeCursor(cursor: string): CursorKey | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      // Times are integer epoch milliseconds; anything else would reach the database as a bad bigint.
      Number.isSafeInteger(value[0]) &&
      typeof value[1] === 'string'
    ) {
      return { t: value[0], id: value[1] };
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * Given `limit + 1` rows fetched in order, returns the page and the cursor of the next one.
 * Fetching one extra row is how we know whether another page exists without counting.
 */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1] as T;
  return { items, nextCursor: encodeCursor(keyOf(last)) };
}
