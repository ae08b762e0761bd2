import { z } from 'zod';
import { ZId, ZName, ZTime } from '../common.schema.js';

/** Participatory reserve (M7): rounds of candidate projects that clients allocate the reserve to. */

export const ROUND_METHODS = ['mes', 'greedy'] as const;
export const ROUND_STATUSES = ['draft', 'open', 'allocated'] as const;
/** Where a round stands for its voters: computed from the status and the dates. */
export const ROUND_PHASES = ['draft', 'upcoming', 'voting', 'closed', 'allocated'] as const;
export const PROJECT_KINDS = ['project', 'experiment'] as const;
export const PROJECT_STATUSES = ['candidate', 'funded', 'not_funded', 'in_progress', 'done'] as const;
/** What staff set on a funded project as its work goes on. */
export const TRACKED_STATUSES = ['in_progress', 'done'] as const;

const ZMinor = z.number().int().max(Number.MAX_SAFE_INTEGER);
const ZDescription = z.string().trim().max(5000);

const ZRoundFields = z.object({
  title: ZName,
  description: ZDescription.default(''),
  budgetMinor: ZMinor.min(1)
    .describe('minor units of the reserve put up for allocation; at most its balance')
    .meta({ examples: [1_000] }),
  method: z.enum(ROUND_METHODS).default('mes').describe('how winners are chosen: Method of Equal Shares or greedy by votes'),
  segmentIds: z.array(ZId).max(50).default([]).describe('clients of these segments may vote; empty: every client'),
  opensAt: ZTime,
  closesAt: ZTime,
});

export const ZCreateRound = ZRoundFields.refine((v) => v.closesAt > v.opensAt, {
  path: ['closesAt'],
  message: 'must be after opensAt',
  params: { code: 'out_of_order', after: 'opensAt' },
}).meta({ id: 'CreateRound' });
export type TCreateRound = z.output<typeof ZCreateRound>;

export const ZUpdateRound = z
  .object({
    title: ZName,
    description: ZDescription,
    budgetMinor: ZRoundFields.shape.budgetMinor,
    method: z.enum(ROUND_METHODS),
    segmentIds: z.array(ZId).max(50),
    opensAt: ZRoundFields.shape.opensAt,
    closesAt: ZRoundFields.shape.closesAt,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateRound' });
export type TUpdateRound = z.output<typeof ZUpdateRound>;

export const ZCreateProject = z
  .object({
    title: ZName,
    description: ZDescription.default(''),
    costMinor: ZMinor.min(1).meta({ examples: [500] }),
    kind: z.enum(PROJECT_KINDS).default('project'),
    teamId: ZId.nullable().optional().describe('the team that would carry it out'),
  })
  .meta({ id: 'CreateProject' });
export type TCreateProject = z.output<typeof ZCreateProject>;

export const ZUpdateProject = z
  .object({
    title: ZName,
    description: ZDescription,
    costMinor: ZCreateProject.shape.costMinor,
    kind: z.enum(PROJECT_KINDS),
    teamId: ZId.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateProject' });
export type TUpdateProject = z.output<typeof ZUpdateProject>;

export const ZProjectStatusInput = z.object({ status: z.enum(TRACKED_STATUSES) }).meta({ id: 'ProjectStatusInput' });

export const ZBallotInput = z.object({ projectIds: z.array(ZId).max(200) });

export const ZProject = z
  .object({
    id: z.string(),
    roundId: z.string(),
    title: z.string(),
    description: z.string(),
    costMinor: z.number().int(),
    kind: z.enum(PROJECT_KINDS),
    teamId: z.string().nullable(),
    status: z.enum(PROJECT_STATUSES),
    allocationId: z.string().nullable(),
    /** Ballots approving it. */
    votes: z.number().int(),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .meta({ id: 'Project' });
export type TProject = z.output<typeof ZProject>;

export const ZRoundSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    budgetMinor: z.number().int(),
    currency: z.string(),
    method: z.enum(ROUND_METHODS),
    segmentIds: z.array(z.string()),
    opensAt: ZTime,
    closesAt: ZTime,
    status: z.enum(ROUND_STATUSES),
    phase: z.enum(ROUND_PHASES),
    ballots: z.number().int(),
    projectCount: z.number().int(),
    createdAt: ZTime,
    allocatedAt: ZTime.nullable(),
  })
  .meta({ id: 'RoundSummary' });
export type TRoundSummary = z.output<typeof ZRoundSummary>;

export const ZRound = ZRoundSummary.extend({ projects: z.array(ZProject) }).meta({ id: 'Round' });
export type TRound = z.output<typeof ZRound>;

const ZMethodResult = z.object({
  funded: z.array(z.string()),
  spentMinor: z.number().int(),
  leftMinor: z.number().int(),
});

/** Both methods over the same ballots, for comparison; `method` says which one the round uses. */
export const ZRoundResult = z
  .object({
    roundId: z.string(),
    method: z.enum(ROUND_METHODS),
    budgetMinor: z.number().int(),
    currency: z.string(),
    voters: z.number().int(),
    projects: z.array(z.object({ id: z.string(), title: z.string(), costMinor: z.number().int(), votes: z.number().int() })),
    greedy: ZMethodResult,
    mes: ZMethodResult.extend({
      byRule: z.array(z.string()),
      completion: z.array(z.string()),
      voterShareMinor: z.number().describe('what each voter held at the start, minor units (rounded for display)'),
      rhoMinor: z.record(z.string(), z.number()).describe('per project bought by the rule: the most one supporter paid, minor units'),
    }),
    /** True once allocated: the result is frozen as it was then. */
    frozen: z.boolean(),
    allocatedAt: ZTime.nullable(),
  })
  .meta({ id: 'RoundResult' });
export type TRoundResult = z.output<typeof ZRoundResult>;
