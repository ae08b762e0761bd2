import { z } from 'zod';
import { FEEDBACK_KINDS, isScoreInRange, SCORE_RANGE } from '../../core/voice/feedback.js';
import { ZId, ZPageQuery, ZTime } from '../common.schema.js';
import { ZCreatePain } from '../discovery/discovery.schema.js';

export const FEEDBACK_SUBJECTS = ['promise', 'team', 'touchpoint'] as const;
export const FEEDBACK_SOURCES = ['link', 'portal', 'api'] as const;
export const TREND_BUCKETS = ['week', 'month'] as const;

export const ZFeedbackKind = z.enum(FEEDBACK_KINDS).describe('nps (0–10), csat (1–5) or ces (1–7)');
const ZSubjectType = z.enum(FEEDBACK_SUBJECTS);
const ZSubjectId = z.string().trim().min(1, 'must not be empty').max(200).describe('a promise or team id, or the touchpoint’s name');
export const ZComment = z.string().trim().max(4000).default('');
/** Scores on every scale fit 0–10; the kind's own range is checked beside the kind. */
const ZScore = z.number().int('must be a whole number').min(0).max(10);

/** A subject needs both halves: the type and the id (or, for a touchpoint, its name). */
function checkSubject(v: { subjectType?: string; subjectId?: string }, ctx: z.RefinementCtx) {
  if (v.subjectType && !v.subjectId)
    ctx.addIssue({
      code: 'custom',
      path: ['subjectId'],
      message: `required with subjectType ${v.subjectType}`,
      params: { code: 'required' },
    });
  if (v.subjectId && !v.subjectType)
    ctx.addIssue({ code: 'custom', path: ['subjectType'], message: 'required with subjectId', params: { code: 'required' } });
}

function checkScore(v: { kind: (typeof FEEDBACK_KINDS)[number]; score?: number | null }, ctx: z.RefinementCtx) {
  if (v.score !== undefined && v.score !== null && !isScoreInRange(v.kind, v.score)) {
    const { min, max } = SCORE_RANGE[v.kind];
    ctx.addIssue({
      code: 'custom',
      path: ['score'],
      message: `${v.kind} scores are whole numbers from ${min} to ${max}`,
      params: { code: 'out_of_range', minimum: min, maximum: max },
    });
  }
}

const ZAnsweredAt = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-11-01T10:00:00Z' });

export const ZFeedbackInput = z
  .object({
    kind: ZFeedbackKind,
    score: ZScore.nullable().optional().describe('omitted or null: the client skipped the score (it does not count in n)'),
    comment: ZComment,
    subjectType: ZSubjectType.optional(),
    subjectId: ZSubjectId.optional(),
    clientId: ZId.optional(),
    answeredAt: ZAnsweredAt.optional().describe('when the client answered; now when omitted; not in the future'),
  })
  .superRefine((v, ctx) => {
    checkScore(v, ctx);
    checkSubject(v, ctx);
  })
  .meta({ id: 'FeedbackInput' });
export type TFeedbackInput = z.output<typeof ZFeedbackInput>;

export const ZFeedback = z
  .object({
    id: z.string(),
    kind: ZFeedbackKind,
    score: z.number().int().nullable(),
    comment: z.string(),
    subjectType: ZSubjectType.nullable(),
    subjectId: z.string().nullable(),
    subjectName: z.string().nullable().describe('the promise’s title, the team’s or the touchpoint’s name'),
    client: z.object({ id: z.string(), name: z.string() }).nullable(),
    surveyId: z.string().nullable(),
    source: z.enum(FEEDBACK_SOURCES),
    answeredAt: ZTime,
    pain: z.object({ id: z.string(), text: z.string(), segmentId: z.string(), segmentName: z.string() }).nullable(),
    triagedAt: ZTime.nullable(),
    reply: z.string().nullable(),
    repliedAt: ZTime.nullable(),
    repliedBy: z.string().nullable(),
    createdAt: ZTime,
  })
  .meta({ id: 'Feedback' });
export type TFeedback = z.output<typeof ZFeedback>;

/** A real calendar day: Date rolls 2026-02-31 over to March, so the round trip must come back unchanged. */
const isRealDay = (v: string) => {
  const parsed = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === v;
};

/** A day `YYYY-MM-DD` on the organization's calendar, or an ISO-8601 instant. */
const ZBound = z
  .string()
  .max(40)
  .refine((v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? isRealDay(v) : z.iso.datetime({ offset: true }).safeParse(v).success), {
    message: 'must be a date YYYY-MM-DD or an ISO-8601 date-time',
    params: { code: 'invalid_date' },
  })
  .meta({ examples: ['2026-10-01'] });

