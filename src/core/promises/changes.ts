/**
 * What changed between two evaluations of a promise (the background evaluator): its status,
 * and which alert rows started or stopped firing. Pure: plain data in, plain data out.
 */
import type { PromiseStatus, Severity } from './compute.js';

/** An alert row as the status shows it, without whether it fires. */
export interface AlertRow {
  severity: Severity;
  longWindow: string;
  shortWindow: string;
  threshold: number;
}

export interface EvaluationSnapshot {
  status: PromiseStatus;
  /** The rows firing, in the order of the status's `alerts`. */
  firing: AlertRow[];
}

export interface EvaluationChanges {
  /** Null when the status is the same, or on the first evaluation (there is nothing to change from). */
  status: { from: PromiseStatus; to: PromiseStatus } | null;
  fired: AlertRow[];
  resolved: AlertRow[];
}

/** A row's identity: its severity and windows (a new version with another window makes other rows). */
export function alertKey(row: AlertRow): string {
  return `${row.severity}/${row.longWindow}/${row.shortWindow}`;
}

/** The firing rows of a status's `alerts`, without the `firing` flag. */
export function firingRows(alerts: readonly (AlertRow & { firing: boolean })[]): AlertRow[] {
  return alerts
    .filter((a) => a.firing)
    .map((a) => ({ severity: a.severity, longWindow: a.longWindow, shortWindow: a.shortWindow, threshold: a.threshold }));
}

/**
 * Compares an evaluation with the previous one. The first evaluation (`previous` null) is a baseline:
 * no status change, but every row already firing counts as fired — somebody must hear of it once.
 * A row fires when it was not firing before and resolves when it no longer fires.
 */
export function evaluationChanges(previous: EvaluationSnapshot | null, current: EvaluationSnapshot): EvaluationChanges {
  const before = new Set((previous?.firing ?? []).map(alertKey));
  const now = new Set(current.firing.map(alertKey));
  return {
    status: previous && previous.status !== current.status ? { from: previous.status, to: current.status } : null,
    fired: current.firing.filter((row) => !before.has(alertKey(row))),
    resolved: (previous?.firing ?? []).filter((row) => !now.has(alertKey(row))),
  };
}
