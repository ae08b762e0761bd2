import { describe, expect, it } from 'vitest';
import { type CursorKey, decodeCursor, encodeCursor, pageOf } from './pagination.js';

describe('cursors', () => {
  it.each<[string, CursorKey]>([
    ['an ordinary row', { t: 1_795_000_000_000, id: '7e577160-8709-407e-8e1c-12220686e7b0' }],
    ['time zero', { t: 0, id: 'a' }],
    ['a negative time (before 1970)', { t: -86_400_000, id: 'z' }],
    ['an empty id', { t: 5, id: '' }],
    ['an id with quotes and non-ASCII', { t: 5, id: 'Ёж "x" \\ /' }],
  ])('round-trips %s', (_label, key) => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it('encodes to base64url of [t, id]', () => {
    expect(encodeCursor({ t: 1, id: 'x' })).toBe(Buffer.from('[1,"x"]').toString('base64url'));
  });

  const b64 = (text: string) => Buffer.from(text).toString('base64url');
  it.each([
    ['not base64 JSON', 'garbage'],
    ['empty', ''],
    ['an object', b64('{"t":1,"id":"x"}')],
    ['one element', b64('[1]')],
    ['three elements', b64('[1,"x",2]')],
    ['a string time', b64('["1","x"]')],
    ['a numeric id', b64('[1,2]')],
    ['a fractional time', b64('[1.5,"x"]')],
    ['an unsafe integer time', b64('[9007199254740993,"x"]')],
    ['an overflowing time', b64('[1e400,"x"]')],
    ['null', b64('null')],
  ])('rejects %s with null', (_label, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});

describe('pageOf', () => {
  const rows = [1, 2, 3, 4, 5].map((n) => ({ t: n * 10, id: `r${n}` }));
  const key = (r: { t: number; id: string }) => r;

  it.each([
    ['fewer rows than the limit', 3, 10, ['r1', 'r2', 'r3'], null],
    ['exactly the limit: no further page', 5, 5, ['r1', 'r2', 'r3', 'r4', 'r5'], null],
    ['one extra row: a further page after the last shown', 5, 4, ['r1', 'r2', 'r3', 'r4'], { t: 40, id: 'r4' }],
    ['limit 1 of 2', 2, 1, ['r1'], { t: 10, id: 'r1' }],
    ['no rows', 0, 5, [], null],
  ])('%s', (_label, available, limit, ids, next) => {
    const page = pageOf(rows.slice(0, available), limit, key);
    expect(page.items.map((r) => r.id)).toEqual(ids);
    expect(page.nextCursor === null ? null : decodeCursor(page.nextCursor)).toEqual(next);
  });
});
