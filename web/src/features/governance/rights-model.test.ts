import { describe, expect, it } from 'vitest';
import { toMinorUnits as toMinor } from '../../../../src/core/money';
import { layoutFlow } from './flow-layout';
import { formatMoney } from './format';
import type { Grant } from './governance.api';
import { chainLabels, grantState, originChain, roleOf } from './rights-model';

const teams = [
  { id: 't-warranty', name: 'Гарантийный сервис', kind: 'autonomous' },
  { id: 't-council', name: 'Совет', kind: 'council' },
  { id: 't-ab', name: 'A / B', kind: 'autonomous' },
];

function grant(patch: Partial<Grant> & Pick<Grant, 'id' | 'holderType' | 'holderId' | 'holderName'>): Grant {
  // The API names a role "Team / Role" and gives its team apart; the fixtures say which team by the name.
  const cut = patch.holderName.lastIndexOf(' / ');
  const teamName = patch.holderType === 'role' ? patch.holderName.slice(0, cut) : patch.holderName;
  return {
    holderTeamId: teams.find((t) => t.name === teamName)?.id ?? `t-${teamName}`,
    holderTeamName: teamName,
    holderRoleName: patch.holderType === 'role' ? patch.holderName.slice(cut + 3) : null,
    rightId: 'r-warranty',
    rightName: 'Решать гарантийные случаи',
    parentGrantId: null,
    grantedBy: 'council',
    limits: { spendingCap: null, scope: null },
    active: true,
    createdAt: '1970-01-01T00:00:00.000Z',
    revokedAt: null,
    ...patch,
  };
}

const team = grant({
  id: 'g1',
  holderType: 'team',
  holderId: 't-warranty',
  holderName: 'Гарантийный сервис',
  limits: { spendingCap: 15_000_000, scope: null },
});
const role = grant({
  id: 'g2',
  holderType: 'role',
  holderId: 'r-duty',
  holderName: 'Гарантийный сервис / Дежурный инженер',
  parentGrantId: 'g1',
  grantedBy: 'delegation',
  limits: { spendingCap: 3_000_000, scope: null },
});
const byId = new Map([team, role].map((g) => [g.id, g] as const));
const names = { organization: 'СтройДом', council: 'Совет управляющих' };

describe('where a right came from', () => {
  it('reads the chain from the council down to the role, naming a role under its own team alone', () => {
    expect(chainLabels(originChain(role, byId), names)).toEqual(['Совет управляющих', 'Гарантийный сервис', 'Дежурный инженер']);
  });

  it('starts at the organization for a grant an admin made', () => {
    const direct = grant({
      id: 'g3',
      holderType: 'team',
      holderId: 't-warranty',
      holderName: 'Гарантийный сервис',
      grantedBy: 'organization',
    });
    expect(chainLabels(originChain(direct, new Map([['g3', direct]])), names)).toEqual(['СтройДом', 'Гарантийный сервис']);
  });

  it('names a role of another team in full', () => {
    const other = grant({
      id: 'g4',
      holderType: 'role',
      holderId: 'r-eng',
      holderName: 'A / B / Инженер',
      parentGrantId: 'g1',
      grantedBy: 'delegation',
    });
    expect(chainLabels(originChain(other, byId), names)).toEqual(['Совет управляющих', 'Гарантийный сервис', 'A / B / Инженер']);
  });

  it('takes a role’s team and own name from the API, even for a team whose name contains " / "', () => {
    const engineer = grant({ id: 'g5', holderType: 'role', holderId: 'r-eng', holderName: 'A / B / Инженер' });
    expect(roleOf(engineer)).toEqual({ teamName: 'A / B', teamId: 't-ab', roleName: 'Инженер' });
  });

  it('tells revoked from cut off above', () => {
    expect(grantState({ active: false, revokedAt: '2026-11-01T10:00:00.000Z' })).toBe('revoked');
    expect(grantState({ active: false, revokedAt: null })).toBe('inactive');
    expect(grantState({ active: true, revokedAt: null })).toBe('active');
  });
});

describe('the rights-flow diagram', () => {
  it('draws an edge from the council to the team and from the team to its role', () => {
    const layout = layoutFlow([team, role], [team, role], teams, names);
    expect(layout.edges.map((e) => [e.from, e.to])).toEqual([
      ['council', 'team:t-warranty'],
      ['team:t-warranty', 'role:r-duty'],
    ]);
    const node = (key: string) => layout.nodes.find((n) => n.key === key);
    expect(node('role:r-duty')).toMatchObject({
      kind: 'role',
      label: 'Дежурный инженер',
      sublabel: 'Гарантийный сервис',
      teamId: 't-warranty',
    });
    expect(node('council')?.teamId).toBe('t-council');
    // Columns left to right: organization, council, teams, roles.
    expect((node('council')?.x ?? 0) < (node('team:t-warranty')?.x ?? 0)).toBe(true);
    expect((node('team:t-warranty')?.x ?? 0) < (node('role:r-duty')?.x ?? 0)).toBe(true);
  });

  it('keeps the holder of a hidden parent as the source, so a filtered view still shows who passed it on', () => {
    const layout = layoutFlow([role], [team, role], teams, names);
    expect(layout.edges[0]?.from).toBe('team:t-warranty');
    expect(layout.nodes.some((n) => n.key === 'team:t-warranty')).toBe(true);
  });

  it('runs an organization edge past the council node, never through it', () => {
    const direct = grant({
      id: 'g5',
      holderType: 'team',
      holderId: 't-warranty',
      holderName: 'Гарантийный сервис',
      grantedBy: 'organization',
    });
    const layout = layoutFlow([direct, team], [direct, team], teams, names);
    const council = layout.nodes.find((n) => n.key === 'council');
    const organization = layout.nodes.find((n) => n.key === 'organization');
    expect(council && organization && council.y >= organization.y + organization.h).toBe(true);
  });
});

describe('money', () => {
  it('formats minor units in the currency, kopecks only when there are any', () => {
    expect(formatMoney(15_000_000, 'RUB', 'ru').replace(/\s/g, ' ')).toBe('150 000 ₽');
    expect(formatMoney(50_050, 'EUR', 'en')).toBe('€500.50');
    expect(formatMoney(1000, 'JPY', 'en')).toBe('JP¥1,000');
  });

  it('turns typed major units into whole minor units', () => {
    expect(toMinor(150_000.5, 'RUB')).toBe(15_000_050);
    expect(toMinor(1000, 'JPY')).toBe(1000);
    expect(toMinor(null, 'RUB')).toBeNull();
  });
});
