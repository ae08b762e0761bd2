import { describe, expect, it } from 'vitest';
import { newSortableId } from './ids.js';

describe('sortable ids', () => {
  it('are UUIDv7 carrying the instant, and go up within one millisecond in the order they were made', () => {
    const at = Date.UTC(2026, 11, 7, 15, 0, 0, 123);
    const ids = Array.from({ length: 300 }, () => newSortableId(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(300);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    // A later millisecond sorts after every id of an earlier one.
    expect(newSortableId(at + 1) > (ids.at(-1) as string)).toBe(true);
  });
});
