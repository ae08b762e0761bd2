import { dialectOf } from '../../db/database.js';
import type { Tx, VoiceSettingsTable } from '../../db/schema.js';

/** The organization's saved voice settings, or undefined while it runs on the defaults. */
export async function findVoiceSettingsRow(tx: Tx, orgId: string): Promise<VoiceSettingsTable | undefined> {
  return tx.selectFrom('voice_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

/** Saves the settings an admin chose; the answer promise's id is not theirs to change. */
export async function saveVoiceSettings(tx: Tx, row: VoiceSettingsTable): Promise<void> {
  const { org_id: _org, answer_promise_id: _promise, ...changes } = row;
  await tx
    .insertInto('voice_settings')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet(changes))
    .execute();
}

/** Stores `defaults` unless the organization has a settings row, then holds the row until the transaction ends (PostgreSQL). */
export async function lockVoiceSettings(tx: Tx, defaults: VoiceSettingsTable): Promise<void> {
  await tx
    .insertInto('voice_settings')
    .values(defaults)
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  if (dialectOf(tx) === 'postgres')
    await tx.selectFrom('voice_settings').select('org_id').where('org_id', '=', defaults.org_id).forUpdate().execute();
}

/** Proposes the answering team (the demo; admins do it through the settings). */
export async function setAnswerTeamId(tx: Tx, orgId: string, teamId: string | null): Promise<void> {
  await tx.updateTable('voice_settings').set({ answer_team_id: teamId }).where('org_id', '=', orgId).execute();
}

/** Records the proposed answering team's acceptance (or clears it: null, when another team is proposed). */
export async function setAnswerTeamAcceptance(tx: Tx, orgId: string, accepted: { at: number; by: string } | null): Promise<void> {
  await tx
    .updateTable('voice_settings')
    .set({ answer_team_accepted_at: accepted?.at ?? null, answer_team_accepted_by: accepted?.by ?? null })
    .where('org_id', '=', orgId)
    .execute();
}

export async function setAnswerPromiseId(tx: Tx, orgId: string, promiseId: string): Promise<void> {
  await tx.updateTable('voice_settings').set({ answer_promise_id: promiseId }).where('org_id', '=', orgId).execute();
}

/** The stored row of voice settings (booleans as 0/1), as of `now`, saved by `updatedBy` (null: the system). */
export function voiceSettingsRow(
  orgId: string,
  settings: {
    allowRegistration: boolean;
    requireConfirmedEmail: boolean;
    thresholdKind: 'count' | 'share';
    thresholdValue: number;
    responseDays: number;
    answerTeamId: string | null;
    answerPromiseId: string | null;
    hideAfterReports: number;
    /** None when omitted (the demo and the answer promise do not speak of it). */
    bindingPollRightIds?: string[];
  },
  now: number,
  updatedBy: string | null,
): VoiceSettingsTable {
  return {
    org_id: orgId,
    allow_registration: settings.allowRegistration ? 1 : 0,
    require_confirmed_email: settings.requireConfirmedEmail ? 1 : 0,
    threshold_kind: settings.thresholdKind,
    threshold_value: settings.thresholdValue,
    response_days: settings.responseDays,
    answer_team_id: settings.answerTeamId,
    answer_promise_id: settings.answerPromiseId,
    hide_after_reports: settings.hideAfterReports,
    binding_poll_right_ids: JSON.stringify(settings.bindingPollRightIds ?? []),
    updated_at: now,
    updated_by: updatedBy,
  };
}