const filterFields = {
  subjectType: ZSubjectType.optional(),
  subjectId: ZSubjectId.optional(),
  from: ZBound.optional().describe('from this day (the organization’s calendar) or instant, inclusive'),
  to: ZBound.optional().describe('to this day, inclusive, or up to this instant, exclusive'),
};
export type TFeedbackFilter = {
  kind?: (typeof FEEDBACK_KINDS)[number];
  subjectType?: (typeof FEEDBACK_SUBJECTS)[number];
  subjectId?: string;
  clientId?: string;
  from?: string;
  to?: string;
};

export const ZFeedbackQuery = ZPageQuery.extend({
  kind: ZFeedbackKind.optional(),
  ...filterFields,
  clientId: ZId.optional(),
  triaged: z.enum(['yes', 'no']).optional().describe('yes: tagged to a pain; no: not yet'),
});

export const ZSummaryQuery = z.object({ kind: ZFeedbackKind.default('nps'), ...filterFields });
export const ZTrendQuery = z.object({
  kind: ZFeedbackKind.default('nps'),
  ...filterFields,
  bucket: z.enum(TREND_BUCKETS).default('month').describe('weeks start on Monday in the organization’s time zone'),
});

const summaryFields = {
  kind: ZFeedbackKind,
  n: z.number().int().describe('answered responses: those without a score do not count'),
  score: z.number().nullable().describe('NPS −100…100, CSAT % of 4 and 5, CES mean; 2 decimals; null when n is 0'),
  promoters: z.number().int().optional().describe('NPS only: 9–10'),
  passives: z.number().int().optional().describe('NPS only: 7–8'),
  detractors: z.number().int().optional().describe('NPS only: 0–6'),
};
export const ZSummary = z.object(summaryFields).meta({ id: 'FeedbackSummary' });
export const ZTrend = z
  .object({
    kind: ZFeedbackKind,
    bucket: z.enum(TREND_BUCKETS),
    timeZone: z.string(),
    points: z.array(
      z.object({ bucket: z.string().describe('YYYY-MM-DD (week’s Monday) or YYYY-MM'), from: ZTime, to: ZTime, ...summaryFields }),
    ),
  })
  .meta({ id: 'FeedbackTrend' });

export const ZTriage = z
  .object({
    painId: ZId.nullable().optional().describe('the pain it is evidence of; null removes the tag'),
    newPain: ZCreatePain.extend({ segmentId: ZId.describe('the segment whose pain it is') })
      .optional()
      .describe(
        'a pain to create and tag the response to, in the same transaction (instead of painId: both is 422 naming newPain); needs discovery:write',
      ),
  })
  .superRefine((v, ctx) => {
    if (v.newPain === undefined && v.painId === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['painId'],
        message: 'name a pain (or null to remove the tag), or send newPain',
        params: { code: 'one_of', fields: ['painId', 'newPain'] },
      });
  })
  .meta({ id: 'FeedbackTriage' });
export type TTriage = z.output<typeof ZTriage>;
export const ZReply = z.object({ text: z.string().trim().min(1, 'must not be empty').max(4000) }).meta({ id: 'FeedbackReply' });

export const ZSurveyInput = z
  .object({
    kind: ZFeedbackKind,
    question: z.string().trim().min(1, 'must not be empty').max(500),
    subjectType: ZSubjectType.optional(),
    subjectId: ZSubjectId.optional(),
  })
  .superRefine(checkSubject)
  .meta({ id: 'SurveyInput' });
export type TSurveyInput = z.output<typeof ZSurveyInput>;
export const ZSurveyPatch = z
  .object({
    question: z.string().trim().min(1, 'must not be empty').max(500).optional(),
    active: z.boolean().optional().describe('false deactivates the public link'),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'SurveyPatch' });
export type TSurveyPatch = z.output<typeof ZSurveyPatch>;

export const ZSurvey = z
  .object({
    id: z.string(),
    kind: ZFeedbackKind,
    question: z.string(),
    subjectType: ZSubjectType.nullable(),
    subjectId: z.string().nullable(),
    subjectName: z.string().nullable(),
    publicKey: z.string(),
    url: z.string().describe('the public link anyone may answer through'),
    active: z.boolean(),
    responses: z.number().int(),
    createdAt: ZTime,
  })
  .meta({ id: 'Survey' });
export type TSurvey = z.output<typeof ZSurvey>;
export const ZSurveyQuery = ZPageQuery.extend({ active: z.enum(['yes', 'no']).optional() });
