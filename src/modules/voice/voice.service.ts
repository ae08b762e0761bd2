import { invalidField } from '../../core/errors.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import type { TVoiceSettingsInput } from './voice.schema.js';
import { loadVoiceSettings } from './voice.settings.js';

/** The organization's voice settings as the API shows them. */
export async function getVoiceSettings(ctx: OrgContext, smtpConfigured: boolean) {
  const s = await loadVoiceSettings(ctx.db, ctx.org.id);
  const { updatedAt, ...rest } = s;
  return { ...rest, updatedAt, smtpConfigured };
}

/** Saves the settings; the answer team must be a team of the organization. */
export async function putVoiceSettings(ctx: OrgContext, input: TVoiceSettingsInput, smtpConfigured: boolean) {
  await ctx.db.transaction().execute(async (tx) => {
    if (input.answerTeamId) {
      const team = await tx
        .selectFrom('teams')
        .select('id')
        .where('org_id', '=', ctx.org.id)
        .where('id', '=', input.answerTeamId)
        .executeTakeFirst();
      if (!team) throw invalidField('answerTeamId', 'no team with this id in the organization');
    }
    const before = await loadVoiceSettings(tx, ctx.org.id);
    const row = {
      org_id: ctx.org.id,
      allow_registration: input.allowRegistration ? 1 : 0,
      require_confirmed_email: input.requireConfirmedEmail ? 1 : 0,
      threshold_kind: input.thresholdKind,
      threshold_value: input.thresholdValue,
      response_days: input.responseDays,
      answer_team_id: input.answerTeamId,
      answer_promise_id: before.answerPromiseId,
      hide_after_reports: input.hideAfterReports,
      updated_at: ctx.now,
      updated_by: ctx.actor.id,
    };
    const { org_id: _org, answer_promise_id: _promise, ...changes } = row;
    await tx
      .insertInto('voice_settings')
      .values(row)
      .onConflict((oc) => oc.column('org_id').doUpdateSet(changes))
      .execute();
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'voice.settings_changed',
      entityType: 'organization',
      entityId: ctx.org.id,
      before,
      after: { ...input },
      at: ctx.now,
    });
  });
  return getVoiceSettings(ctx, smtpConfigured);
}
