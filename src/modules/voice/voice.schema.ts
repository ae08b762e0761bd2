import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../../core/pagination.js';
import { ZId, ZTime } from '../common.schema.js';
import { ZActingFor } from '../promises/promise.schema.js';

const ZVoiceSettingsFields = z.object({
  allowRegistration: z.boolean().describe('clients may register themselves in the portal, confirming their e-mail'),
  requireConfirmedEmail: z.boolean().describe('supporting proposals, voting and budget ballots need a confirmed e-mail'),
  thresholdKind: z.enum(['count', 'share']).describe('count: a number of supports; share: basis points of the segment’s clients'),
  thresholdValue: z.number().int().min(1).max(1_000_000).describe('supports (count) or basis points 1–10000 (share: 500 = 5%)'),
  responseDays: z.number().int().min(1).max(365).describe('days to answer a proposal once it reaches the threshold'),
  answerTeamId: ZId.nullable().describe(
    'the team proposed to owe answers to proposals; it owns the answer promise once it accepts (POST …/voice-settings/answer-team/accept); null: none proposed',
  ),
  hideAfterReports: z.number().int().min(1).max(1000).describe('a proposal is hidden for moderation after this many reports'),
  bindingPollRightIds: z
    .array(ZId)
    .max(100)
    .default([])
    .describe(
      'decision rights under which a client poll binds: deciding against the winner of a poll that counts is refused with 409 clients_decided instead of taking a clientRationale; none when omitted',
    ),
});

export const ZVoiceSettingsInput = ZVoiceSettingsFields.refine((v) => v.thresholdKind !== 'share' || v.thresholdValue <= 10_000, {
  path: ['thresholdValue'],
  message: 'a share is at most 10000 basis points (100%)',
  params: { code: 'too_big', maximum: 10000 },
}).meta({ id: 'VoiceSettingsInput' });
export type TVoiceSettingsInput = z.output<typeof ZVoiceSettingsInput>;

export const ZVoiceSettings = ZVoiceSettingsFields.extend({
  answerPromiseId: ZId.nullable().describe('the promise measuring answers in time; made when the proposed team accepts it'),
  answerTeamAcceptedAt: ZTime.nullable().describe('when the proposed team accepted the answer promise; null: proposed, not owned'),
  answerTeamAcceptedBy: z.string().nullable().describe('who accepted it for the team'),
  updatedAt: ZTime.nullable(),
  smtpConfigured: z.boolean().describe('false: e-mail stays in the outbox'),
}).meta({ id: 'VoiceSettings' });

export const ZOutboxQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  topic: z.string().max(100).optional(),
});

export const ZOutboxMessage = z
  .object({
    id: ZId,
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    topic: z.string(),
    status: z.enum(['pending', 'sent', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: ZTime,
    sentAt: ZTime.nullable(),
  })
  .meta({ id: 'OutboxMessage' });

/** The proposed answering team accepts the answer promise, declaring what backs it (like any promise). */
export const ZAcceptAnswerPromise = z
  .object({
    requiredCapabilityIds: z.array(ZId).max(50).default([]).describe('capabilities of the team it is kept with; it must hold them'),
    requiredRightIds: z.array(ZId).max(50).default([]).describe('decision rights the team holds that it is kept with'),
    override: ZActingFor,
  })
  .meta({ id: 'AcceptAnswerPromise' });
export type TAcceptAnswerPromise = z.output<typeof ZAcceptAnswerPromise>;
