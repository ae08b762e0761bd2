import { describe, expect, it } from 'vitest';
import type { Gain, Pain, ValueItem } from '../../shared/api/types';
import type { Workspace } from './discovery.api';
import { namesOf, relatedIds, toggledTargets, withTargets } from './workspace-model';

const pain = (id: string, severity: number, answeredBy: string[] = []): Pain => ({
  id,
  segmentId: 's',
  text: id,
  severity,
  frequency: 1,
  priority: severity,
  contextWhere: '',
  contextWhen: '',
  contextWho: '',
  contextChannel: '',
  status: 'open',
  answeredBy,
  evidenceCount: 0,
  createdAt: '1970-01-01T00:00:00.000Z',
  updatedAt: '1970-01-01T00:00:00.000Z',
});
const gain = (id: string, createdBy: string[] = []): Gain => ({
  id,
  segmentId: 's',
  text: id,
  relevance: 3,
  createdBy,
  evidenceCount: 0,
  createdAt: '1970-01-01T00:00:00.000Z',
  updatedAt: '1970-01-01T00:00:00.000Z',
});
const item = (id: string, kind: ValueItem['kind'], targetIds: string[]): ValueItem => ({
  id,
  segmentId: 's',
  kind,
  name: `name ${id}`,
  description: '',
  targetIds,
  createdAt: '1970-01-01T00:00:00.000Z',
  updatedAt: '1970-01-01T00:00:00.000Z',
});

const workspace: Workspace = {
  segment: {
    id: 's',
    name: 'S',
    description: '',
    sizeEstimate: null,
    kind: 'customer',
    createdAt: '1970-01-01T00:00:00.000Z',
    updatedAt: '1970-01-01T00:00:00.000Z',
  },
  context: {
    segmentId: 's',
    situation: '',
    regulations: '',
    market: '',
    channels: '',
    version: 0,
    updatedAt: null,
    updatedBy: null,
    filledCount: 0,
    fieldCount: 4,
    isComplete: false,
    missing: ['situation', 'regulations', 'market', 'channels'],
    evidenceCount: 0,
  },
  needs: [],
  pains: [pain('p5', 5, ['r1']), pain('p3', 3), pain('p2', 2, ['r1'])],
  gains: [gain('g1', ['c1'])],
  valueItems: [item('r1', 'reliever', ['p5', 'p2']), item('c1', 'creator', ['g1']), item('x', 'product', [])],
  fit: { fit: 0.7, hasPains: true, answeredSeverity: 7, totalSeverity: 10, unanswered: [] },
};

describe('the workspace links', () => {
  it('highlight a reliever with its pains, and a pain with its relievers', () => {
    expect([...relatedIds(workspace, { side: 'value', id: 'r1' })].sort()).toEqual(['p2', 'p5', 'r1']);
    expect([...relatedIds(workspace, { side: 'profile', id: 'p5' })].sort()).toEqual(['p5', 'r1']);
    expect([...relatedIds(workspace, { side: 'profile', id: 'g1' })].sort()).toEqual(['c1', 'g1']);
    expect(relatedIds(workspace, null).size).toBe(0);
  });

  it('toggle a pain in and out of a reliever', () => {
    const reliever = workspace.valueItems[0]!;
    expect(toggledTargets(reliever, 'p3')).toEqual(['p5', 'p2', 'p3']);
    expect(toggledTargets(reliever, 'p5')).toEqual(['p2']);
  });

  it('update both sides when the links of a reliever are replaced', () => {
    const next = withTargets(workspace, 'r1', ['p3']);
    expect(next.valueItems[0]?.targetIds).toEqual(['p3']);
    expect(next.pains.map((p) => p.answeredBy)).toEqual([[], ['r1'], []]);
    expect(next.gains).toBe(workspace.gains);
  });

  it('name the relievers of a pain', () => {
    expect(namesOf(workspace, ['r1'])).toEqual([{ id: 'r1', name: 'name r1' }]);
  });
});
