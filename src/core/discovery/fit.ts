import { comparePains } from './priority.js';

export interface FitPain {
  id: string;
  severity: number;
  frequency: number;
  status: 'open' | 'answered' | 'retired';
  createdAt: number;
}

export interface FitResult {
  /** Σ severity of open pains answered by ≥ 1 reliever ÷ Σ severity of open pains; 0 when there are none. */
  fit: number;
  /** False when the segment has no open pains: show "no pains recorded", not a percentage. */
  hasPains: boolean;
  answeredSeverity: number;
  totalSeverity: number;
  /** Open pains no reliever answers, highest priority first. */
  unanswered: string[];
}

/**
 * Fit of a segment (M3). `answeredPainIds` are the pains linked to at least one pain reliever.
 * Only open pains count: answered and retired ones are out of the ratio.
 */
export function computeFit(pains: FitPain[], answeredPainIds: ReadonlySet<string>): FitResult {
  const open = pains.filter((p) => p.status === 'open');
  const totalSeverity = open.reduce((sum, p) => sum + p.severity, 0);
  const answered = open.filter((p) => answeredPainIds.has(p.id));
  const answeredSeverity = answered.reduce((sum, p) => sum + p.severity, 0);
  const unanswered = open
    .filter((p) => !answeredPainIds.has(p.id))
    .sort(comparePains)
    .map((p) => p.id);
  return {
    fit: totalSeverity === 0 ? 0 : answeredSeverity / totalSeverity,
    hasPains: open.length > 0,
    answeredSeverity,
    totalSeverity,
    unanswered,
  };
}
