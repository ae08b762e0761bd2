import type { z } from 'zod';
import type { ZAgreement, ZReview } from '../../../../src/modules/governance/agreement.schema';
import type { ZDecision } from '../../../../src/modules/governance/decision.schema';
import type { ZGrant, ZRight, ZRole } from '../../../../src/modules/governance/governance.schema';
import { api, orgPath, type Page } from '../../shared/api/client';

export type Agreement = z.input<typeof ZAgreement>;
export type Review = z.input<typeof ZReview>;
export type Decision = z.input<typeof ZDecision>;
export type Right = z.input<typeof ZRight>;
export type Grant = z.input<typeof ZGrant>;
export type TeamRole = z.input<typeof ZRole>;
export type AgreementStatus = Agreement['status'];
export type DecisionStatus = Decision['status'];
export type ReviewOutcome = Review['outcome'];

export const AGREEMENT_STATUSES: readonly AgreementStatus[] = ['active', 'under_review', 'retired'];
export const DECISION_STATUSES: readonly DecisionStatus[] = ['seeking_advice', 'ready', 'decided', 'retired'];
export const REVIEW_OUTCOMES: readonly ReviewOutcome[] = ['keep', 'amend', 'retire'];

/** The refusals of POST /decisions/{id}/decide: each has its own error code (and its own sentence on the page). */
export const DECIDE_BLOCKS: readonly string[] = [
  'too_few_options',
  'decider_lacks_right',
  'above_spending_cap',
  'advice_pending',
  'decision_already_taken',
];

export interface AgreementInput {
  title: string;
  driver: string;
  text: string;
  ownerType: 'team' | 'role';
  ownerId: string;
  criteria: string;
  reviewDate: string;
}

export type AgreementPatch = Partial<Omit<AgreementInput, 'ownerType' | 'ownerId'> & { status: AgreementStatus }>;

export interface ReviewInput {
  outcome: ReviewOutcome;
  note: string;
  nextReviewDate: string | null;
}

export interface DecisionInput {
  title: string;
  context: string;
  teamId: string;
  rightId: string;
  options: { title: string; description: string }[];
  amount: number | null;
  advisers: { type: 'user' | 'team'; id: string }[];
  adviceDeadline: string | null;
  reviewDate: string | null;
  touchesSegmentIds?: string[];
  adviceFromSegmentIds?: string[];
}

/** What the edit form may change: wording, options (while no advice is in), amount and deadline of an open decision; any review date. */
export type DecisionPatch = Partial<
  Pick<
    DecisionInput,
    'title' | 'context' | 'options' | 'amount' | 'adviceDeadline' | 'reviewDate' | 'touchesSegmentIds' | 'adviceFromSegmentIds'
  >
>;

/** Still in the advice process: neither taken nor withdrawn. */
export function isOpen(decision: Pick<Decision, 'status'>): boolean {
  return decision.status === 'seeking_advice' || decision.status === 'ready';
}

/** Withdrawn before it was taken (retired without a decision): its rationale holds the reason. */
export function isWithdrawn(decision: Pick<Decision, 'status' | 'decidedAt'>): boolean {
  return decision.status === 'retired' && decision.decidedAt === null;
}

export interface DueForReview {
  today: string;
  agreements: Agreement[];
  decisions: Decision[];
}

type ListQuery = { cursor?: string; limit?: number; status?: string; due?: 'true' | 'false' };

export const agreementsApi = {
  list: (org: string, teamId: string, query: ListQuery = {}) => api.get<Page<Agreement>>(orgPath(org, 'agreements'), { teamId, ...query }),
  get: (org: string, id: string) => api.get<Agreement>(orgPath(org, 'agreements', id)),
  create: (org: string, input: AgreementInput) => api.post<Agreement>(orgPath(org, 'agreements'), input),
  update: (org: string, id: string, patch: AgreementPatch) => api.patch<Agreement>(orgPath(org, 'agreements', id), patch),
  reviews: (org: string, id: string, cursor?: string) => api.get<Page<Review>>(orgPath(org, 'agreements', id, 'reviews'), { cursor }),
  review: (org: string, id: string, input: ReviewInput) => api.post<Review>(orgPath(org, 'agreements', id, 'reviews'), input),
};

export const decisionsApi = {
  list: (org: string, teamId: string, query: ListQuery = {}) => api.get<Page<Decision>>(orgPath(org, 'decisions'), { teamId, ...query }),
  get: (org: string, id: string) => api.get<Decision>(orgPath(org, 'decisions', id)),
  create: (org: string, input: DecisionInput) => api.post<Decision>(orgPath(org, 'decisions'), input),
  update: (org: string, id: string, patch: DecisionPatch) => api.patch<Decision>(orgPath(org, 'decisions', id), patch),
  withdraw: (org: string, id: string, reason: string) => api.post<Decision>(orgPath(org, 'decisions', id, 'withdraw'), { reason }),
  advise: (org: string, id: string, input: { advice: string; preferredOption: number | null }) =>
    api.post<Decision>(orgPath(org, 'decisions', id, 'advice'), input),
  decide: (
    org: string,
    id: string,
    input: {
      chosenOption: number;
      rationale: string;
      reviewDate?: string | null;
      clientRationale?: string | null;
      clientsNotAskedReason?: string | null;
      settles?: { proposalId: string; outcome: 'accepted' | 'declined' }[];
      /** Deciding from above a right delegated to the team: why (issue 17). */
      override?: { reason: string };
    },
  ) => api.post<Decision>(orgPath(org, 'decisions', id, 'decide'), input),
  reviews: (org: string, id: string, cursor?: string) => api.get<Page<Review>>(orgPath(org, 'decisions', id, 'reviews'), { cursor }),
  review: (org: string, id: string, input: ReviewInput) => api.post<Review>(orgPath(org, 'decisions', id, 'reviews'), input),
};

export const governanceApi = {
  due: (org: string) => api.get<DueForReview>(orgPath(org, 'governance', 'due')),
  roles: (org: string, teamId: string, cursor?: string) => api.get<Page<TeamRole>>(orgPath(org, 'teams', teamId, 'roles'), { cursor }),
  rights: (org: string, cursor?: string) => api.get<Page<Right>>(orgPath(org, 'rights'), { cursor }),
  /** Active grants held by a team or by one role. */
  grantsOf: (org: string, holderType: 'team' | 'role', holderId: string, cursor?: string) =>
    api.get<Page<Grant>>(orgPath(org, 'grants'), { holderType, holderId, active: 'true', cursor }),
};
