import { describe, expect, it } from 'vitest';
import { diffOf } from './audit-diff';

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
