import { describe, expect, it } from 'vitest';
import type { Grant } from './rights.js';
import { type AdviceAddressee, answerableBy, capHeld, openingBlock, type Standing, teamHoldsRight } from './standing.js';

const grant = (id: string, holderType: Grant['holderType'], holderId: string, cap: number | null, extra: Partial<Grant> = {}): Grant => ({
  id,
  rightId: 'warranty',
  holderType,
  holderId,
  parentId: null,
  limits: { spendingCap: cap },
  revokedAt: null,
  ...extra,
});

// Team "service" holds the warranty right up to 50k; its role "engineer" up to 150k; team "office"
// held it uncapped until it was revoked; a sub-grant to "night" hangs under the revoked office grant.
const grants = [
  grant('g-service', 'team', 'service', 50_000_00),
  grant('g-engineer', 'role', 'engineer', 150_000_00),
  grant('g-office', 'team', 'office', null, { revokedAt: 1 }),
  grant('g-night', 'team', 'night', 10_000_00, { parentId: 'g-office' }),
  grant('g-schedule', 'team', 'service', null, { rightId: 'schedule' }),
];
const byId = new Map(grants.map((g) => [g.id, g] as const));

const standing = (over: Partial<Standing> = {}): Standing => ({
  userId: 'anna',
  isOrgLevel: false,
  teamIds: new Set<string>(),
  roleTeams: new Map<string, string>(),
  ...over,
});

describe('the cap a person holds a right with, for a decision of a team', () => {
  it.each([
    ['a member of the holding team: the team cap', standing({ teamIds: new Set(['service']) }), 'service', 50_000_00],
    ['not a member of the holding team: not held', standing(), 'service', undefined],
    ['a role of the team: the role cap', standing({ roleTeams: new Map([['engineer', 'service']]) }), 'service', 150_000_00],
    [
      'both team and role: the wider cap',
      standing({ teamIds: new Set(['service']), roleTeams: new Map([['engineer', 'service']]) }),
      'service',
      150_000_00,
    ],
    ['a role of another team: not held for this team', standing({ roleTeams: new Map([['engineer', 'office']]) }), 'service', undefined],
    ['a revoked grant: not held', standing({ teamIds: new Set(['office']) }), 'office', undefined],
    ['a grant under a revoked one: not held', standing({ teamIds: new Set(['night']) }), 'night', undefined],
    ['admin or council: every right, uncapped', standing({ isOrgLevel: true }), 'anywhere', null],
  ] as const)('%s', (_name, who, teamId, expected) => {
    expect(capHeld(who, grants, byId, 'warranty', teamId)).toBe(expected);
  });

  it('an uncapped grant of another right does not count', () => {
    expect(capHeld(standing({ teamIds: new Set(['service']) }), grants, byId, 'schedule', 'service')).toBeNull();
    expect(capHeld(standing({ teamIds: new Set(['service']) }), grants, byId, 'budget', 'service')).toBeUndefined();
  });
});

describe('whether a team holds a right', () => {
  it.each([
    ['the team itself', 'service', [], 'warranty', true],
    ['through one of its roles', 'crews', ['engineer'], 'warranty', true],
    ['neither', 'crews', ['driver'], 'warranty', false],
    ['only revoked', 'office', [], 'warranty', false],
    ['under a revoked grant', 'night', [], 'warranty', false],
    ['another right', 'service', [], 'budget', false],
  ] as const)('%s', (_name, teamId, roleIds, rightId, expected) => {
    expect(teamHoldsRight(grants, byId, rightId, teamId, new Set(roleIds))).toBe(expected);
  });
});

describe('advice a person may answer', () => {
  const requests: (AdviceAddressee & { id: string })[] = [
    { id: 'to-anna', adviser_type: 'user', adviser_id: 'anna', answered_by: null },
    { id: 'to-igor', adviser_type: 'user', adviser_id: 'igor', answered_by: null },
    { id: 'to-service', adviser_type: 'team', adviser_id: 'service', answered_by: null },
    { id: 'to-office-by-igor', adviser_type: 'team', adviser_id: 'office', answered_by: 'igor' },
    { id: 'to-crews-by-anna', adviser_type: 'team', adviser_id: 'crews', answered_by: 'anna' },
  ];

  it.each([
    ['addressed to them only', standing(), ['to-anna']],
    ['and their unanswered team', standing({ teamIds: new Set(['service']) }), ['to-anna', 'to-service']],
    ['not a team answered by another member', standing({ teamIds: new Set(['office']) }), ['to-anna']],
    ['a team they answered themselves, to change it', standing({ teamIds: new Set(['crews']) }), ['to-anna', 'to-crews-by-anna']],
    ['nobody answers nothing', standing({ userId: null, teamIds: new Set(['service']) }), []],
  ] as const)('%s', (_name, who, expected) => {
    expect(answerableBy(who, requests).map((r) => r.id)).toEqual(expected);
  });
});

describe('opening a decision under a right', () => {
  it.each([
    ['the team holds it, a member opens', true, false, false, null],
    ['the team holds it, a council team', true, false, true, null],
    ['not held, a member opens', false, false, false, 'decider_lacks_right'],
    ['not held, a member of a council team opens', false, false, true, 'decider_lacks_right'],
    ['not held, the organization opens for an ordinary team', false, true, false, 'team_lacks_right'],
    ['not held, the organization opens for a council team', false, true, true, null],
  ] as const)('%s', (_name, holds, actsForOrganization, isCouncilTeam, code) => {
    expect(openingBlock({ teamHoldsRight: holds, actsForOrganization, isCouncilTeam })?.code ?? null).toBe(code);
  });
});
