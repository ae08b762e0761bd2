import { z } from 'zod';
import { ZDate, ZId, ZName, ZPageQuery, ZTime } from '../common.schema.js';

export { ZDate };

export const SEGMENT_KINDS = ['customer', 'citizen', 'partner'] as const;
export const JOB_KINDS = ['functional', 'social', 'emotional'] as const;
export const PAIN_STATUSES = ['open', 'answered', 'retired'] as const;
export const EVIDENCE_KINDS = ['interview', 'observation', 'feedback', 'metric', 'document'] as const;
/** What evidence backs: a need, pain or gain by its id, or a segment's context by the segment's id. */
export const EVIDENCE_SUBJECTS = ['need', 'pain', 'gain', 'context'] as const;

const ZText = z.string().trim().min(1, 'must not be empty').max(2000);
const ZContextText = z.string().trim().max(500);
const ZContext = ZContextText.default('');
const ZDescription = z.string().trim().max(4000);
const ZSizeEstimate = z.number().int().min(0).max(1e12).nullable();
const ZSource = z.string().trim().max(500);
// One check for the whole range, so a refusal says both bounds (`out_of_range`, 1 to 5) as the
// screens word it; the bounds stay in the OpenAPI document.
const ZScore = z
  .number()
  .int('must be a whole number')
  .refine((value) => value >= 1 && value <= 5, { message: 'must be 1–5', params: { code: 'out_of_range', minimum: 1, maximum: 5 } })
  .meta({ minimum: 1, maximum: 5 });

export const ZCreateSegment = z
  .object({
    name: ZName,
    description: ZDescription.default(''),
    sizeEstimate: ZSizeEstimate.default(null),
    kind: z.enum(SEGMENT_KINDS),
  })
  .meta({ id: 'CreateSegment' });
// Update schemas are built without the create defaults: a partial update must not reset an omitted field.
export const ZUpdateSegment = ZCreateSegment.extend({ description: ZDescription, sizeEstimate: ZSizeEstimate })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateSegment' });
export type TCreateSegment = z.output<typeof ZCreateSegment>;
export type TUpdateSegment = z.output<typeof ZUpdateSegment>;

export const ZCreateNeed = z.object({ jobKind: z.enum(JOB_KINDS), text: ZText, importance: ZScore }).meta({ id: 'CreateNeed' });
export const ZUpdateNeed = ZCreateNeed.partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateNeed' });
export type TCreateNeed = z.output<typeof ZCreateNeed>;

export const ZCreatePain = z
  .object({
    text: ZText,
    severity: ZScore,
    frequency: ZScore,
    contextWhere: ZContext,
    contextWhen: ZContext,
    contextWho: ZContext,
    contextChannel: ZContext,
    status: z.enum(PAIN_STATUSES).default('open'),
  })
  .meta({ id: 'CreatePain' });
export const ZUpdatePain = ZCreatePain.extend({
  contextWhere: ZContextText,
  contextWhen: ZContextText,
  contextWho: ZContextText,
  contextChannel: ZContextText,
  status: z.enum(PAIN_STATUSES),
})
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdatePain' });
export type TCreatePain = z.output<typeof ZCreatePain>;

export const ZCreateGain = z.object({ text: ZText, relevance: ZScore }).meta({ id: 'CreateGain' });
export const ZUpdateGain = ZCreateGain.partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateGain' });
export type TCreateGain = z.output<typeof ZCreateGain>;

export const ZCreateEvidence = z
  .object({
    subjectType: z.enum(EVIDENCE_SUBJECTS),
    subjectId: ZId.describe('the need, pain or gain; for `context`, the segment'),
    kind: z.enum(EVIDENCE_KINDS),
    text: ZText,
    source: ZSource.default(''),
    date: ZDate,
  })
  .meta({ id: 'CreateEvidence' });
export const ZUpdateEvidence = ZCreateEvidence.omit({ subjectType: true, subjectId: true })
  .extend({ source: ZSource })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateEvidence' });
export type TCreateEvidence = z.output<typeof ZCreateEvidence>;
export const ZEvidenceQuery = ZPageQuery.extend({ subjectType: z.enum(EVIDENCE_SUBJECTS).optional(), subjectId: ZId.optional() });

export const ZImportCsv = z
  .object({
    csv: z.string().min(1, 'must not be empty').max(900_000),
    dryRun: z.boolean().default(false),
  })
  .meta({ id: 'DiscoveryCsvImport' });

const base = { id: z.string(), segmentId: z.string(), createdAt: ZTime, updatedAt: ZTime, evidenceCount: z.number().int() };
export const ZSegment = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    sizeEstimate: z.number().nullable(),
    kind: z.enum(SEGMENT_KINDS),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .meta({ id: 'Segment' });
export const ZNeed = z.object({ ...base, jobKind: z.enum(JOB_KINDS), text: z.string(), importance: z.number().int() }).meta({ id: 'Need' });
export const ZPain = z
  .object({
    ...base,
    text: z.string(),
    severity: z.number().int(),
    frequency: z.number().int(),
    priority: z.number().int().describe('severity × frequency'),
    contextWhere: z.string(),
    contextWhen: z.string(),
    contextWho: z.string(),
    contextChannel: z.string(),
    status: z.enum(PAIN_STATUSES),
    answeredBy: z.array(z.string()).describe('ids of the pain relievers linked to this pain'),
  })
  .meta({ id: 'Pain' });
export const ZGain = z
  .object({
    ...base,
    text: z.string(),
    relevance: z.number().int(),
    createdBy: z.array(z.string()).describe('ids of the gain creators linked to it'),
  })
  .meta({ id: 'Gain' });
export const ZEvidence = z
  .object({
    id: z.string(),
    subjectType: z.enum(EVIDENCE_SUBJECTS),
    subjectId: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    text: z.string(),
    source: z.string(),
    date: z.string(),
    createdAt: ZTime,
  })
  .meta({ id: 'Evidence' });
export type TSegment = z.output<typeof ZSegment>;
export type TNeed = z.output<typeof ZNeed>;
export type TPain = z.output<typeof ZPain>;
export type TGain = z.output<typeof ZGain>;
export type TEvidence = z.output<typeof ZEvidence>;
