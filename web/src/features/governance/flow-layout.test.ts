import { describe, expect, it } from 'vitest';
import { type Box, clipText, type FlowLayout, layoutFlow } from './flow-layout';
import type { Grant } from './governance.api';

const teams = [
  { id: 't-council', name: 'Совет клиентов и сотрудников', kind: 'council' },
  { id: 't-warranty', name: 'Гарантийный сервис и рекламации', kind: 'autonomous' },
  { id: 't-estimates', name: 'Сметный отдел', kind: 'autonomous' },
  { id: 't-crews', name: 'Бригады отделочных работ', kind: 'autonomous' },
];
const RIGHTS = [
  'Решать гарантийные случаи без согласования с руководством',
  'Утверждать сметы и дополнительные соглашения к договорам',
  'Возвращать деньги клиентам при нарушении обещаний',
];

let next = 0;
function grant(patch: Partial<Grant> & Pick<Grant, 'holderType' | 'holderId' | 'holderName'>): Grant {
  const cut = patch.holderName.lastIndexOf(' / ');
  const teamName = patch.holderType === 'role' ? patch.holderName.slice(0, cut) : patch.holderName;
  next += 1;
  return {
    id: `g${next}`,
    holderTeamId: teams.find((t) => t.name === teamName)?.id ?? `t-${teamName}`,
    holderTeamName: teamName,
    holderRoleName: patch.holderType === 'role' ? patch.holderName.slice(cut + 3) : null,
    rightId: 'r0',
    rightName: RIGHTS[0] as string,
    parentGrantId: null,
    grantedBy: 'council',
    limits: { spendingCap: 15_000_000, scope: null },
    active: true,
    createdAt: '1970-01-01T00:00:00.000Z',
    revokedAt: null,
    ...patch,
  };
}

/** A busy organization: every right granted by the organization and the council to three teams, passed on to roles and to another team. */
function busyGrants(): Grant[] {
  const grants: Grant[] = [];
  RIGHTS.forEach((rightName, r) => {
    for (const team of teams.slice(1)) {
      const top = grant({
        holderType: 'team',
        holderId: team.id,
        holderName: team.name,
        rightId: `r${r}`,
        rightName,
        grantedBy: r === 2 ? 'organization' : 'council',
      });
      grants.push(top);
      grants.push(
        grant({
          holderType: 'role',
          holderId: `${team.id}-lead`,
          holderName: `${team.name} / Старший мастер по работе с клиентами`,
          rightId: `r${r}`,
          rightName,
          grantedBy: 'delegation',
          parentGrantId: top.id,
        }),
      );
    }
    const warranty = grants.find((g) => g.holderId === 't-warranty' && g.rightId === `r${r}`) as Grant;
    grants.push(
      grant({
        holderType: 'team',
        holderId: 't-crews',
        holderName: 'Бригады отделочных работ',
        rightId: `r${r}`,
        rightName,
        grantedBy: 'delegation',
        parentGrantId: warranty.id,
      }),
    );
  });
  return grants;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function collisions(layout: FlowLayout): string[] {
  const found: string[] = [];
  layout.edges.forEach((edge, i) => {
    for (const node of layout.nodes) if (overlaps(edge.labelBox, node)) found.push(`${edge.grant.id} label on node ${node.label}`);
    layout.edges.slice(i + 1).forEach((other) => {
      if (overlaps(edge.labelBox, other.labelBox)) found.push(`${edge.grant.id} label on ${other.grant.id} label`);
    });
  });
  return found;
}

describe('rights-flow layout', () => {
  it('never puts a label on another label or on a node, with long Russian names', () => {
    const grants = busyGrants();
    const layout = layoutFlow(grants, grants, teams, { organization: 'ООО «РемонтПро»', council: 'Совет' }, (g) => [
      g.rightName,
      'до 150 000,00 ₽ за раз',
    ]);
    expect(layout.edges).toHaveLength(grants.length);
    expect(collisions(layout)).toEqual([]);
    for (const edge of layout.edges) {
      // Every label stays inside the drawing, below the column headings.
      expect(edge.labelBox.x, edge.grant.id).toBeGreaterThanOrEqual(0);
      expect(edge.labelBox.x + edge.labelBox.w, edge.grant.id).toBeLessThanOrEqual(layout.width);
      expect(edge.labelBox.y, edge.grant.id).toBeGreaterThanOrEqual(28);
      expect(edge.labelBox.y + edge.labelBox.h, edge.grant.id).toBeLessThanOrEqual(layout.height);
    }
  });

  it('cuts a label to the room of its edge: into a team 22 characters, into a role 25', () => {
    const grants = busyGrants();
    const layout = layoutFlow(grants, grants, teams, { organization: 'Org', council: 'Совет' }, (g) => [g.rightName, '']);
    const intoTeam = layout.edges.find((e) => e.grant.holderType === 'team' && e.grant.grantedBy === 'council');
    const intoRole = layout.edges.find((e) => e.grant.holderType === 'role');
    // 156 px between the council column and the arrow into a team, 176 px before a role, 7 px a character.
    expect(intoTeam?.labelLines[0]).toBe('Решать гарантийные сл…');
    expect(intoRole?.labelLines[0]).toBe('Решать гарантийные случа…');
    expect(intoRole?.labelLines[0]).toHaveLength(25);
  });

  it('a short label is not cut', () => {
    expect(clipText('Скидки', 22)).toBe('Скидки');
    expect(clipText('Решать гарантийные случаи', 10)).toBe('Решать га…');
  });
});
