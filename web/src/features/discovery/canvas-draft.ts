/**
 * The canvas being edited, as plain data with pure operations. Rows carry a local `key` so that a
 * row keeps its identity (and its field errors) while it is new, moved or saved; `id` is the
 * server's, once it has one.
 */
import { classifyFactor, MAX_LEVEL, MIN_LEVEL, measuredLevel } from '../../../../src/core/discovery/errc';
import type { Canvas, CanvasFactor, ErrcAction } from '../../shared/api/types';
import type { CanvasBody } from './canvas.api';

/** The server's limits (canvas.schema.ts; a test keeps them equal without bundling the schema). */
export const MAX_FACTORS = 30;
export const MAX_COMPETITORS = 8;

export interface DraftCompetitor {
  key: string;
  id?: string;
  name: string;
}

/** What the server last said about the promise a factor was bound to when saved. */
export interface FactorMeasure {
  promiseId: string;
  /** A share 0–1; null while the promise has no data. */
  attainment: number | null;
  status: NonNullable<CanvasFactor['measured']>['status'];
}

export interface DraftFactor {
  key: string;
  id?: string;
  name: string;
  /** The level set by hand; while the factor is measured it waits underneath and comes back on unbinding. */
  current: number;
  target: number;
  /** One level per competitor, in the order of the competitors. */
  levels: number[];
  /** The promise that measures the factor; null: the level is set by hand. */
  promiseId: string | null;
  /** The server's reading of the bound promise, as of the last load or save (see `measurementOf`). */
  measure: FactorMeasure | null;
}

/**
 * Where the current level of a factor comes from: set by hand; bound but not saved yet (the server
 * has not measured it); bound to a promise with no data yet (the level set by hand stays); or
 * measured, `level` = attainment × 10.
 */
export type Measurement =
  | { kind: 'manual' }
  | { kind: 'pending'; promiseId: string }
  | { kind: 'noData'; promiseId: string; status: FactorMeasure['status'] }
  | { kind: 'measured'; promiseId: string; status: FactorMeasure['status']; attainment: number; level: number };

export interface CanvasDraft {
  name: string;
  currentLabel: string;
  targetLabel: string;
  competitors: DraftCompetitor[];
  factors: DraftFactor[];
}

let counter = 0;
const newKey = (prefix: string) => `${prefix}-new-${++counter}`;

/** The draft of a canvas as the server sent it. */
export function draftOf(canvas: Canvas): CanvasDraft {
  return {
    name: canvas.name,
    currentLabel: canvas.currentLabel,
    targetLabel: canvas.targetLabel,
    competitors: canvas.competitors.map((c) => ({ key: c.id, id: c.id, name: c.name })),
    factors: canvas.factors.map((f) => ({
      key: f.id,
      id: f.id,
      name: f.name,
      // The answer's `current` is the measured level when there is one; the draft keeps the hand-set one.
      current: f.manualCurrent,
      target: f.target,
      levels: [...f.competitorLevels],
      promiseId: f.promiseId,
      measure: measureOf(f),
    })),
  };
}

/** The body of PUT /canvases/{id}: the whole canvas, rows in their order. */
export function bodyOf(draft: CanvasDraft): CanvasBody {
  return {
    name: draft.name,
    currentLabel: draft.currentLabel,
    targetLabel: draft.targetLabel,
    competitors: draft.competitors.map((c) => (c.id ? { id: c.id, name: c.name } : { name: c.name })),
    factors: draft.factors.map((f) => ({
      ...(f.id ? { id: f.id } : {}),
      name: f.name,
      // A measured level is the promise's, not the canvas's: the level set by hand is what is stored.
      current: f.current,
      target: f.target,
      competitorLevels: f.levels,
      promiseId: f.promiseId,
    })),
  };
}

