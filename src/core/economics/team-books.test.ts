import { describe, expect, it } from 'vitest';
import { type BooksWrite, booksRefusal, timeReserveCenti } from './team-books.js';

const member: BooksWrite = { isAdmin: false, isTeamMember: true, isLocked: false };

describe('booksRefusal', () => {
  it.each([
    ['a member records their own hours', { ...member, isSelf: true }, null],
    ['a member records a teammate’s hours', { ...member, isSelf: false }, { code: 'not_self' }],
    [
      'a member sends a salary',
      { ...member, isSelf: true, adminOnlyFields: ['salaryMinor'] },
      { code: 'admin_only_field', field: 'salaryMinor' },
    ],
    ['someone outside the team', { ...member, isTeamMember: false, isSelf: true }, { code: 'not_team_member' }],
    ['a member in a locked month', { ...member, isSelf: true, isLocked: true }, { code: 'inputs_locked' }],
    ['outside the team in a locked month: 403 first', { ...member, isTeamMember: false, isLocked: true }, { code: 'not_team_member' }],
    ['a member adds revenue', { ...member, ledgerKind: 'revenue' }, null],
    ['a member adds an expense', { ...member, ledgerKind: 'expense' }, null],
    ['a member adds labour', { ...member, ledgerKind: 'labour' }, { code: 'admin_only_kind', kind: 'labour' }],
    ['a member adds overhead', { ...member, ledgerKind: 'overhead' }, { code: 'admin_only_kind', kind: 'overhead' }],
    [
      'an admin, locked, salary, not in the team',
      { isAdmin: true, isTeamMember: false, isLocked: true, isSelf: false, adminOnlyFields: ['salaryMinor'], ledgerKind: 'labour' },
      null,
    ],
  ] as const)('%s', (_name, write, expected) => {
    expect(booksRefusal(write)).toEqual(expected);
  });
});

describe('timeReserveCenti', () => {
  it.each([
    [16_000, 1_000, 1_600], // 160 h × 10% = 16 h
    [12_345, 1_000, 1_235], // 123.45 h × 10% = 12.345 h → 12.35 h (half up)
    [12_344, 1_000, 1_234], // 12.344 h → 12.34 h
    [48_000, 1_500, 7_200], // 480 h × 15% = 72 h
    [0, 2_000, 0],
    [16_000, 0, 0],
    [16_000, 10_000, 16_000],
  ])('%i hundredths × %i bp = %i hundredths', (hours, share, expected) => {
    expect(timeReserveCenti(hours, share)).toBe(expected);
  });
});
