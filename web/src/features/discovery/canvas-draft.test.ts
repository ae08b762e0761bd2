import { describe, expect, it } from 'vitest';
import * as server from '../../../../src/modules/discovery/canvas.schema';
import type { Canvas } from '../../shared/api/types';
import {
  actionOf,
  addCompetitor,
  addFactor,
  bindFactor,
  bodyOf,
  type CanvasDraft,
  clampLevel,
  contentOf,
  currentLevelOf,
  draftOf,
  errorKeyOf,
  hasBlankNames,
  MAX_COMPETITORS,
  MAX_FACTORS,
  measurementOf,
  moveFactor,
  removeCompetitor,
  setCompetitorLevel,
  updateFactor,
  withoutBlankRows,
  withSaved,
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
  createdAt: '1970-01-01T00:00:00.000Z',
  updatedAt: '1970-01-01T00:00:00.000Z',
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
        { id: 'f1', name: 'Цена', current: 6, target: 6, competitorLevels: [5, 3], promiseId: null },
        { id: 'f2', name: 'Паспорт дома', current: 0, target: 9, competitorLevels: [0, 0], promiseId: null },
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
    const merged = withSaved(edited, sent, saved);
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
    expect(actionOf({ current: 5, target: 0, levels: [3], promiseId: null, measure: null })).toBe('eliminate');
    expect(actionOf({ current: 3, target: 8, levels: [2], promiseId: null, measure: null })).toBe('raise');
    expect(actionOf({ current: 0, target: 7, levels: [0], promiseId: null, measure: null })).toBe('create');
  });
});

/** A factor measured by promise p1: 17 good of 20 events, the hand-set level 4 underneath. */
const measuredCanvas: Canvas = {
  ...canvas,
  factors: [
    {
      id: 'f1',
      name: 'Срок стройки',
      position: 0,
      current: 8.5,
      manualCurrent: 4,
      target: 9,
      competitorLevels: [5, 3],
      action: 'raise',
      promiseId: 'p1',
      measured: { attainment: 0.85, status: 'broken' },
    },
    { ...canvas.factors[1]!, promiseId: 'p2', measured: { attainment: null, status: 'no_data' } },
  ],
};

describe('a factor measured by a promise', () => {
  it('uses attainment × 10 as the current level, and sends the level set by hand with the promise', () => {
    const draft = draftOf(measuredCanvas);
    const [measured, noData] = draft.factors;
    expect(measurementOf(measured!)).toEqual({ kind: 'measured', promiseId: 'p1', status: 'broken', attainment: 0.85, level: 8.5 });
    expect(currentLevelOf(measured!)).toBe(8.5);
    expect(actionOf(measured!)).toBe('raise');
    // No data yet: the level set by hand stays, and the factor says why.
    expect(measurementOf(noData!)).toEqual({ kind: 'noData', promiseId: 'p2', status: 'no_data' });
    expect(currentLevelOf(noData!)).toBe(0);
    expect(bodyOf(draft).factors.map((f) => [f.current, f.promiseId])).toEqual([
      [4, 'p1'],
      [0, 'p2'],
    ]);
  });

  it('binds and unbinds: a change to save, pending until the server measures it, the hand-set level back on unbinding', () => {
    const draft = draftOf(measuredCanvas);
    const unbound = bindFactor(draft, 'f1', null);
    expect(contentOf(unbound)).not.toBe(contentOf(draft));
    expect(measurementOf(unbound.factors[0]!)).toEqual({ kind: 'manual' });
    expect(currentLevelOf(unbound.factors[0]!)).toBe(4);
    expect(bodyOf(unbound).factors[0]).toMatchObject({ current: 4, promiseId: null });

    const rebound = bindFactor(unbound, 'f1', 'p3');
    expect(measurementOf(rebound.factors[0]!)).toEqual({ kind: 'pending', promiseId: 'p3' });
    expect(currentLevelOf(rebound.factors[0]!)).toBe(4);
    // Back to the promise it was measured by: that reading shows again at once, nothing to save.
    const back = bindFactor(unbound, 'f1', 'p1');
    expect(currentLevelOf(back.factors[0]!)).toBe(8.5);
    expect(contentOf(back)).toBe(contentOf(draft));
  });

  it('takes the server’s reading after a save, unless the binding changed meanwhile', () => {
    const sent = bindFactor(draftOf(canvas), 'f1', 'p1');
    const saved: Canvas = { ...canvas, factors: [measuredCanvas.factors[0]!, canvas.factors[1]!] };
    const merged = withSaved(sent, sent, saved);
    expect(currentLevelOf(merged.factors[0]!)).toBe(8.5);
    expect(contentOf(merged)).toBe(contentOf(sent));

    const changedMeanwhile = withSaved(bindFactor(sent, 'f1', 'p9'), sent, saved);
    expect(measurementOf(changedMeanwhile.factors[0]!)).toEqual({ kind: 'pending', promiseId: 'p9' });
    const unboundAfterSave = withSaved(draftOf(measuredCanvas), draftOf(measuredCanvas), canvas);
    expect(unboundAfterSave.factors.map((f) => f.measure)).toEqual([null, null]);
  });

  it('puts a refused promise on the factor’s binding field', () => {
    expect(errorKeyOf(draftOf(measuredCanvas), 'factors.1.promiseId')).toBe('f2.promiseId');
  });
});
