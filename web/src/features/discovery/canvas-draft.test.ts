import { describe, expect, it } from 'vitest';
import * as server from '../../../../src/modules/discovery/canvas.schema';
import type { Canvas } from '../../shared/api/types';
import {
  actionOf,
  addCompetitor,
  addFactor,
  bodyOf,
  type CanvasDraft,
  clampLevel,
  contentOf,
  draftOf,
  errorKeyOf,
  hasBlankNames,
  MAX_COMPETITORS,
  MAX_FACTORS,
  moveFactor,
  removeCompetitor,
  setCompetitorLevel,
  updateFactor,
  withoutBlankRows,
  withSavedIds,
} from './canvas-draft';

/** A factor set by hand: bound to no promise. */
const HAND_SET = { manualCurrent: 0, promiseId: null, measured: null };

const canvas: Canvas = {
  id: 'c1',
  segmentId: 's1',
  name: 'СтройДом против альтернатив',
  currentLabel: '',
  targetLabel: '',
  competitors: [
    { id: 'k1', name: 'Обычная стройфирма' },
    { id: 'k2', name: 'Самострой' },
  ],
  factors: [
    {
      ...HAND_SET,
      manualCurrent: 6,
      id: 'f1',
      name: 'Цена',
      position: 0,
      current: 6,
      target: 6,
      competitorLevels: [5, 3],
      action: 'unchanged',
    },
    { ...HAND_SET, id: 'f2', name: 'Паспорт дома', position: 1, current: 0, target: 9, competitorLevels: [0, 0], action: 'create' },
  ],
  errc: { eliminate: [], reduce: [], raise: [], create: ['f2'], unchanged: ['f1'] },
  createdAt: 0,
  updatedAt: 0,
};

describe('the canvas draft', () => {
  it('keeps the server limits', () => {
    expect(MAX_FACTORS).toBe(server.MAX_FACTORS);
    expect(MAX_COMPETITORS).toBe(server.MAX_COMPETITORS);
  });

  it('round-trips a canvas into the PUT body with ids and aligned levels', () => {
    expect(bodyOf(draftOf(canvas))).toEqual({
      name: canvas.name,
      currentLabel: '',
      targetLabel: '',
      competitors: canvas.competitors,
      factors: [
        { id: 'f1', name: 'Цена', current: 6, target: 6, competitorLevels: [5, 3] },
        { id: 'f2', name: 'Паспорт дома', current: 0, target: 9, competitorLevels: [0, 0] },
      ],
    });
  });

  it('adds a level to every factor with a competitor and drops that column when the competitor goes', () => {
    let draft = addCompetitor(draftOf(canvas));
    expect(draft.factors.map((f) => f.levels)).toEqual([
      [5, 3, 0],
      [0, 0, 0],
    ]);
    draft = removeCompetitor(draft, 'k1');
    expect(draft.competitors.map((c) => c.name)).toEqual(['Самострой', '']);
    expect(draft.factors.map((f) => f.levels)).toEqual([
      [3, 0],
      [0, 0],
    ]);
  });

  it('moves factors within bounds only', () => {
    const draft = draftOf(canvas);
    expect(moveFactor(draft, 'f2', -1).factors.map((f) => f.id)).toEqual(['f2', 'f1']);
    expect(moveFactor(draft, 'f2', 1)).toBe(draft);
  });

  it('gives new rows the ids the server assigned, keeping edits made while saving', () => {
    const sent = addCompetitor(addFactor(draftOf(canvas)));
    const newFactor = sent.factors[2]!.key;
    const edited = updateFactor(sent, newFactor, { name: 'Скорость ответа' });
    const saved: Canvas = {
      ...canvas,
      competitors: [...canvas.competitors, { id: 'k3', name: '' }],
      factors: [
        ...canvas.factors,
        { ...HAND_SET, id: 'f3', name: '', position: 2, current: 0, target: 0, competitorLevels: [0, 0, 0], action: 'unchanged' },
      ],
    };
    const merged = withSavedIds(edited, sent, saved);
    expect(merged.factors[2]).toMatchObject({ id: 'f3', key: newFactor, name: 'Скорость ответа' });
    expect(merged.competitors[2]?.id).toBe('k3');
  });

  it('puts a server error on the row that was sent at that index', () => {
    const sent = moveFactor(draftOf(canvas), 'f2', -1);
    expect(errorKeyOf(sent, 'factors.0.current')).toBe('f2.current');
    expect(errorKeyOf(sent, 'competitors.1.name')).toBe('k2.name');
    expect(errorKeyOf(sent, 'name')).toBe('name');
  });

  it('tells when a save is needed and when it would be refused', () => {
    const draft: CanvasDraft = draftOf(canvas);
    expect(contentOf(setCompetitorLevel(draft, 'f1', 0, 5))).toBe(contentOf(draft));
    expect(contentOf(setCompetitorLevel(draft, 'f1', 0, 6))).not.toBe(contentOf(draft));
    expect(hasBlankNames(draft)).toBe(false);
    expect(hasBlankNames(addFactor(draft))).toBe(true);
  });

  it('leaves out unnamed rows, with the levels of an unnamed competitor', () => {
    const draft = addFactor(addCompetitor(draftOf(canvas)));
    const kept = withoutBlankRows(draft);
    expect(kept.factors.map((f) => f.id)).toEqual(['f1', 'f2']);
    expect(kept.competitors.map((c) => c.id)).toEqual(['k1', 'k2']);
    expect(kept.factors.map((f) => f.levels)).toEqual([
      [5, 3],
      [0, 0],
    ]);
  });

  it('clamps typed levels to whole numbers 0–10', () => {
    expect([clampLevel(11), clampLevel(-1), clampLevel('7'), clampLevel(''), clampLevel(4.6)]).toEqual([10, 0, 7, 0, 5]);
  });

  it('previews the ERRC action with the server rule', () => {
    expect(actionOf({ current: 5, target: 0, levels: [3] })).toBe('eliminate');
    expect(actionOf({ current: 3, target: 8, levels: [2] })).toBe('raise');
    expect(actionOf({ current: 0, target: 7, levels: [0] })).toBe('create');
  });
});
