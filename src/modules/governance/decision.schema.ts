import { z } from 'zod';
import { ZDate, ZId, ZName, ZPageQuery, ZTime } from '../common.schema.js';
import { ZOverrideField, ZOverrideRecord } from '../teams/override.schema.js';
import { ZReview } from './agreement.schema.js';

/** Decisions taken by the advice process (M5). */
export const DECISION_STATUSES = ['seeking_advice', 'ready', 'decided', 'retired'] as const;
export const ADVISER_TYPES = ['user', 'team'] as const;
export const MAX_OPTIONS = 10;

export const MAX_DECISION_SEGMENTS = 20;

const ZSegmentIds = (what: string) =>
  z
    .array(ZId)
    .max(MAX_DECISION_SEGMENTS)
    .describe(`${what}; each a client segment of the organization (422 naming the list item otherwise)`);

const ZOption = z.object({ title: ZName, description: z.string().trim().max(4000).default('') });

const ZOptions = z
  .array(ZOption)
  .max(MAX_OPTIONS)
  .describe('at least two (optionality): one option is refused with 422 too_few_options')
  .meta({ examples: [[{ title: 'Repair on site' }, { title: 'Replace the unit' }]] });
const ZAmount = z
  .number()
  .int('must be whole minor units')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .nullable()
  .describe('minor units the decision commits; checked against the decider’s spending cap');

export const ZCreateDecision = z
  .object({
    title: ZName,
    context: z.string().trim().max(10_000).default('').describe('the situation the decision answers'),
    teamId: ZId.describe('the team the decision belongs to'),
    rightId: ZId.describe('the decision right it is made under: whoever takes it must hold this right'),
    options: ZOptions,
    amount: ZAmount.default(null),
    advisers: z
      .array(z.object({ type: z.enum(ADVISER_TYPES), id: ZId }))
      .max(50)
      .default([])
      .describe('people or teams whose advice is asked; each is notified'),
    adviceDeadline: ZDate.nullable().default(null).describe('last day advice is waited for; required when advice is asked'),
    reviewDate: ZDate.nullable().default(null),
    touchesSegmentIds: ZSegmentIds(
      'the client segments the decision touches: it is taken only once each was asked (a client poll closed with its quorum, or a client’s advice) or with a clientsNotAskedReason',
    ).optional(),
    adviceFromSegmentIds: ZSegmentIds(
      'client segments asked for advice: their clients see the decision on the portal and advise until it is taken (not awaited like staff advice)',
    ).optional(),
  })
  .meta({ id: 'CreateDecision' });
export type TCreateDecision = z.output<typeof ZCreateDecision>;

