import { z } from 'zod';
import { ZId, ZName, ZPageQuery, ZTime } from '../common.schema.js';

/** Promises to clients and between teams (M4). Names of the create fields are fixed by the issue. */
export const PROMISE_KINDS = ['client', 'internal'] as const;
export const PROMISE_STATUSES = ['draft', 'published', 'retired'] as const;
export const THRESHOLD_OPS = ['<=', '<', '>=', '>'] as const;
export const REDRESS_KINDS = ['apology', 'correction', 'compensation'] as const;
export const FULFILLMENT_STATUSES = ['kept', 'at_risk', 'broken', 'no_data'] as const;

export const ZMetric = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('ratio') }),
    z.object({
      kind: z.literal('threshold'),
      op: z.enum(THRESHOLD_OPS),
      threshold: z.number().finite(),
      unit: z.string().trim().max(50).default(''),
    }),
  ])
  .meta({ id: 'Metric' });
export type TMetric = z.output<typeof ZMetric>;

export const ZWindow = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('rolling'), days: z.number().int().min(1).max(366) }),
    z.object({ kind: z.literal('calendar'), period: z.enum(['month', 'quarter']) }),
  ])
  .meta({ id: 'Window' });
export type TWindow = z.output<typeof ZWindow>;

export const ZRedress = z
  .object({
    kind: z.enum(REDRESS_KINDS),
    amount: z.number().int('must be whole minor units').min(0).max(Number.MAX_SAFE_INTEGER).nullable().default(null),
    text: z.string().trim().min(1, 'say what the client gets').max(2000),
  })
  .refine((r) => r.kind !== 'compensation' || r.amount !== null, {
    message: 'a compensation needs an amount',
    path: ['amount'],
    params: { code: 'required' },
  })
  .meta({ id: 'Redress' });
export type TRedress = z.output<typeof ZRedress>;

const ZTarget = z
  .number()
  .gt(0, 'must be above 0')
  .lt(1, 'must be below 1 (0.95 is 95%)')
  .meta({ examples: [0.95, 0.9] });
const ZStatement = z.string().trim().min(1, 'say what the client gets, in plain words').max(2000);
const ZDemandForecast = z
  .number()
  .int()
  .min(0)
  .max(1_000_000_000)
  .nullable()
  .describe(
    'events a week the promise is expected to see, forecast at drafting; compared with the weekly capacity of its capabilities until four weeks of events exist',
  );

/**
 * Someone not in the team (an admin, the council, a token) acting for it says why: recorded on the
 * promise and told to the team. The same shape as the override of delegated authority elsewhere.
 */
export const ZActingFor = z
  .object({ reason: z.string().trim().min(1, 'say why you act for a team you are not in').max(2000) })
  .optional()
  .describe('needed when an admin, the council or a token not in the promiser team acts for it (else 409 team_autonomy)')
  .meta({ id: 'PromiseOverride' });

export const ZCreatePromise = z
  .object({
    title: ZName,
    statement: ZStatement,
    kind: z.enum(PROMISE_KINDS),
    promiserTeamId: ZId.nullable()
      .optional()
      .describe('the team that makes and keeps it; null or absent: an intention to a segment with no team yet (admins and the council)'),
    promiseeSegmentId: ZId.optional().describe('for a client promise: the client segment it is made to'),
    promiseeTeamId: ZId.optional().describe('for an internal promise: the team it is made to'),
    metric: ZMetric,
    target: ZTarget,
    window: ZWindow,
    requiredCapabilityIds: z.array(ZId).max(50).default([]),
    requiredRightIds: z.array(ZId).max(50).default([]),
    supportsPromiseId: ZId.optional().describe('for an internal promise: the promise it supports (the tree)'),
    painIds: z.array(ZId).max(50).default([]),
    redress: ZRedress.nullable().default(null),
    demandForecastPerWeek: ZDemandForecast.optional(),
    override: ZActingFor,
  })
  .meta({ id: 'CreatePromise' });
export type TCreatePromise = z.output<typeof ZCreatePromise>;