/** What the canvas says, without ids: two drafts with the same content need no save between them. */
export function contentOf(draft: CanvasDraft): string {
  return JSON.stringify([
    draft.name,
    draft.currentLabel,
    draft.targetLabel,
    draft.competitors.map((c) => c.name),
    draft.factors.map((f) => [f.name, f.current, f.target, f.levels, f.promiseId]),
  ]);
}

/** True while some factor or competitor has no name yet: the server would refuse the canvas. */
export function hasBlankNames(draft: CanvasDraft): boolean {
  return [...draft.competitors, ...draft.factors].some((row) => row.name.trim() === '') || draft.name.trim() === '';
}

/** The draft without the factors and competitors that have no name yet (a competitor takes its levels along). */
export function withoutBlankRows(draft: CanvasDraft): CanvasDraft {
  let next = { ...draft, factors: draft.factors.filter((f) => f.name.trim() !== '') };
  for (const competitor of draft.competitors) if (competitor.name.trim() === '') next = removeCompetitor(next, competitor.key);
  return next;
}

/** A whole level 0–10 from whatever an input holds (empty → 0). */
export function clampLevel(value: number | string): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return MIN_LEVEL;
  return Math.min(MAX_LEVEL, Math.max(MIN_LEVEL, Math.round(number)));
}

export function addFactor(draft: CanvasDraft): CanvasDraft {
  if (draft.factors.length >= MAX_FACTORS) return draft;
  const factor: DraftFactor = {
    key: newKey('factor'),
    name: '',
    current: 0,
    target: 0,
    levels: draft.competitors.map(() => 0),
    promiseId: null,
    measure: null,
  };
  return { ...draft, factors: [...draft.factors, factor] };
}

export function updateFactor(
  draft: CanvasDraft,
  key: string,
  change: Partial<Omit<DraftFactor, 'key' | 'id' | 'promiseId' | 'measure'>>,
): CanvasDraft {
  return { ...draft, factors: draft.factors.map((f) => (f.key === key ? { ...f, ...change } : f)) };
}

/**
 * Binds a factor to a promise (null: unbinds it; the level set by hand comes back). The last
 * measure is kept: binding back to the promise it was read from shows that reading again at once.
 */
export function bindFactor(draft: CanvasDraft, key: string, promiseId: string | null): CanvasDraft {
  return { ...draft, factors: draft.factors.map((f) => (f.key === key ? { ...f, promiseId } : f)) };
}

/** Where the current level of a factor comes from (see `Measurement`). */
export function measurementOf(factor: Pick<DraftFactor, 'promiseId' | 'measure'>): Measurement {
  const { promiseId, measure } = factor;
  if (!promiseId) return { kind: 'manual' };
  if (!measure || measure.promiseId !== promiseId) return { kind: 'pending', promiseId };
  const level = measuredLevel(measure.attainment);
  if (level === null || measure.attainment === null) return { kind: 'noData', promiseId, status: measure.status };
  return { kind: 'measured', promiseId, status: measure.status, attainment: measure.attainment, level };
}

/** The current level the chart and the ERRC grid use: attainment × 10 when measured, else the level set by hand. */
export function currentLevelOf(factor: Pick<DraftFactor, 'current' | 'promiseId' | 'measure'>): number {
  const measurement = measurementOf(factor);
  return measurement.kind === 'measured' ? measurement.level : factor.current;
}

export function setCompetitorLevel(draft: CanvasDraft, factorKey: string, competitorIndex: number, level: number): CanvasDraft {
  return {
    ...draft,
    factors: draft.factors.map((f) =>
      f.key === factorKey ? { ...f, levels: f.levels.map((l, j) => (j === competitorIndex ? level : l)) } : f,
    ),
  };
}

export function removeFactor(draft: CanvasDraft, key: string): CanvasDraft {
  return { ...draft, factors: draft.factors.filter((f) => f.key !== key) };
}

