import { describe, expect, it } from 'vitest';
import { diffOf, instantOf } from './audit-diff';

describe('audit diff', () => {
  it('puts changed fields first and keeps unchanged ones', () => {
    const rows = diffOf({ name: 'A', kind: 'autonomous' }, { name: 'B', kind: 'autonomous' });
    expect(rows).toEqual([
      { field: 'name', before: 'A', after: 'B', isChanged: true },
      { field: 'kind', before: 'autonomous', after: 'autonomous', isChanged: false },
    ]);
  });

  it('shows every field of a created entity as changed', () => {
    expect(diffOf(null, { name: 'A' })).toEqual([{ field: 'name', before: undefined, after: 'A', isChanged: true }]);
  });

  it('compares nested values by content', () => {
    expect(diffOf({ members: [{ id: 1 }] }, { members: [{ id: 1 }] })[0]?.isChanged).toBe(false);
  });

  it('has nothing to show when both sides are empty', () => {
    expect(diffOf(null, null)).toEqual([]);
  });
});

describe('instants in a snapshot', () => {
  it('are the ISO 8601 strings under an instant’s name (`at`, `since`, `…At`, `…_at`), nothing else', () => {
    expect(instantOf('createdAt', '2026-11-01T10:00:00.000Z')).toBe('2026-11-01T10:00:00.000Z');
    expect(instantOf('closed_at', '2026-11-01T10:00:00Z')).toBe('2026-11-01T10:00:00Z');
    expect(instantOf('at', '2026-11-01T13:00:00+03:00')).toBe('2026-11-01T13:00:00+03:00');
    expect(instantOf('since', '2026-11-01T10:00:00.000Z')).toBe('2026-11-01T10:00:00.000Z');
    expect(instantOf('name', '2026-11-01T10:00:00.000Z')).toBeNull();
    expect(instantOf('reviewDate', '2026-11-01')).toBeNull();
    expect(instantOf('createdAt', 'soon')).toBeNull();
    expect(instantOf('createdAt', 1_793_527_200_000)).toBeNull();
    expect(instantOf('repeat', '2026-11-01T10:00:00.000Z')).toBeNull();
  });
});