export const ZUpdateDecision = z
  .object({
    title: ZName,
    context: z.string().trim().max(10_000),
    reviewDate: ZDate.nullable(),
    adviceDeadline: ZDate.nullable(),
    options: ZOptions,
    amount: ZAmount,
    touchesSegmentIds: ZSegmentIds('the client segments the decision touches'),
    adviceFromSegmentIds: ZSegmentIds('client segments asked for advice through the portal'),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateDecision' });
export const ZWithdrawDecision = z.object({ reason: z.string().trim().min(1, 'say why').max(2000) }).meta({ id: 'WithdrawDecision' });

export type TUpdateDecision = z.output<typeof ZUpdateDecision>;

export const ZGiveAdvice = z
  .object({
    advice: z.string().trim().min(1, 'must not be empty').max(4000),
    preferredOption: z
      .number()
      .int()
      .min(0)
      .max(MAX_OPTIONS - 1)
      .nullable()
      .default(null)
      .describe('index of the option the adviser favours'),
  })
  .meta({ id: 'GiveAdvice' });
export type TGiveAdvice = z.output<typeof ZGiveAdvice>;

export const ZDecide = z
  .object({
    chosenOption: z
      .number()
      .int()
      .min(0)
      .max(MAX_OPTIONS - 1)
      .describe('index into options')
      .meta({ examples: [0] }),
    rationale: z.string().trim().min(1, 'say why').max(4000),
    reviewDate: ZDate.nullable().optional().describe('when to look at the decision again; keeps the one set before when omitted'),
    clientRationale: z
      .string()
      .trim()
      .max(4000)
      .nullable()
      .optional()
      .describe('why the decision goes against the clients’ poll; required then (422 naming it), published with the result'),
    clientsNotAskedReason: z
      .string()
      .trim()
      .max(4000)
      .nullable()
      .optional()
      .describe(
        'why segments the decision touches were not asked (no poll closed with its quorum, no client advice); without it such a decision is refused with 409 clients_not_asked. Published on the client portal beside the decision',
      ),
    settles: z
      .array(
        z.object({
          proposalId: ZId.describe('a client proposal of the organization this decision answers'),
          outcome: z.enum(['accepted', 'declined']).describe('how the decision answers it'),
        }),
      )
      .max(50)
      .optional()
      .describe(
        'client proposals the decision settles: each is accepted or declined with the rationale as its answer, in the same transaction; an owed answer counts as given on time when before its due time. 422 naming settles.<i>.proposalId for a proposal not in the organization or named twice; 409 when its status cannot take that answer',
      ),
    override: ZOverrideField.describe(
      'needed when an admin or the council decides under a right delegated to the decision’s team (or one of its roles) and holds it only as admin or council (else 409 right_delegated); recorded, told to the team and shown on the decision',
    ),
  })
  .meta({ id: 'DecideDecision' });
export type TDecide = z.output<typeof ZDecide>;

const ZPerson = z.object({ id: z.string().nullable(), label: z.string() });

export const ZAdvice = z.object({
  id: z.string(),
  adviser: z.object({ type: z.enum(ADVISER_TYPES), id: z.string(), name: z.string() }),
  requestedAt: ZTime,
  answeredAt: ZTime.nullable(),
  answeredBy: ZPerson.nullable(),
  advice: z.string(),
  preferredOption: z.number().nullable(),
});

const ZSegmentRef = z.object({ id: z.string(), name: z.string() });

export const ZClientAdvice = z.object({
  id: z.string(),
  client: z.object({ id: z.string(), name: z.string() }).describe('the client as staff know them (clients:read)'),
  segments: z.array(ZSegmentRef).describe('the asked segments the client is in'),
  advice: z.string(),
  preferredOption: z.number().nullable(),
  givenAt: ZTime,
  updatedAt: ZTime,
});

export const ZDecision = z
  .object({
    id: z.string(),
    teamId: z.string(),
    teamName: z.string(),
    right: z.object({ id: z.string(), name: z.string() }),
    title: z.string(),
    context: z.string(),
    options: z.array(z.object({ index: z.number(), title: z.string(), description: z.string() })),
    amount: z.number().nullable(),
    advisers: z.array(ZAdvice),
    adviceDeadline: z.string().nullable(),
    reviewDate: z.string().nullable(),
    status: z.enum(DECISION_STATUSES),
    isDue: z.boolean().describe('decided, not retired, and its review date has come in the organization’s time zone'),
    chosenOption: z.number().nullable(),
    rationale: z.string(),
    clientRationale: z.string().nullable().describe('why the decision went against the clients’ poll, published with its result'),
    touchesSegments: z.array(ZSegmentRef).describe('the client segments the decision touches'),
    adviceSegments: z.array(ZSegmentRef).describe('the client segments asked for advice through the portal'),
    clientAdvice: z.array(ZClientAdvice).describe('advice given by clients through the portal, newest first'),
    segmentsNotAsked: z
      .array(ZSegmentRef)
      .describe('touched segments not asked yet (open decisions): deciding needs a clientsNotAskedReason while any remain'),
    clientsNotAskedReason: z.string().nullable().describe('why touched segments were not asked, published on the portal'),
    decidedAt: ZTime.nullable(),
    decidedBy: ZPerson.nullable(),
    createdBy: ZPerson,
    lastReview: ZReview.nullable(),
    overrides: z.array(ZOverrideRecord).describe('overrides of the team’s delegated authority recorded on this decision, oldest first'),
    viewer: z
      .object({
        canAdvise: z.boolean().describe('the caller was asked for advice (personally or through a team) and may answer'),
        decideBlock: z.string().nullable().describe('why the caller cannot take the decision now (an error code), or null when they can'),
        decideNeedsOverride: z
          .boolean()
          .describe(
            'the right is delegated to the team and the caller holds it only as admin or council: deciding needs an override reason',
          ),
      })
      .describe('what the caller may do with this decision now'),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .meta({ id: 'Decision' });
export type TDecision = z.output<typeof ZDecision>;

export const ZDecisionQuery = ZPageQuery.extend({
  teamId: ZId.optional(),
  status: z.enum(DECISION_STATUSES).optional(),
  due: z.enum(['true', 'false']).optional(),
});
