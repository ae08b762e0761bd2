import { z } from 'zod';
import { FEEDBACK_KINDS, isScoreInRange } from '../../core/voice/feedback.js';
import { jsonOf, s, sn, t, tn } from './transfer.columns.js';

/**
 * Client voice (M7) in the export file: rows as stored. Files written before client voice have none
 * of these keys and import as an organization without feedback, proposals, polls or rounds.
 *
 * The e-mail outbox is deliberately not exported: it holds one-time sign-in and confirmation links
 * (secrets meant for one reader, short-lived) and delivery state of this server. Client sessions and
 * rate limits are not exported either.
 */

/** File keys and tables of client voice, in the order rows must be inserted (after discovery, economics). */
export const VOICE_KEYS = [
  ['clientSegments', 'client_segments'],
  // After teams and promises: it names the team that owes answers and the promise measuring them.
  ['voiceSettings', 'voice_settings'],
  ['surveys', 'surveys'],
  ['feedback', 'feedback'],
  ['proposals', 'proposals'],
  ['proposalSupports', 'proposal_supports'],
  ['contentReports', 'content_reports'],
  ['polls', 'polls'],
  ['pollBallots', 'poll_ballots'],
  ['pbRounds', 'pb_rounds'],
  // After reserve_allocations: a funded project names its allocation.
  ['pbProjects', 'pb_projects'],
  ['pbBallots', 'pb_ballots'],
] as const;

const flag = z.union([z.literal(0), z.literal(1)]);
const jsonIds = jsonOf(z.array(z.string()));
const feedbackKind = z.enum(FEEDBACK_KINDS);
const subjectType = z.enum(['promise', 'team', 'touchpoint']).nullable();
const ballot = z.union([
  z.object({ option: z.number().int().min(0) }),
  z.object({ options: z.array(z.number().int().min(0)) }),
  z.object({ scores: z.array(z.number()) }),
  z.object({ ranking: z.array(z.number().int().min(0)) }),
]);
const methodResult = z.object({ funded: z.array(z.string()) }).passthrough();

export const VOICE_EXPORT = {
  clientSegments: z.array(z.object({ org_id: s, client_id: s, segment_id: s, created_at: t })).default([]),
  voiceSettings: z
    .array(
      z.object({
        org_id: s,
        allow_registration: flag,
        require_confirmed_email: flag,
        threshold_kind: z.enum(['count', 'share']),
        threshold_value: t.min(1),
        response_days: t.min(1),
        answer_team_id: sn,
        answer_promise_id: sn,
        hide_after_reports: t.min(1),
        updated_at: t,
        updated_by: sn,
      }),
    )
    .max(1)
    .default([]),
  surveys: z
    .array(
      z.object({
        id: s,
        org_id: s,
        kind: feedbackKind,
        question: s,
        subject_type: subjectType,
        subject_id: sn,
        touchpoint: sn,
        public_key: s.min(1),
        active: flag,
        created_at: t,
        created_by: sn,
      }),
    )
    .default([]),
  feedback: z
    .array(
      z
        .object({
          id: s,
          org_id: s,
          survey_id: sn,
          kind: feedbackKind,
          score: tn,
          comment: s,
          subject_type: subjectType,
          subject_id: sn,
          touchpoint: sn,
          client_id: sn,
          source: z.enum(['link', 'portal', 'api']),
          answered_at: t,
          pain_id: sn,
          triaged_by: sn,
          triaged_at: tn,
          reply: sn,
          replied_by: sn,
          replied_at: tn,
          reports: t.min(0),
          hidden_at: tn,
          created_at: t,
        })
        .refine((r) => r.score === null || isScoreInRange(r.kind, r.score), {
          path: ['score'],
          message: 'outside the scale of its kind',
        }),
    )
    .default([]),
  proposals: z
    .array(
      z.object({
        id: s,
        org_id: s,
        title: s,
        body: s,
        segment_id: sn,
        author_client_id: sn,
        author_user_id: sn,
        author_label: s,
        status: z.enum(['open', 'under_consideration', 'accepted', 'declined', 'implemented', 'merged']),
        supports: t.min(0),
        // The stored trending count travels as it is (the minute job takes it again as supports age).
        recent_supports: t.min(0).default(0),
        recent_oldest_at: tn.default(null),
        threshold: t.min(0),
        threshold_reached_at: tn,
        answer_due_at: tn,
        answer: sn,
        answered_at: tn,
        answered_by: sn,
        implemented_type: z.enum(['promise', 'experiment', 'decision']).nullable(),
        implemented_id: sn,
        merged_into_id: sn,
        reports: t.min(0),
        hidden_at: tn,
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  proposalSupports: z.array(z.object({ proposal_id: s, client_id: s, org_id: s, created_at: t })).default([]),
  contentReports: z
    .array(
      z.object({
        id: s,
        org_id: s,
        subject_type: z.enum(['proposal', 'feedback']),
        subject_id: s,
        reporter: s,
        reason: s,
        created_at: t,
        resolved_at: tn,
        resolution: z.enum(['kept', 'removed']).nullable(),
        resolved_by: sn,
      }),
    )
    .default([]),
  polls: z
    .array(
      z.object({
        id: s,
        org_id: s,
        decision_id: s,
        kind: z.enum(['single', 'approval', 'score', 'ranked']),
        question: s,
        segment_ids: jsonIds,
        opens_at: t,
        closes_at: t,
        quorum: tn,
        hide_results: flag,
        created_at: t,
        created_by: sn,
      }),
    )
    .default([]),
  pollBallots: z.array(z.object({ poll_id: s, client_id: s, org_id: s, ballot: jsonOf(ballot), created_at: t, updated_at: t })).default([]),
  pbRounds: z
    .array(
      z.object({
        id: s,
        org_id: s,
        title: s,
        description: s,
        budget_minor: t.min(0),
        method: z.enum(['greedy', 'mes']),
        segment_ids: jsonIds,
        opens_at: t,
        closes_at: t,
        status: z.enum(['draft', 'open', 'allocated']),
        // Frozen when allocated: both methods' results as they were then.
        result: jsonOf(z.object({ greedy: methodResult, mes: methodResult }).passthrough()).nullable(),
        allocated_at: tn,
        allocated_by: sn,
        created_at: t,
        created_by: sn,
      }),
    )
    .default([]),
  pbProjects: z
    .array(
      z.object({
        id: s,
        org_id: s,
        round_id: s,
        title: s,
        description: s,
        cost_minor: t.min(0),
        kind: z.enum(['project', 'experiment']),
        team_id: sn,
        status: z.enum(['candidate', 'funded', 'not_funded', 'in_progress', 'done']),
        allocation_id: sn,
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  pbBallots: z.array(z.object({ round_id: s, client_id: s, org_id: s, project_ids: jsonIds, created_at: t, updated_at: t })).default([]),
};