/** A draft is edited in place; published terms change only through a new version. */
export const ZUpdatePromise = z
  .object({
    title: ZName,
    statement: ZStatement,
    metric: ZMetric,
    target: ZTarget,
    window: ZWindow,
    requiredCapabilityIds: z.array(ZId).max(50),
    requiredRightIds: z.array(ZId).max(50),
    painIds: z.array(ZId).max(50),
    redress: ZRedress.nullable(),
    demandForecastPerWeek: ZDemandForecast,
    promiserTeamId: ZId.describe('a draft only: give the intention (or the draft) to a team; its member or an admin with a reason'),
    override: ZActingFor,
  })
  .partial()
  .refine((v) => Object.keys(v).some((k) => k !== 'override'), {
    message: 'send at least one field to change',
    params: { code: 'nothing_to_change' },
  })
  .meta({ id: 'UpdatePromise' });
export type TUpdatePromise = z.output<typeof ZUpdatePromise>;

export const ZCreateVersion = z
  .object({
    reason: z.string().trim().min(1, 'say why the terms change').max(2000),
    statement: ZStatement.optional(),
    metric: ZMetric.optional(),
    target: ZTarget.optional(),
    window: ZWindow.optional(),
    promiserTeamId: ZId.optional(),
    redress: ZRedress.nullable().optional(),
    override: ZActingFor,
  })
  .refine((v) => ['statement', 'metric', 'target', 'window', 'promiserTeamId', 'redress'].some((k) => k in v), {
    message: 'change at least one term: statement, metric, target, window, promiserTeamId or redress',
    params: { code: 'nothing_to_change' },
  })
  .meta({ id: 'CreatePromiseVersion' });
export type TCreateVersion = z.output<typeof ZCreateVersion>;

export const ZRetirePromise = z
  .object({ reason: z.string().trim().min(1, 'say why').max(2000), override: ZActingFor })
  .meta({ id: 'RetirePromise' });

export const ZPublishPromise = z
  .object({
    backingWaiver: z
      .object({ reason: z.string().trim().min(1, 'say why the promise may be kept without declared backing').max(2000) })
      .optional()
      .describe(
        'admins only: publish a client promise that declares no capability or no decision right, recording why; shown as "backing waived"',
      ),
    override: ZActingFor,
  })
  .describe('optional: a backing waiver')
  .meta({ id: 'PublishPromise' });
export type TPublishPromise = z.output<typeof ZPublishPromise>;

export const ZVersion = z
  .object({
    version: z.number().int(),
    statement: z.string(),
    metric: ZMetric,
    target: z.number(),
    window: ZWindow,
    promiserTeamId: z.string().nullable().describe('null: an intention with no team yet'),
    redress: ZRedress.nullable(),
    reason: z.string(),
    effectiveFrom: ZTime,
    createdBy: z.string(),
    createdAt: ZTime,
  })
  .meta({ id: 'PromiseVersion' });
export type TVersion = z.output<typeof ZVersion>;

export const ZMissingBacking = z
  .object({
    capabilities: z.array(z.object({ id: z.string(), name: z.string() })),
    rights: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .meta({ id: 'MissingBacking' });

export const ZCapacityShortfall = z
  .object({
    capabilityId: z.string(),
    name: z.string(),
    unit: z.string(),
    capacityPerWeek: z.number(),
    demandPerWeek: z.number().describe('the demands of every promise needing the capability, added up'),
    overBy: z.number(),
    utilisation: z.number().describe('demand ÷ capacity, percent'),
    promiseIds: z.array(z.string()).describe('the promises whose demands were added up (this one among them)'),
  })
  .meta({ id: 'CapacityShortfall' });
export type TCapacityShortfall = z.output<typeof ZCapacityShortfall>;

export const ZOverCapacity = z.object({ since: ZTime, capabilities: z.array(ZCapacityShortfall) }).meta({ id: 'OverCapacity' });

export const ZPromise = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(PROMISE_KINDS),
    status: z.enum(PROMISE_STATUSES),
    promiserTeam: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .describe('null: an intention to a segment with no team yet — form the team that will keep it'),
    isIntention: z.boolean().describe('a draft with no team yet: it cannot be published until a team takes it'),
    overrides: z
      .array(z.object({ action: z.string(), reason: z.string(), by: z.string(), at: ZTime }))
      .describe('acts for the team by someone not in it (an admin, the council, a token), with their reasons, oldest first'),
    promiseeSegment: z.object({ id: z.string(), name: z.string() }).nullable(),
    promiseeTeam: z.object({ id: z.string(), name: z.string() }).nullable(),
    supportsPromiseId: z.string().nullable(),
    painIds: z.array(z.string()),
    requiredCapabilityIds: z.array(z.string()),
    requiredRightIds: z.array(z.string()),
    terms: ZVersion.describe('the version in force'),
    unbacked: ZMissingBacking.extend({ since: ZTime })
      .nullable()
      .describe('set when a published promise lost a capability or right it needs'),
    backingWaiver: z
      .object({ reason: z.string(), by: z.string(), at: ZTime })
      .nullable()
      .describe('an admin published this client promise without declaring a capability and a right: why, by whom, when'),
    demandForecastPerWeek: z.number().int().nullable().describe('events a week forecast at drafting; null when none'),
    overCapacity: ZOverCapacity.nullable().describe(
      'set by the evaluator while the capabilities this published promise needs are asked for more a week than they can do (all promises needing each, added up)',
    ),
    createdBy: z.string(),
    createdAt: ZTime,
    updatedAt: ZTime,
    publishedAt: ZTime.nullable(),
    retiredAt: ZTime.nullable(),
  })
  .meta({ id: 'Promise' });
