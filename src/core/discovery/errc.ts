/** The four actions of the Blue Ocean ERRC grid, plus factors the target leaves as they are. */
export type ErrcAction = 'eliminate' | 'reduce' | 'raise' | 'create' | 'unchanged';

/** Offering levels are integers 0–10. */
export const MIN_LEVEL = 0;
export const MAX_LEVEL = 10;

/**
 * Derives a factor's ERRC action from the curves (never typed separately):
 * eliminate — target 0 and current > 0; reduce — 0 < target < current;
 * raise — target > current and someone offers it now (current or a competitor > 0);
 * create — target > 0 while current and every competitor are 0; otherwise unchanged.
 */
export function classifyFactor(current: number, target: number, competitors: readonly number[]): ErrcAction {
  if (target === 0 && current > 0) return 'eliminate';
  if (target > 0 && target < current) return 'reduce';
  const offeredNow = current > 0 || competitors.some((level) => level > 0);
  if (target > current && offeredNow) return 'raise';
  if (target > 0 && !offeredNow) return 'create';
  return 'unchanged';
}

/**
 * The offering level of a factor measured by a promise: attainment (a share 0–1) × 10, rounded to one
 * decimal (0.853 → 8.5). No data yet (null) → null: the level set by hand stays, never 0 or 10.
 */
export function measuredLevel(attainment: number | null): number | null {
  if (attainment === null || !Number.isFinite(attainment)) return null;
  return Math.round(Math.min(1, Math.max(0, attainment)) * 100) / 10;
}

export interface ErrcFactor {
  id: string;
  name: string;
  current: number;
  target: number;
  competitors: readonly number[];
}

/** Groups factors by action, keeping the canvas order inside each group. */
export function buildErrcGrid(factors: readonly ErrcFactor[]): Record<ErrcAction, ErrcFactor[]> {
  const grid: Record<ErrcAction, ErrcFactor[]> = { eliminate: [], reduce: [], raise: [], create: [], unchanged: [] };
  for (const factor of factors) grid[classifyFactor(factor.current, factor.target, factor.competitors)].push(factor);
  return grid;
}
