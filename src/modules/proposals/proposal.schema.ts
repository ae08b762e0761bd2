import { z } from 'zod';
import { ZId, ZName, ZPageQuery, ZTime } from '../common.schema.js';

/** Client proposals with support thresholds and owed answers. */
export const PROPOSAL_STATUSES = ['open', 'under_consideration', 'accepted', 'declined', 'implemented', 'merged'] as const;
export const IMPLEMENTED_TYPES = ['promise', 'experiment', 'decision'] as const;
export const PROPOSAL_SORTS = ['supported', 'newest', 'trending'] as const;
/** How many days of supports make a proposal trending. */
export const TRENDING_DAYS = 7;

export const ZProposalTitle = ZName.meta({ examples: ['Open on Saturdays'] });
export const ZProposalBody = z.string().trim().min(1, 'say what you propose').max(5000);

export const ZCreateProposal = z
  .object({
    title: ZProposalTitle,
    body: ZProposalBody.meta({ examples: ['Many of us work on weekdays: please open on Saturday mornings.'] }),
    segmentId: ZId.optional().describe('the segment it is about; its threshold counts that segment’s clients (all clients when absent)'),
  })
  .meta({ id: 'CreateProposal' });
export type TCreateProposal = z.output<typeof ZCreateProposal>;

export const ZChangeStatus = z
  .object({
    status: z
      .enum(['open', 'under_consideration', 'accepted', 'declined'])
      .meta({ examples: ['under_consideration'] })
      .describe('implemented is set by linking what implements it; merged by merging'),
    answer: z
      .string()
      .trim()
      .max(5000)
      .optional()
      .meta({ examples: ['We will open on Saturdays from 9 to 13 starting next month.'] })
      .describe('the organization’s answer, shown to clients: required for accepted and declined'),
  })
  .meta({ id: 'ChangeProposalStatus' });
export type TChangeStatus = z.output<typeof ZChangeStatus>;

export const ZLinkImplementation = z
  .object({
    implementedType: z.enum(IMPLEMENTED_TYPES).describe('what implements the accepted proposal'),
    implementedId: ZId.describe('the promise’s or decision’s id (an experiment’s reference is free text until experiments exist)'),
  })
  .meta({ id: 'LinkImplementation' });
export type TLinkImplementation = z.output<typeof ZLinkImplementation>;

export const ZMergeProposal = z
  .object({
    intoId: ZId.describe('the proposal that survives; this one becomes merged, its supports move there (each client once)'),
  })
  .meta({ id: 'MergeProposal' });

export const ZProposalQuery = ZPageQuery.extend({
  sort: z.enum(PROPOSAL_SORTS).default('supported').describe(`trending: most supports in the last ${TRENDING_DAYS} days`),
  status: z.enum(PROPOSAL_STATUSES).optional().describe('merged proposals are listed only when asked for'),
  segmentId: ZId.optional(),
  hidden: z
    .enum(['exclude', 'include', 'only'])
    .default('exclude')
    .describe('proposals hidden for moderation: include or only them needs voice:manage'),
  q: z.string().trim().max(200).optional().describe('words in the title'),
  implementedBy: ZId.optional().describe('only the proposals implemented by this promise, decision or experiment'),
});
export type TProposalQuery = z.output<typeof ZProposalQuery>;

export const ZProposal = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    segment: z.object({ id: z.string(), name: z.string() }).nullable(),
    author: z.object({ kind: z.enum(['client', 'staff']), id: z.string().nullable(), label: z.string() }),
    status: z.enum(PROPOSAL_STATUSES),
    supports: z.number().int().describe('clients supporting it, each once'),
    threshold: z.number().int().describe('supports that oblige an answer: the threshold in force when it was made'),
    recentSupports: z.number().int().describe(`supports in the last ${TRENDING_DAYS} days`),
    thresholdReachedAt: ZTime.nullable(),
    answerDueAt: ZTime.nullable().describe('when the owed answer is due; null while none is owed'),
    isOverdue: z.boolean().describe('an answer is owed and its due time has passed without one'),
    answer: z.string().nullable(),
    answeredAt: ZTime.nullable(),
    answeredBy: z.string().nullable(),
    implemented: z
      .object({
        type: z.enum(IMPLEMENTED_TYPES),
        id: z.string(),
        title: z.string().nullable().describe('null for an experiment reference'),
      })
      .nullable(),
    mergedInto: z.object({ id: z.string(), title: z.string() }).nullable(),
    reports: z.number().int(),
    hiddenAt: ZTime.nullable(),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .meta({ id: 'Proposal' });
export type TProposal = z.output<typeof ZProposal>;

export const ZModerationItem = z
  .object({
    id: z.string().describe('the reported proposal’s (or feedback’s) id: resolve it with this id'),
    subjectType: z.enum(['proposal', 'feedback']),
    title: z.string(),
    text: z.string(),
    hiddenAt: ZTime.nullable(),
    reports: z.number().int().describe('open reports'),
    reasons: z.array(z.object({ id: z.string(), reason: z.string(), createdAt: ZTime })),
    firstReportedAt: ZTime,
  })
  .meta({ id: 'ModerationItem' });
export type TModerationItem = z.output<typeof ZModerationItem>;

export const ZResolveReports = z
  .object({
    resolution: z.enum(['kept', 'removed']).describe('kept: shown again and the reports closed; removed: stays hidden'),
  })
  .meta({ id: 'ResolveReports' });
export type TResolveReports = z.output<typeof ZResolveReports>;

/** A report from the portal: one per reporter (a client, or a hash of the IP when not signed in). */
export const ZReportInput = z.object({
  subjectType: z.enum(['proposal', 'feedback']),
  subjectId: ZId,
  reporter: z.string().min(1).max(200),
  reason: z.string().trim().max(1000).default(''),
});
export type TReportInput = z.input<typeof ZReportInput>;