export type TPromise = z.output<typeof ZPromise>;

export const ZPromiseQuery = ZPageQuery.extend({
  status: z.enum(PROMISE_STATUSES).optional(),
  kind: z.enum(PROMISE_KINDS).optional(),
  teamId: ZId.optional(),
  segmentId: ZId.optional(),
  intention: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only intentions (drafts with no team yet); false: only promises with a team'),
});

export const MAX_EVENTS_PER_REQUEST = 10_000;

export const ZEventInput = z
  .object({
    externalId: z.string().trim().min(1).max(200),
    occurredAt: z.iso
      .datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-11-01T10:00:00Z' })
      .meta({ examples: ['2026-11-01T10:00:00Z', '2026-11-01T13:00:00+03:00'] }),
    good: z.boolean().optional(),
    value: z.number().finite().optional(),
    clientId: ZId.optional(),
  })
  .meta({ id: 'IngestEvent' });
export type TEventInput = z.output<typeof ZEventInput>;

const eventsOf = <T extends z.ZodType>(event: T) =>
  z.array(event).min(1, 'send at least one event').max(MAX_EVENTS_PER_REQUEST, `at most ${MAX_EVENTS_PER_REQUEST} events per request`);

/** The batch as documented: each event in the shape of ZEventInput. */
export const ZIngest = z.object({ events: eventsOf(ZEventInput) }).meta({ id: 'IngestEvents' });

/**
 * The batch as the route validates it: only the envelope. Each event is judged on its own by the
 * ingest (ZEventInput among other rules), so one bad event is refused alone and the rest are taken.
 */
export const ZIngestEnvelope = z.object({ events: eventsOf(z.unknown()) });

/**
 * Why an event of a batch was refused: `validation_failed` (shape or type: a field missing, null,
 * too long, not a date), `out_of_range` (occurredAt too far ahead or back), `unknown_client`,
 * `unjudgeable` (no `good` for a ratio promise, no `value` for a threshold one), `conflict` (its
 * externalId is taken by a different payload, or by a voided event).
 */
export const INGEST_REJECTION_CODES = ['validation_failed', 'out_of_range', 'unknown_client', 'unjudgeable', 'conflict'] as const;
export type IngestRejectionCode = (typeof INGEST_REJECTION_CODES)[number];

export const ZIngestRejection = z
  .object({
    index: z.number().int().describe("the event's place in `events`, from 0"),
    row: z.number().int().optional().describe('text/csv only: the row as the file counts it (header = row 1)'),
    externalId: z.string().nullable().describe("the event's externalId as sent; null when it is not a string"),
    path: z.string().describe('the field refused, e.g. events.3.occurredAt'),
    code: z.enum(INGEST_REJECTION_CODES),
    message: z.string(),
    reason: z.string().describe('the same as message (kept for older clients)'),
  })
  .meta({ id: 'IngestRejection' });
export type TIngestRejection = z.output<typeof ZIngestRejection>;

