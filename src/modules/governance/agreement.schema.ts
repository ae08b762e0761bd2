import { z } from 'zod';
import { ZDate, ZId, ZName, ZPageQuery, ZTime } from '../common.schema.js';
import { ZOverrideField } from '../teams/override.schema.js';

/** Agreements: the Sociocracy 3.0 record of a communication rule or policy a team lives by. */
export const AGREEMENT_STATUSES = ['active', 'under_review', 'retired'] as const;
export const OWNER_TYPES = ['team', 'role'] as const;
export const REVIEW_OUTCOMES = ['keep', 'amend', 'retire'] as const;

const ZLongText = z.string().trim().min(1, 'must not be empty').max(10_000);

export const ZCreateAgreement = z
  .object({
    title: ZName,
    driver: ZLongText.describe('why the agreement exists: the situation and the need'),
    text: ZLongText.describe('what is agreed'),
    ownerType: z.enum(OWNER_TYPES),
    ownerId: ZId,
    criteria: z.string().trim().max(4000).default('').describe('how the team will know the agreement works'),
    reviewDate: ZDate,
    override: ZOverrideField,
  })
  .meta({ id: 'CreateAgreement' });
export type TCreateAgreement = z.output<typeof ZCreateAgreement>;

export const ZUpdateAgreement = z
  .object({
    title: ZName,
    driver: ZLongText,
    text: ZLongText,
    criteria: z.string().trim().max(4000),
    reviewDate: ZDate,
    status: z.enum(AGREEMENT_STATUSES),
  })
  .partial()
  .extend({ override: ZOverrideField })
  .refine((v) => Object.keys(v).some((k) => k !== 'override'), {
    message: 'send at least one field to change',
    params: { code: 'nothing_to_change' },
  })
  .meta({ id: 'UpdateAgreement' });
export type TUpdateAgreement = z.output<typeof ZUpdateAgreement>;

export const ZCreateReview = z
  .object({
    outcome: z.enum(REVIEW_OUTCOMES),
    note: z.string().trim().max(4000).default(''),
    nextReviewDate: ZDate.nullable().default(null).describe('required unless the outcome is retire'),
  })
  .meta({ id: 'CreateReview' });
export type TCreateReview = z.output<typeof ZCreateReview>;

/** An agreement's review: from above, over a team holding a delegated right, it needs an override reason. */
export const ZCreateAgreementReview = ZCreateReview.extend({ override: ZOverrideField }).meta({ id: 'CreateAgreementReview' });
export type TCreateAgreementReview = z.output<typeof ZCreateAgreementReview>;

export const ZReview = z
  .object({
    id: z.string(),
    outcome: z.enum(REVIEW_OUTCOMES),
    note: z.string(),
    reviewedDate: z.string(),
    nextReviewDate: z.string().nullable(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string() }),
    createdAt: ZTime,
  })
  .meta({ id: 'Review' });
export type TReview = z.output<typeof ZReview>;

export const ZOwner = z.object({ type: z.enum(OWNER_TYPES), id: z.string(), name: z.string() });

export const ZAgreement = z
  .object({
    id: z.string(),
    teamId: z.string(),
    teamName: z.string(),
    owner: ZOwner,
    title: z.string(),
    driver: z.string(),
    text: z.string(),
    criteria: z.string(),
    reviewDate: z.string(),
    status: z.enum(AGREEMENT_STATUSES),
    isDue: z.boolean().describe('the review date has come in the organization’s time zone and the agreement is not retired'),
    lastReview: ZReview.nullable(),
    createdBy: z.string(),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .meta({ id: 'Agreement' });
export type TAgreement = z.output<typeof ZAgreement>;

export const ZAgreementQuery = ZPageQuery.extend({
  teamId: ZId.optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  due: z.enum(['true', 'false']).optional(),
});
