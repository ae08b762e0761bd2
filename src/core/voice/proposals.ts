import type { FieldErrorCode, FieldErrorParams } from '../errors.js';
/**
 * Rules of client proposals (M7): the support threshold, the statuses a proposal moves through,
 * and when the owed answer counts as given in time. Pure: no I/O, no clock.
 */

import { DAY_MS } from '../promises/window.js';

export type ProposalStatus = 'open' | 'under_consideration' | 'accepted' | 'declined' | 'implemented' | 'merged';
export type ImplementedType = 'promise' | 'experiment' | 'decision';

/**
 * Supports a proposal needs: `count` → the value itself; `share` → ceil(basisPoints × clients ÷
 * 10000) of the segment's clients. At least 1 either way (an empty segment still needs one support).
 */
export function computeThreshold(kind: 'count' | 'share', value: number, clientsInSegment: number): number {
  if (kind === 'count') return Math.max(1, Math.floor(value));
  return Math.max(1, Math.ceil((value * Math.max(0, clientsInSegment)) / 10_000));
}

/** Statuses a proposal may move to from each status by a staff decision (merging is its own act). */
export const NEXT_STATUSES: Record<ProposalStatus, readonly ProposalStatus[]> = {
  open: ['under_consideration', 'accepted', 'declined'],
  under_consideration: ['open', 'accepted', 'declined'],
  accepted: ['implemented', 'declined'],
  declined: ['under_consideration', 'accepted'],
  implemented: [],
  merged: [],
};

/** Statuses that answer the proposal: the organization has said yes or no. */
export const ANSWERED_STATUSES: readonly ProposalStatus[] = ['accepted', 'declined', 'implemented'];

/** Statuses a client may still support (or withdraw support from). */
export const SUPPORTABLE_STATUSES: readonly ProposalStatus[] = ['open', 'under_consideration'];

export interface StatusChange {
  to: ProposalStatus;
  answer?: string | null;
  implementedType?: ImplementedType | null;
  implementedId?: string | null;
}

export type TransitionProblem = {
  path: 'status' | 'answer' | 'implementedType' | 'implementedId';
  code: FieldErrorCode;
  params: FieldErrorParams;
  reason: string;
  conflict: boolean;
};

/**
 * Checks a status change. Returns null when allowed, else the field at fault and why: accepted and
 * declined need an answer text; implemented comes only after accepted and needs a link (a promise,
 * an experiment or a decision); merged is terminal and reached only by merging. `conflict` is true
 * when the proposal's current status is what forbids it (409), false when the input is lacking (422).
 */
export function checkTransition(from: ProposalStatus, change: StatusChange): TransitionProblem | null {
  const required = { code: 'required', params: {}, conflict: false } as const;
  if (change.to === 'merged')
    return { path: 'status', code: 'not_allowed', params: {}, reason: 'a proposal is merged by merging it into another', conflict: false };
  if (from === change.to)
    return { path: 'status', code: 'wrong_status', params: { status: from }, reason: `the proposal is already ${from}`, conflict: true };
  if (!NEXT_STATUSES[from].includes(change.to)) {
    return {
      path: 'status',
      code: 'wrong_status',
      params: { status: from },
      reason: `a proposal ${from.replace('_', ' ')} cannot become ${change.to.replace('_', ' ')}`,
      conflict: true,
    };
  }
  if ((change.to === 'accepted' || change.to === 'declined') && !change.answer?.trim()) {
    return { path: 'answer', ...required, reason: `say why: an answer is required to mark a proposal ${change.to}` };
  }
  if (change.to === 'implemented') {
    if (!change.implementedType)
      return { path: 'implementedType', ...required, reason: 'name what implements it: a promise, an experiment or a decision' };
    if (!change.implementedId?.trim())
      return { path: 'implementedId', ...required, reason: 'name the promise, experiment or decision that implements it' };
  }
  return null;
}

/** When the threshold is reached at `reachedAt`, the answer is due `responseDays` later. */
export function answerDueAt(reachedAt: number, responseDays: number): number {
  return reachedAt + responseDays * DAY_MS;
}

/** True when this support count crosses a threshold not reached before. */
export function crossesThreshold(supports: number, threshold: number, alreadyReachedAt: number | null): boolean {
  return alreadyReachedAt === null && supports >= threshold;
}

/**
 * The event the owed answer gives the answer promise, or null while nothing is settled: answered at
 * or before the due time → good, at the answer's time; answered after it, or not answered by `now`
 * past it → bad, at the due time. No due time (the threshold was never reached) → null.
 */
export function answerEvent(dueAt: number | null, answeredAt: number | null, now: number): { good: boolean; occurredAt: number } | null {
  if (dueAt === null) return null;
  if (answeredAt !== null) return answeredAt <= dueAt ? { good: true, occurredAt: answeredAt } : { good: false, occurredAt: dueAt };
  return now >= dueAt ? { good: false, occurredAt: dueAt } : null;
}

/** The external id of the event an owed answer gives: one per proposal, so sending it again changes nothing. */
export function answerEventId(proposalId: string): string {
  return `proposal:${proposalId}:answer`;
}

export interface Obligation {
  thresholdReachedAt: number | null;
  answerDueAt: number | null;
  answeredAt: number | null;
}

/**
 * What merging a duplicate does to the answer it is owed. Nothing owed (or already answered) →
 * nothing. Overdue at `now` → it stays with the duplicate (its bad event is due anyway). The
 * survivor already answered → the duplicate is answered now by that answer. Otherwise the
 * obligation moves to the survivor, due at the earlier of the two due times, so merging never
 * postpones an answer.
 */
export function mergeObligation(
  duplicate: Obligation,
  survivor: Obligation & { isAnswered: boolean },
  now: number,
):
  | { kind: 'none' }
  | { kind: 'overdue' }
  | { kind: 'answered_by_survivor' }
  | { kind: 'moved'; thresholdReachedAt: number; answerDueAt: number } {
  if (duplicate.answerDueAt === null || duplicate.answeredAt !== null) return { kind: 'none' };
  if (now > duplicate.answerDueAt) return { kind: 'overdue' };
  if (survivor.isAnswered) return { kind: 'answered_by_survivor' };
  return {
    kind: 'moved',
    thresholdReachedAt: Math.min(survivor.thresholdReachedAt ?? Number.POSITIVE_INFINITY, duplicate.thresholdReachedAt ?? now),
    answerDueAt: Math.min(survivor.answerDueAt ?? Number.POSITIVE_INFINITY, duplicate.answerDueAt),
  };
}
