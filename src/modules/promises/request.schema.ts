import { z } from 'zod';
import { ZId, ZName, ZPageQuery, ZTime } from '../common.schema.js';
import { ZActingFor, ZMetric, ZRedress, ZWindow } from './promise.schema.js';

/** A team asks another to promise something: a request until that team promises it (Promise Theory). */
export const REQUEST_STATUSES = ['open', 'accepted', 'declined'] as const;

export const ZCreateRequest = z
  .object({
    fromTeamId: ZId.describe('the team asking'),
    toTeamId: ZId.describe('the team asked to promise'),
    title: ZName,
    statement: z.string().trim().min(1, 'say what you ask for').max(2000),
    supportsPromiseId: ZId.optional().describe('the promise the asked-for one would support'),
    override: ZActingFor,
  })
  .meta({ id: 'CreatePromiseRequest' });
export type TCreateRequest = z.output<typeof ZCreateRequest>;

export const ZAcceptRequest = z
  .object({
    statement: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .describe('the promise in the asked team’s own words; the request’s by default'),
    metric: ZMetric,
    target: z
      .number()
      .gt(0)
      .lt(1)
      .meta({ examples: [0.9] }),
    window: ZWindow,
    redress: ZRedress.nullable().default(null),
    override: ZActingFor,
  })
  .meta({ id: 'AcceptPromiseRequest' });
export type TAcceptRequest = z.output<typeof ZAcceptRequest>;

export const ZDeclineRequest = z
  .object({ reason: z.string().trim().min(1, 'say why').max(2000), override: ZActingFor })
  .meta({ id: 'DeclinePromiseRequest' });

export const ZRequest = z
  .object({
    id: z.string(),
    fromTeam: z.object({ id: z.string(), name: z.string() }),
    toTeam: z.object({ id: z.string(), name: z.string() }),
    title: z.string(),
    statement: z.string(),
    supportsPromiseId: z.string().nullable(),
    status: z.enum(REQUEST_STATUSES),
    answer: z.string(),
    promiseId: z.string().nullable().describe('the internal promise made when accepted'),
    createdBy: z.string(),
    createdAt: ZTime,
    answeredAt: ZTime.nullable(),
  })
  .meta({ id: 'PromiseRequest' });
export type TRequest = z.output<typeof ZRequest>;

export const ZRequestQuery = ZPageQuery.extend({ teamId: ZId.optional(), status: z.enum(REQUEST_STATUSES).optional() });
