import type { Tx } from '../../db/schema.js';
import { findVoiceSettingsRow } from './voice-settings.repository.js';

/** How an organization runs client voice; defaults apply until an admin saves settings. */
export interface VoiceSettings {
  /** Clients may register themselves in the portal (confirming their e-mail). */
  allowRegistration: boolean;
  /** Supporting proposals, voting in polls and allocating the reserve need a confirmed e-mail. */
  requireConfirmedEmail: boolean;
  /** `count`: this many supports; `share`: basis points of the proposal's segment's clients (all clients without a segment). */
  thresholdKind: 'count' | 'share';
  thresholdValue: number;
  /** Days the organization has to answer a proposal once it reaches the threshold. */
  responseDays: number;
  /** The team an admin proposed to owe answers to proposals; null until set. It owns the answer promise once it accepted. */
  answerTeamId: string | null;
  /** When the proposed team accepted the answer promise, and who for it; null while only proposed. */
  answerTeamAcceptedAt: number | null;
  answerTeamAcceptedBy: string | null;
  /** The promise measuring answers in time; made when the first proposal reaches its threshold. */
  answerPromiseId: string | null;
  /** A proposal or a feedback comment is hidden for moderation after this many reports. */
  hideAfterReports: number;
  /** Decision rights under which a counting client poll binds: deciding against its winner is refused (clients_decided). */
  bindingPollRightIds: string[];
  updatedAt: number | null;
}

export const DEFAULT_VOICE_SETTINGS: VoiceSettings = {
  allowRegistration: false,
  requireConfirmedEmail: false,
  thresholdKind: 'count',
  thresholdValue: 10,
  responseDays: 14,
  answerTeamId: null,
  answerTeamAcceptedAt: null,
  answerTeamAcceptedBy: null,
  answerPromiseId: null,
  hideAfterReports: 3,
  bindingPollRightIds: [],
  updatedAt: null,
};

/** The organization's voice settings, or the defaults when none are saved. */
export async function loadVoiceSettings(db: Tx, orgId: string): Promise<VoiceSettings> {
  const row = await findVoiceSettingsRow(db, orgId);
  if (!row) return { ...DEFAULT_VOICE_SETTINGS };
  return {
    allowRegistration: row.allow_registration === 1,
    requireConfirmedEmail: row.require_confirmed_email === 1,
    thresholdKind: row.threshold_kind,
    thresholdValue: row.threshold_value,
    responseDays: row.response_days,
    answerTeamId: row.answer_team_id,
    answerTeamAcceptedAt: row.answer_team_accepted_at ?? null,
    answerTeamAcceptedBy: row.answer_team_accepted_by ?? null,
    answerPromiseId: row.answer_promise_id,
    hideAfterReports: row.hide_after_reports,
    bindingPollRightIds: JSON.parse(row.binding_poll_right_ids) as string[],
    updatedAt: row.updated_at,
  };
}