export const ZIngestResult = z
  .object({
    accepted: z.number().int(),
    duplicates: z.number().int().describe('events already stored (or repeated in the batch) with the same payload: nothing changed'),
    rejected: z.array(ZIngestRejection),
  })
  .meta({ id: 'IngestResult' });

export const ZVoidEvent = z.object({ reason: z.string().trim().min(1, 'say why the event is voided').max(2000) }).meta({ id: 'VoidEvent' });

export const ZStatusQuery = z.object({
  at: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' }).optional(),
});

export const ZPromiseStatus = z
  .object({
    attainment: z.number().nullable(),
    good: z.number().int(),
    total: z.number().int(),
    target: z.number(),
    budgetConsumed: z.number(),
    budgetRemaining: z.number(),
    burnRates: z.array(z.object({ window: z.string(), rate: z.number() })),
    alerts: z.array(
      z.object({
        severity: z.enum(['page', 'ticket']),
        longWindow: z.string(),
        shortWindow: z.string(),
        threshold: z.number(),
        firing: z.boolean(),
      }),
    ),
    status: z.enum(FULFILLMENT_STATUSES),
    unbacked: z.boolean(),
    overCapacity: z.boolean().describe('promised more than the team can do: see GET …/promises/{promiseId}/capacity'),
    window: z.object({ from: z.string(), to: z.string() }),
    version: z.number().int(),
  })
  .meta({ id: 'PromiseStatus' });
export type TPromiseStatus = z.output<typeof ZPromiseStatus>;

export const DEMAND_SOURCES = ['measured', 'forecast', 'none'] as const;

export const ZPromiseDemand = z
  .object({
    promiseId: z.string(),
    title: z.string(),
    status: z.enum(PROMISE_STATUSES),
    perWeek: z.number().nullable().describe('events a week; null when neither events nor a forecast say'),
    source: z
      .enum(DEMAND_SOURCES)
      .describe(
        'measured: events of the last 4 weeks ÷ 4 (or so far ÷ weeks elapsed, before 4 weeks and without a forecast); forecast: entered at drafting',
      ),
    events: z.number().int().describe('the events counted (0 for a forecast)'),
    weeks: z.number().describe('the weeks they were spread over'),
  })
  .meta({ id: 'PromiseDemand' });

export const ZCapabilityLoad = z
  .object({
    capabilityId: z.string(),
    name: z.string(),
    teamId: z.string(),
    unit: z.string(),
    capacityPerWeek: z.number().nullable().describe('null: the capability states no capacity per week, nothing is compared'),
    demandPerWeek: z.number().nullable().describe('the demands of every promise below, added up'),
    utilisation: z.number().nullable().describe('demand ÷ capacity, percent (107.5 = 7.5% more than it can do)'),
    overBy: z.number(),
    isOver: z.boolean(),
    promises: z
      .array(ZPromiseDemand)
      .describe('this promise and every published one needing the same capability: their demands add up against its capacity'),
  })
  .meta({ id: 'CapabilityLoad' });

export const ZPromiseCapacity = z
  .object({
    promiseId: z.string(),
    demand: ZPromiseDemand.describe("this promise's own demand"),
    capabilities: z.array(ZCapabilityLoad),
    isOver: z.boolean().describe('promised more than the team can do: some capability is asked for more than its capacity'),
  })
  .meta({ id: 'PromiseCapacity' });
export type TPromiseCapacity = z.output<typeof ZPromiseCapacity>;

export const ZPromiseWarning = z
  .object({
    code: z.enum(['over_capacity']),
    message: z.string(),
    capabilityId: z.string(),
    name: z.string(),
    unit: z.string(),
    capacityPerWeek: z.number(),
    demandPerWeek: z.number(),
    overBy: z.number(),
    utilisation: z.number(),
    promiseIds: z.array(z.string()),
  })
  .meta({ id: 'PromiseWarning' });
export type TPromiseWarning = z.output<typeof ZPromiseWarning>;

export const ZPublishedPromise = ZPromise.extend({
  warnings: z
    .array(ZPromiseWarning)
    .describe('published anyway: over_capacity when a capability it needs is asked for more a week than it can do'),
}).meta({ id: 'PublishedPromise' });
export type TPublishedPromise = z.output<typeof ZPublishedPromise>;
