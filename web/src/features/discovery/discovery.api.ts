import type { z } from 'zod';
import type { ZSaveSegmentContext, ZSegmentContext } from '../../../../src/modules/discovery/context.schema';
import type {
  ZCreateEvidence,
  ZCreateGain,
  ZCreateNeed,
  ZCreatePain,
  ZCreateSegment,
  ZUpdateEvidence,
} from '../../../../src/modules/discovery/discovery.schema';
import type { ZCreateValueItem } from '../../../../src/modules/discovery/value.schema';
import { api, orgPath, type Page } from '../../shared/api/client';
import type { Evidence, EvidenceSubject, Fit, Gain, Need, Pain, Segment, ValueItem } from '../../shared/api/types';

export type SegmentInput = z.input<typeof ZCreateSegment>;
export type NeedInput = z.input<typeof ZCreateNeed>;
export type PainInput = z.input<typeof ZCreatePain>;
export type GainInput = z.input<typeof ZCreateGain>;
export type EvidenceInput = z.input<typeof ZCreateEvidence>;
export type EvidenceChange = z.input<typeof ZUpdateEvidence>;
export type ValueItemInput = z.input<typeof ZCreateValueItem>;
/** The context of step 2 for one segment: four parts, how many are filled, who wrote it last. */
export type SegmentContext = z.input<typeof ZSegmentContext>;
export type SegmentContextInput = z.input<typeof ZSaveSegmentContext>;

/** One answer with everything the segment workspace shows: context, customer profile, value map and fit. */
export interface Workspace {
  segment: Segment;
  context: SegmentContext;
  needs: Need[];
  pains: Pain[];
  gains: Gain[];
  valueItems: ValueItem[];
  fit: Fit;
}

/** The three kinds of customer-profile items, by their API path (evidence may also back the segment's context). */
export type ProfileKind = Exclude<EvidenceSubject, 'context'>;
const PROFILE_PATHS: Record<ProfileKind, string> = { need: 'needs', pain: 'pains', gain: 'gains' };
type ProfileInput = { need: NeedInput; pain: PainInput; gain: GainInput };

export interface ImportResult {
  imported: boolean;
  needs: number;
  pains: number;
}

export const discoveryApi = {
  segments: (org: string, cursor?: string) => api.get<Page<Segment>>(orgPath(org, 'segments'), { cursor, limit: 100 }),
  segment: (org: string, id: string) => api.get<Segment>(orgPath(org, 'segments', id)),
  createSegment: (org: string, input: SegmentInput) => api.post<Segment>(orgPath(org, 'segments'), input),
  updateSegment: (org: string, id: string, input: Partial<SegmentInput>) => api.patch<Segment>(orgPath(org, 'segments', id), input),
  removeSegment: (org: string, id: string) => api.delete(orgPath(org, 'segments', id)),
  workspace: (org: string, id: string) => api.get<Workspace>(orgPath(org, 'segments', id, 'workspace')),
  putContext: (org: string, id: string, input: SegmentContextInput) =>
    api.put<SegmentContext>(orgPath(org, 'segments', id, 'context'), input),
  importCsv: (org: string, id: string, csv: string, dryRun: boolean) =>
    api.post<ImportResult>(orgPath(org, 'segments', id, 'import'), { csv, dryRun }),

  createItem: <K extends ProfileKind>(org: string, kind: K, segmentId: string, input: ProfileInput[K]) =>
    api.post<unknown>(orgPath(org, 'segments', segmentId, PROFILE_PATHS[kind]), input),
  updateItem: <K extends ProfileKind>(org: string, kind: K, id: string, input: Partial<ProfileInput[K]>) =>
    api.patch<unknown>(orgPath(org, PROFILE_PATHS[kind], id), input),
  removeItem: (org: string, kind: ProfileKind, id: string) => api.delete(orgPath(org, PROFILE_PATHS[kind], id)),

  evidence: (org: string, subjectType: EvidenceSubject, subjectId: string, cursor?: string) =>
    api.get<Page<Evidence>>(orgPath(org, 'evidence'), { subjectType, subjectId, cursor, limit: 100 }),
  createEvidence: (org: string, input: EvidenceInput) => api.post<Evidence>(orgPath(org, 'evidence'), input),
  updateEvidence: (org: string, id: string, input: EvidenceChange) => api.patch<Evidence>(orgPath(org, 'evidence', id), input),
  removeEvidence: (org: string, id: string) => api.delete(orgPath(org, 'evidence', id)),

  createValueItem: (org: string, segmentId: string, input: ValueItemInput) =>
    api.post<ValueItem>(orgPath(org, 'segments', segmentId, 'value-items'), input),
  updateValueItem: (org: string, id: string, input: Partial<Omit<ValueItemInput, 'kind'>>) =>
    api.patch<ValueItem>(orgPath(org, 'value-items', id), input),
  removeValueItem: (org: string, id: string) => api.delete(orgPath(org, 'value-items', id)),
};
