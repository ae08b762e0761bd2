import { z } from 'zod';
import { MAX_SCORE, POLL_KINDS } from '../../core/voice/tally.js';
import { ZId, ZTime } from '../common.schema.js';

/** Client polls on decisions (M7): one or more segments' clients vote on a decision's options. */
export const POLL_STATUSES = ['scheduled', 'open', 'closed'] as const;
export const MAX_POLL_SEGMENTS = 20;

export const ZCreatePoll = z
  .object({
    kind: z
      .enum(POLL_KINDS)
      .describe(`single: one option; approval: any options; score: 0–${MAX_SCORE} per option; ranked: an order, counted by instant runoff`),
    question: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(500)
      .meta({ examples: ['How should we handle warranty repairs?'] }),
    segmentIds: z
      .array(ZId)
      .min(1, 'name at least one segment')
      .max(MAX_POLL_SEGMENTS)
      .describe('the clients of these segments (client_segments) may vote'),
    opensAt: ZTime.optional().describe('when voting opens; now when omitted'),
    closesAt: ZTime.describe('when voting closes: after opensAt and in the future'),
    quorum: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .nullable()
      .default(null)
      .describe('the fewest ballots for the result to count; null: any number'),
    hideResults: z.boolean().default(false).describe('clients see the result only once the poll has closed (staff see it running)'),
  })
  .meta({ id: 'CreatePoll' });
export type TCreatePoll = z.output<typeof ZCreatePoll>;

const ZRound = z.object({
  counts: z.array(z.number().nullable()).describe('votes per option this round; null once the option is out'),
  active: z.number().describe('ballots still counting'),
  exhausted: z.number().describe('ballots whose ranked options are all out'),
  eliminated: z.array(z.number()),
  tieBreak: z.enum(['previous-rounds', 'together', 'either', 'undecided']).nullable(),
  elected: z.number().nullable(),
});

export const ZPollResult = z.object({
  ballots: z.number(),
  totals: z.array(z.number()).describe('per option: votes, approvals, the sum of scores, or first preferences (ranked)'),
  means: z.array(z.number().nullable()).nullable().describe('score polls: the mean score per option'),
  winners: z.array(z.number()).describe('option indexes; more than one on a tie; empty with no ballots'),
  isTie: z.boolean(),
  rounds: z.array(ZRound).nullable().describe('ranked polls: the instant-runoff rounds'),
  quorumMet: z.boolean(),
  counts: z.boolean().describe('closed with its quorum met and a winner: the decision answers to it'),
});
export type TPollResult = z.output<typeof ZPollResult>;

export const ZPoll = z
  .object({
    id: z.string(),
    decisionId: z.string(),
    decisionTitle: z.string(),
    kind: z.enum(POLL_KINDS),
    question: z.string(),
    options: z.array(z.object({ index: z.number(), title: z.string(), description: z.string() })),
    segments: z.array(z.object({ id: z.string(), name: z.string() })),
    opensAt: ZTime,
    closesAt: ZTime,
    status: z.enum(POLL_STATUSES),
    quorum: z.number().nullable(),
    closedWithoutQuorum: z
      .boolean()
      .describe('closed with fewer ballots than its quorum: the result does not count for the decision (the reason: turnout below quorum)'),
    hideResults: z.boolean(),
    eligible: z.number().describe('clients who may vote'),
    turnout: z.number().describe('ballots cast'),
    result: ZPollResult.nullable().describe('null when hidden from the caller'),
    decision: z
      .object({
        chosenOption: z.number().nullable(),
        clientRationale: z.string().nullable().describe('why the decision went against the clients, published with the result'),
      })
      .describe('what was decided, beside the clients’ result'),
    createdAt: ZTime,
    createdBy: z.string(),
  })
  .meta({ id: 'Poll' });
export type TPoll = z.output<typeof ZPoll>;
