import { describe, expect, it } from 'vitest';
import { decidingNeedsOverride, holdsDelegatedAuthority, overrideReason, quarterOf, teamChangeNeedsOverride } from './autonomy.js';
import type { Grant } from './rights.js';

const grant = (over: Partial<Grant> & Pick<Grant, 'id'>): Grant => ({
  rightId: 'r1',
  holderType: 'team',
  holderId: 'team-a',
  parentId: null,
  limits: {},
  revokedAt: null,
  ...over,
});

describe('holdsDelegatedAuthority', () => {
  it.each([
    { name: 'a grant to the team', grants: [grant({ id: 'g1' })], expected: true },
    { name: 'a grant to one of its roles', grants: [grant({ id: 'g1', holderType: 'role', holderId: 'role-1' })], expected: true },
    { name: 'a revoked grant', grants: [grant({ id: 'g1', revokedAt: 5 })], expected: false },
    {
      name: 'a sub-delegation whose parent was revoked',
      grants: [grant({ id: 'g0', holderId: 'team-b', revokedAt: 5 }), grant({ id: 'g1', parentId: 'g0' })],
      expected: false,
    },
    { name: 'a grant to another team', grants: [grant({ id: 'g1', holderId: 'team-b' })], expected: false },
    { name: 'no grant at all', grants: [], expected: false },
  ])('$name → $expected', ({ grants, expected }) => {
    expect(holdsDelegatedAuthority(grants, 'team-a', new Set(['role-1']))).toBe(expected);
  });
});

describe('teamChangeNeedsOverride', () => {
  it.each([
    {
      who: 'an admin not in the team',
      actor: { isSystem: false, actsForOrganization: true, isTeamMember: false },
      autonomous: true,
      expected: true,
    },
    {
      who: 'an admin not in a team without rights',
      actor: { isSystem: false, actsForOrganization: true, isTeamMember: false },
      autonomous: false,
      expected: false,
    },
    {
      who: 'an admin who is in the team',
      actor: { isSystem: false, actsForOrganization: true, isTeamMember: true },
      autonomous: true,
      expected: false,
    },
    {
      who: 'a member of the team',
      actor: { isSystem: false, actsForOrganization: false, isTeamMember: true },
      autonomous: true,
      expected: false,
    },
    {
      who: 'the system (demo, import)',
      actor: { isSystem: true, actsForOrganization: true, isTeamMember: false },
      autonomous: true,
      expected: false,
    },
  ])('$who → $expected', ({ actor, autonomous, expected }) => {
    expect(teamChangeNeedsOverride(actor, autonomous)).toBe(expected);
  });
});

describe('decidingNeedsOverride', () => {
  it.each([
    { isOrgLevel: true, holdsThroughTeam: false, teamHoldsRight: true, expected: true },
    { isOrgLevel: true, holdsThroughTeam: true, teamHoldsRight: true, expected: false },
    { isOrgLevel: true, holdsThroughTeam: false, teamHoldsRight: false, expected: false },
    { isOrgLevel: false, holdsThroughTeam: true, teamHoldsRight: true, expected: false },
  ])('org level $isOrgLevel, through team $holdsThroughTeam, team holds $teamHoldsRight → $expected', ({ expected, ...state }) => {
    expect(decidingNeedsOverride(state)).toBe(expected);
  });
});

describe('overrideReason', () => {
  it('takes the body first, then the query; blank is none', () => {
    expect(overrideReason({ reason: ' urgent ' }, 'query')).toBe('urgent');
    expect(overrideReason(undefined, 'from the query')).toBe('from the query');
    expect(overrideReason({ reason: '  ' })).toBeNull();
    expect(overrideReason(null)).toBeNull();
  });
});

describe('quarterOf', () => {
  it('is the quarter on the zone’s calendar: 23:30 UTC on 31 December is already Q1 in Berlin', () => {
    const now = Date.UTC(2026, 11, 31, 23, 30);
    expect(quarterOf(now, 'Europe/Berlin')).toEqual({
      quarter: '2027-Q1',
      from: Date.UTC(2026, 11, 31, 23, 0),
      to: Date.UTC(2027, 2, 31, 22, 0),
    });
    expect(quarterOf(now, 'UTC')).toEqual({ quarter: '2026-Q4', from: Date.UTC(2026, 9, 1), to: Date.UTC(2027, 0, 1) });
  });
  it('labels each month’s quarter', () => {
    expect([0, 2, 3, 5, 6, 8, 9, 11].map((m) => quarterOf(Date.UTC(2026, m, 15), 'UTC').quarter)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q2',
      '2026-Q3',
      '2026-Q3',
      '2026-Q4',
      '2026-Q4',
    ]);
  });
});
