import type { z } from 'zod';
import type {
  PROPOSAL_SORTS,
  ZChangeStatus,
  ZCreateProposal,
  ZLinkImplementation,
  ZModerationItem,
  ZProposal,
} from '../../../../src/modules/proposals/proposal.schema';
import { api, orgPath, type Page } from '../../shared/api/client';

export type Proposal = z.input<typeof ZProposal>;
export type ProposalStatus = Proposal['status'];
export type ProposalSort = (typeof PROPOSAL_SORTS)[number];
export type ProposalInput = z.input<typeof ZCreateProposal>;
export type StatusInput = z.input<typeof ZChangeStatus>;
export type ImplementationInput = z.input<typeof ZLinkImplementation>;
export type ModerationItem = z.input<typeof ZModerationItem>;

/** The server's lists, in the order the screens show them. */
export const PROPOSAL_STATUSES: readonly ProposalStatus[] = [
  'open',
  'under_consideration',
  'accepted',
  'declined',
  'implemented',
  'merged',
];
export const SORTS: readonly ProposalSort[] = ['supported', 'newest', 'trending'];

export interface SimilarProposal {
  id: string;
  title: string;
  status: 'open' | 'under_consideration';
  supports: number;
  threshold: number;
  score: number;
}

export interface ProposalQuery {
  sort?: ProposalSort;
  status?: ProposalStatus;
  segmentId?: string;
  hidden?: 'exclude' | 'include' | 'only';
  q?: string;
  implementedBy?: string;
  cursor?: string;
  limit?: number;
}

export const proposalsApi = {
  list: (org: string, query: ProposalQuery = {}) => api.get<Page<Proposal>>(orgPath(org, 'proposals'), { limit: 50, ...query }),
  get: (org: string, id: string) => api.get<Proposal>(orgPath(org, 'proposals', id)),
  create: (org: string, input: ProposalInput) => api.post<Proposal>(orgPath(org, 'proposals'), input),
  setStatus: (org: string, id: string, input: StatusInput) => api.post<Proposal>(orgPath(org, 'proposals', id, 'status'), input),
  implement: (org: string, id: string, input: ImplementationInput) =>
    api.post<Proposal>(orgPath(org, 'proposals', id, 'implementation'), input),
  merge: (org: string, id: string, intoId: string) => api.post<Proposal>(orgPath(org, 'proposals', id, 'merge'), { intoId }),
  /** Open proposals like a text (title and body), best first. */
  similar: (org: string, text: string) =>
    api.get<{ items: SimilarProposal[]; compared: number }>(orgPath(org, 'proposals', 'similar'), { text }),
  moderation: (org: string, cursor?: string) => api.get<Page<ModerationItem>>(orgPath(org, 'moderation'), { cursor, limit: 50 }),
  resolve: (org: string, id: string, resolution: 'kept' | 'removed') =>
    api.post<{ id: string; hiddenAt: string | null }>(orgPath(org, 'moderation', id, 'resolve'), { resolution }),
  /** Picker options: the organization's segments, promises and decisions (first pages). */
  segments: (org: string) => api.get<Page<{ id: string; name: string }>>(orgPath(org, 'segments'), { limit: 200 }),
  promises: (org: string) => api.get<Page<{ id: string; title: string }>>(orgPath(org, 'promises'), { limit: 200 }),
  decisions: (org: string) => api.get<Page<{ id: string; title: string }>>(orgPath(org, 'decisions'), { limit: 200 }),
};
