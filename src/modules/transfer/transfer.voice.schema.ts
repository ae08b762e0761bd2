import { z } from 'zod';
import { FEEDBACK_KINDS, isScoreInRange } from '../../core/voice/feedback.js';
import { MAX_SCORE } from '../../core/voice/tally.js';
import { ZName } from '../common.schema.js';
import { FEEDBACK_SOURCES, ZComment, ZFeedbackInput, ZReply, ZSurveyInput } from '../feedback/feedback.schema.js';
import { MAX_OPTIONS } from '../governance/decision.schema.js';
import { PROJECT_KINDS, PROJECT_STATUSES, ZBallotInput, ZCreateProject, ZCreateRound } from '../participation/participation.schema.js';
import { ZCreatePoll } from '../polls/poll.schema.js';
import {
  PROPOSAL_STATUSES,
  ZChangeStatus,
  ZLinkImplementation,
  ZProposalBody,
  ZProposalTitle,
  ZReportInput,
} from '../proposals/proposal.schema.js';
import { ZVoiceSettingsInput } from '../voice/voice.schema.js';
import { derived, id, idn, intOf, jsonOf, t, textOf, tn, upTo } from './transfer.columns.js';

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
const feedbackKind = z.enum(FEEDBACK_KINDS);
const subjectType = z.enum(['promise', 'team', 'touchpoint']).nullable();
// A promise or team id, or a touchpoint's name.
const subjectId = textOf(ZFeedbackInput.shape.subjectId).nullable();
// As a poll on a decision takes them: option indexes of at most MAX_OPTIONS options, scores 0–MAX_SCORE.
const option = z
  .number()
  .int()
  .min(0)
  .max(MAX_OPTIONS - 1);
const ballot = z.union([
  z.object({ option }),
  z.object({ options: z.array(option).max(MAX_OPTIONS) }),
  z.object({ scores: z.array(z.number().int().min(0).max(MAX_SCORE)).max(MAX_OPTIONS) }),
  z.object({ ranking: z.array(option).max(MAX_OPTIONS) }),
]);
const methodResult = z.object({ funded: z.array(z.string()) }).passthrough();

export const VOICE_EXPORT = {
  clientSegments: z.array(z.object({ org_id: id, client_id: id, segment_id: id, created_at: t })).default([]),
  voiceSettings: z
    .array(
      z.object({
        org_id: id,
        allow_registration: flag,
        require_confirmed_email: flag,
        threshold_kind: ZVoiceSettingsInput.shape.thresholdKind,
        threshold_value: intOf(ZVoiceSettingsInput.shape.thresholdValue),
        response_days: intOf(ZVoiceSettingsInput.shape.responseDays),
        answer_team_id: idn,
        answer_promise_id: idn,
        hide_after_reports: intOf(ZVoiceSettingsInput.shape.hideAfterReports),
        updated_at: t,
        updated_by: idn,
      }),
    )
    .max(1)
    .default([]),
  surveys: z
    .array(
      z.object({
        id,
        org_id: id,
        kind: feedbackKind,
        question: textOf(ZSurveyInput.shape.question),
        subject_type: subjectType,
        subject_id: subjectId,
        touchpoint: subjectId,
        public_key: derived.min(1),
        active: flag,
        created_at: t,
        created_by: idn,
      }),
    )
    .default([]),
  feedback: z
    .array(
      z
        .object({
          id,
          org_id: id,
          survey_id: idn,
          kind: feedbackKind,
          score: tn,
          comment: upTo(ZComment),
          subject_type: subjectType,
          subject_id: subjectId,
          touchpoint: subjectId,
          client_id: idn,
          source: z.enum(FEEDBACK_SOURCES),
          answered_at: t,
          pain_id: idn,
          triaged_by: idn,
          triaged_at: tn,
          reply: textOf(ZReply.shape.text).nullable(),
          replied_by: idn,
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
        id,
        org_id: id,
        title: textOf(ZProposalTitle),
        body: textOf(ZProposalBody),
        segment_id: idn,
        author_client_id: idn,
        author_user_id: idn,
        author_label: derived,
        status: z.enum(PROPOSAL_STATUSES),
        supports: t.min(0),
        // The stored trending count travels as it is (the minute job takes it again as supports age).
        recent_supports: t.min(0).default(0),
        recent_oldest_at: tn.default(null),
        threshold: t.min(0),
        threshold_reached_at: tn,
        answer_due_at: tn,
        answer: upTo(ZChangeStatus.shape.answer).nullable(),
        answered_at: tn,
        answered_by: idn,
        implemented_type: ZLinkImplementation.shape.implementedType.nullable(),
        implemented_id: textOf(ZLinkImplementation.shape.implementedId).nullable(),
        merged_into_id: idn,
        reports: t.min(0),
        hidden_at: tn,
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  proposalSupports: z.array(z.object({ proposal_id: id, client_id: id, org_id: id, created_at: t })).default([]),
  contentReports: z
    .array(
      z.object({
        id,
        org_id: id,
        subject_type: ZReportInput.shape.subjectType,
        subject_id: id,
        reporter: textOf(ZReportInput.shape.reporter),
        reason: upTo(ZReportInput.shape.reason),
        created_at: t,
        resolved_at: tn,
        resolution: z.enum(['kept', 'removed']).nullable(),
        resolved_by: idn,
      }),
    )
    .default([]),
  polls: z
    .array(
      z.object({
        id,
        org_id: id,
        decision_id: id,
        kind: ZCreatePoll.shape.kind,
        question: textOf(ZCreatePoll.shape.question),
        segment_ids: jsonOf(ZCreatePoll.shape.segmentIds),
        opens_at: t,
        closes_at: t,
        quorum: intOf(ZCreatePoll.shape.quorum).nullable(),
        hide_results: flag,
        created_at: t,
        created_by: idn,
      }),
    )
    .default([]),
  pollBallots: z
    .array(z.object({ poll_id: id, client_id: id, org_id: id, ballot: jsonOf(ballot), created_at: t, updated_at: t }))
    .default([]),
  pbRounds: z
    .array(
      z.object({
        id,
        org_id: id,
        title: textOf(ZName),
        description: upTo(ZCreateRound.shape.description),
        budget_minor: intOf(ZCreateRound.shape.budgetMinor),
        method: ZCreateRound.shape.method.unwrap(),
        segment_ids: jsonOf(ZCreateRound.shape.segmentIds),
        opens_at: t,
        closes_at: t,
        status: z.enum(['draft', 'open', 'allocated']),
        // Frozen when allocated: both methods' results as they were then.
        result: jsonOf(z.object({ greedy: methodResult, mes: methodResult }).passthrough()).nullable(),
        allocated_at: tn,
        allocated_by: idn,
        created_at: t,
        created_by: idn,
      }),
    )
    .default([]),
  pbProjects: z
    .array(
      z.object({
        id,
        org_id: id,
        round_id: id,
        title: textOf(ZName),
        description: upTo(ZCreateProject.shape.description),
        cost_minor: intOf(ZCreateProject.shape.costMinor),
        kind: z.enum(PROJECT_KINDS),
        team_id: idn,
        status: z.enum(PROJECT_STATUSES),
        allocation_id: idn,
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  pbBallots: z
    .array(
      z.object({
        round_id: id,
        client_id: id,
        org_id: id,
        project_ids: jsonOf(ZBallotInput.shape.projectIds),
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
};
