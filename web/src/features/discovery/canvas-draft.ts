/**
 * The canvas being edited, as plain data with pure operations. Rows carry a local `key` so that a
 * row keeps its identity (and its field errors) while it is new, moved or saved; `id` is the
 * server's, once it has one.
 */
import { classifyFactor, MAX_LEVEL, MIN_LEVEL } from '../../../../src/core/discovery/errc';
import type { Canvas, ErrcAction } from '../../shared/api/types';
import type { CanvasBody } from './canvas.api';

/** The server's limits (canvas.schema.ts; a test keeps them equal without bundling the schema). */
export const MAX_FACTORS = 30;
export const MAX_COMPETITORS = 8;

export interface DraftCompetitor {
  key: string;
  id?: string;
  name: string;
}

export interface DraftFactor {
  key: string;
  id?: string;
  name: string;
  current: number;
  target: number;
  /** One level per competitor, in the order of the competitors. */
  levels: number[];
  /** Bound to a promise: `current` is then its attainment × 10 and the level set by hand waits here. */
  measured?: { attainment: number | null; status: string; manualCurrent: number } | null;
  promiseId?: string | null;
}

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
      current: f.current,
      target: f.target,
      levels: [...f.competitorLevels],
      promiseId: f.promiseId,
      measured: f.measured && f.measured.attainment !== null ? { ...f.measured, manualCurrent: f.manualCurrent } : null,
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
      // A measured level is the promise's, not the canvas's: the level set by hand is kept.
      current: f.measured ? f.measured.manualCurrent : f.current,
      target: f.target,
      competitorLevels: f.levels,
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
    draft.factors.map((f) => [f.name, f.current, f.target, f.levels]),
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
  const factor: DraftFactor = { key: newKey('factor'), name: '', current: 0, target: 0, levels: draft.competitors.map(() => 0) };
  return { ...draft, factors: [...draft.factors, factor] };
}

export function updateFactor(draft: CanvasDraft, key: string, change: Partial<Omit<DraftFactor, 'key' | 'id'>>): CanvasDraft {
  return { ...draft, factors: draft.factors.map((f) => (f.key === key ? { ...f, ...change } : f)) };
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
 * assigned (the answer lists rows in the order they were sent), keeping edits made meanwhile.
 */
export function withSavedIds(draft: CanvasDraft, sent: CanvasDraft, saved: Canvas): CanvasDraft {
  const ids = new Map<string, string>();
  sent.factors.forEach((f, i) => {
    const id = saved.factors[i]?.id;
    if (!f.id && id) ids.set(f.key, id);
  });
  sent.competitors.forEach((c, i) => {
    const id = saved.competitors[i]?.id;
    if (!c.id && id) ids.set(c.key, id);
  });
  if (ids.size === 0) return draft;
  return {
    ...draft,
    factors: draft.factors.map((f) => (!f.id && ids.has(f.key) ? { ...f, id: ids.get(f.key) } : f)),
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

/** The ERRC action of a factor as the server will derive it (same rule, imported from the core). */
export function actionOf(factor: Pick<DraftFactor, 'current' | 'target' | 'levels'>): ErrcAction {
  return classifyFactor(factor.current, factor.target, factor.levels);
}