/** Moves a factor up (−1) or down (+1); at either end nothing changes. */
export function moveFactor(draft: CanvasDraft, key: string, delta: -1 | 1): CanvasDraft {
  const from = draft.factors.findIndex((f) => f.key === key);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= draft.factors.length) return draft;
  const factors = [...draft.factors];
  [factors[from], factors[to]] = [factors[to] as DraftFactor, factors[from] as DraftFactor];
  return { ...draft, factors };
}

export function addCompetitor(draft: CanvasDraft): CanvasDraft {
  if (draft.competitors.length >= MAX_COMPETITORS) return draft;
  return {
    ...draft,
    competitors: [...draft.competitors, { key: newKey('competitor'), name: '' }],
    factors: draft.factors.map((f) => ({ ...f, levels: [...f.levels, 0] })),
  };
}

export function renameCompetitor(draft: CanvasDraft, key: string, name: string): CanvasDraft {
  return { ...draft, competitors: draft.competitors.map((c) => (c.key === key ? { ...c, name } : c)) };
}

/** Removes a competitor and its column of levels. */
export function removeCompetitor(draft: CanvasDraft, key: string): CanvasDraft {
  const index = draft.competitors.findIndex((c) => c.key === key);
  if (index < 0) return draft;
  return {
    ...draft,
    competitors: draft.competitors.filter((c) => c.key !== key),
    factors: draft.factors.map((f) => ({ ...f, levels: f.levels.filter((_, j) => j !== index) })),
  };
}

/**
 * After a save of `sent`, gives the rows of `draft` that were new in `sent` the ids the server
 * assigned (the answer lists rows in the order they were sent) and every factor the server's
 * reading of its promise, keeping edits made meanwhile.
 */
export function withSaved(draft: CanvasDraft, sent: CanvasDraft, saved: Canvas): CanvasDraft {
  const ids = new Map<string, string>();
  const measures = new Map<string, FactorMeasure | null>();
  sent.factors.forEach((f, i) => {
    const answer = saved.factors[i];
    if (!answer) return;
    if (!f.id) ids.set(f.key, answer.id);
    measures.set(f.key, measureOf(answer));
  });
  sent.competitors.forEach((c, i) => {
    const id = saved.competitors[i]?.id;
    if (!c.id && id) ids.set(c.key, id);
  });
  return {
    ...draft,
    factors: draft.factors.map((f) => ({
      ...f,
      ...(!f.id && ids.has(f.key) ? { id: ids.get(f.key) } : {}),
      ...(measures.has(f.key) ? { measure: measures.get(f.key) ?? null } : {}),
    })),
    competitors: draft.competitors.map((c) => (!c.id && ids.has(c.key) ? { ...c, id: ids.get(c.key) } : c)),
  };
}

/**
 * Where a server error path of a sent draft belongs in the editor: `factors.2.current` → the row
 * key of the third factor sent and the field, e.g. `<key>.current`; `name` stays `name`.
 */
export function errorKeyOf(sent: CanvasDraft, path: string): string {
  const match = /^(factors|competitors)\.(\d+)(?:\.(\w+))?/.exec(path);
  if (!match) return path;
  const rows: { key: string }[] = match[1] === 'factors' ? sent.factors : sent.competitors;
  const row = rows[Number(match[2])];
  if (!row) return path;
  return `${row.key}.${match[3] ?? 'name'}`;
}

/** The ERRC action of a factor as the server will derive it (same rule, imported from the core), from the level it uses. */
export function actionOf(factor: Pick<DraftFactor, 'current' | 'target' | 'levels' | 'promiseId' | 'measure'>): ErrcAction {
  return classifyFactor(currentLevelOf(factor), factor.target, factor.levels);
}

/** The reading of a saved factor's promise, or null when it is set by hand. */
function measureOf(factor: CanvasFactor): FactorMeasure | null {
  return factor.promiseId && factor.measured ? { promiseId: factor.promiseId, ...factor.measured } : null;
}
