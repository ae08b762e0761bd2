import type { z } from 'zod';
import type { FeedbackKind } from '../../../../src/core/voice/feedback';
import type { ZFeedback, ZSummary, ZSurvey, ZSurveyInput, ZTrend } from '../../../../src/modules/feedback/feedback.schema';
import { api, orgPath, type Page } from '../../shared/api/client';

export type Feedback = z.input<typeof ZFeedback>;
export type FeedbackSummary = z.input<typeof ZSummary>;
export type FeedbackTrend = z.input<typeof ZTrend>;
export type TrendPoint = FeedbackTrend['points'][number];
export type Survey = z.input<typeof ZSurvey>;
export type SurveyInput = z.input<typeof ZSurveyInput>;
export type SubjectType = NonNullable<Feedback['subjectType']>;
export type TrendBucket = FeedbackTrend['bucket'];
export type { FeedbackKind };

/** The lists the server validates against, in the order the forms show them. */
export const FEEDBACK_KINDS: readonly FeedbackKind[] = ['nps', 'csat', 'ces'];
export const SUBJECT_TYPES: readonly SubjectType[] = ['promise', 'team', 'touchpoint'];
/** Each kind's scale, as the server's SCORE_RANGE. */
export const SCALE: Record<FeedbackKind, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

/** What the figures, the trend and the list are filtered by. */
export interface FeedbackFilter {
  subjectType?: SubjectType;
  subjectId?: string;
  /** Days `YYYY-MM-DD` on the organization's calendar, both included. */
  from?: string;
  to?: string;
}

export const feedbackApi = {
  list: (org: string, filter: FeedbackFilter & { kind?: FeedbackKind; triaged?: 'yes' | 'no' }, cursor?: string) =>
    api.get<Page<Feedback>>(orgPath(org, 'feedback'), { ...filter, cursor, limit: 25 }),
  summary: (org: string, kind: FeedbackKind, filter: FeedbackFilter) =>
    api.get<FeedbackSummary>(orgPath(org, 'feedback', 'summary'), { kind, ...filter }),
  trend: (org: string, kind: FeedbackKind, bucket: TrendBucket, filter: FeedbackFilter) =>
    api.get<FeedbackTrend>(orgPath(org, 'feedback', 'trend'), { kind, bucket, ...filter }),
  triage: (org: string, id: string, painId: string | null) => api.post<Feedback>(orgPath(org, 'feedback', id, 'triage'), { painId }),
  /** Creates a pain of the segment and tags the response to it, in one request. */
  triageNew: (org: string, id: string, newPain: { segmentId: string; text: string; severity: number; frequency: number }) =>
    api.post<Feedback>(orgPath(org, 'feedback', id, 'triage'), { newPain }),
  reply: (org: string, id: string, text: string) => api.post<Feedback>(orgPath(org, 'feedback', id, 'reply'), { text }),
  surveys: (org: string, cursor?: string) => api.get<Page<Survey>>(orgPath(org, 'surveys'), { cursor, limit: 100 }),
  createSurvey: (org: string, input: SurveyInput) => api.post<Survey>(orgPath(org, 'surveys'), input),
  setSurveyActive: (org: string, id: string, active: boolean) => api.patch<Survey>(orgPath(org, 'surveys', id), { active }),
};
