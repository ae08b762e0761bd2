import { z } from 'zod';
import { ZPageQuery, ZTime } from '../common.schema.js';

/**
 * An override of delegated authority (issue 17): an admin or the council acting over a team that
 * holds a delegated right says why. Sent in the body of the call that acts (`override: {reason}`);
 * DELETE calls also take it as `?overrideReason=` for clients that cannot send a DELETE body.
 * Lives in the teams module because teams, governance and economics all accept it.
 */
export const ZOverride = z
  .object({
    reason: z.string().trim().min(1, 'say why').max(2000).describe('why the organization acts over the team’s delegated authority'),
  })
  .meta({ id: 'Override' });
export type TOverride = z.output<typeof ZOverride>;

/** The optional `override` member every call that changes an autonomous team accepts. */
export const ZOverrideField = ZOverride.optional().describe(
  'needed when an admin, the council or a token not in the team changes a team that holds a delegated right (else 409 team_autonomy)',
);

/** The body a DELETE that changes a team may carry. */
export const ZOverrideBody = z.object({ override: ZOverrideField }).optional().meta({ id: 'OverrideBody' });
export type TOverrideBody = z.output<typeof ZOverrideBody>;

/** The query a DELETE that changes a team accepts instead of a body. */
export const ZOverrideQuery = z.object({
  overrideReason: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .optional()
    .describe('the override reason, for clients that cannot send a DELETE body; same as body `override.reason`'),
});

/** What an override was for; the web app words each in the reader's language. */
export const OVERRIDE_ACTIONS = [
  'decision_taken',
  'role_created',
  'role_updated',
  'role_deleted',
  'role_member_added',
  'role_member_removed',
  'capability_created',
  'capability_updated',
  'capability_deleted',
  'agreement_created',
  'agreement_updated',
  'agreement_reviewed',
  'team_member_added',
  'team_member_removed',
  'split_rule_set',
  'promise_created',
  'promise_updated',
  'promise_team_given',
  'promise_published',
  'promise_version_created',
  'promise_took_over',
  'promise_retired',
  'promise_answer_accepted',
  'request_made',
  'request_declined',
] as const;
export type OverrideAction = (typeof OVERRIDE_ACTIONS)[number];

/** An override as the API shows it. */
export const ZOverrideRecord = z
  .object({
    id: z.string(),
    teamId: z.string(),
    action: z.enum(OVERRIDE_ACTIONS).describe('what was done over the team'),
    subjectType: z.string(),
    subjectId: z.string(),
    reason: z.string(),
    by: z.object({ type: z.enum(['user', 'token', 'client', 'system']), id: z.string().nullable(), name: z.string() }),
    at: ZTime,
  })
  .meta({ id: 'OverrideRecord' });
export type TOverrideRecord = z.output<typeof ZOverrideRecord>;

export const ZOverridesQuery = ZPageQuery;

/** How many overrides the organization recorded in the current quarter (its time zone). */
export const ZOverrideSummary = z
  .object({
    quarter: z.string().describe('e.g. 2026-Q4, on the organization’s calendar'),
    from: ZTime,
    to: ZTime,
    count: z.number().int(),
  })
  .meta({ id: 'OverrideSummary' });

/** What the override guard is told about the act. */
export interface TeamChange {
  teamId: string;
  action: OverrideAction;
  subjectType: string;
  subjectId: string;
}

/** An override as a service receives it: from the body, or (DELETE) the `?overrideReason=` query. */
export interface OverrideInput {
  override?: TOverride | null;
  queryReason?: string;
}

/** The override of a DELETE call: the body's, else the query's. */
export function overrideOfDelete(body: TOverrideBody, query: { overrideReason?: string }): OverrideInput {
  return { override: body?.override ?? null, queryReason: query.overrideReason };
}
