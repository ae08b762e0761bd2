import { invalidField } from '../../core/errors.js';
import { translate } from '../../i18n/index.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { createVersion } from '../promises/promise.service.js';
import { answerTeamOf } from '../proposals/answer.service.js';
import type { TVoiceSettingsInput } from './voice.schema.js';
import { loadVoiceSettings } from './voice.settings.js';

/** The organization's voice settings as the API shows them. */
export async function getVoiceSettings(ctx: OrgContext, smtpConfigured: boolean) {
  const s = await loadVoiceSettings(ctx.db, ctx.org.id);
  const { updatedAt, ...rest } = s;
  return { ...rest, updatedAt, smtpConfigured };
}

/**
 * Hands the promise of answering proposals to the team now named to answer (a new version of its
 * terms, as any change of promiser is), so whoever owes the answers keeps the promise.
 */
async function moveAnswerPromise(ctx: OrgContext, answerTeamId: string | null): Promise<void> {
  const settings = await loadVoiceSettings(ctx.db, ctx.org.id);
  if (!settings.answerPromiseId) return;
  const promise = await ctx.db
    .selectFrom('promises')
    .select(['promiser_team_id', 'status'])
    .where('org_id', '=', ctx.org.id)
    .where('id', '=', settings.answerPromiseId)
    .executeTakeFirst();
  if (promise?.status !== 'published') return;
  const team = await answerTeamOf(ctx.db, ctx.org.id, answerTeamId);
  if (!team || team === promise.promiser_team_id) return;
  await createVersion(ctx, settings.answerPromiseId, {
    promiserTeamId: team,
    reason: translate(ctx.org.locale === 'en' ? 'en' : 'ru', 'voiceProposals.answerPromise.teamChanged'),
  });
}

/** Saves the settings; the answer team must be a team of the organization, and takes the answer promise on. */
export async function putVoiceSettings(ctx: OrgContext, input: TVoiceSettingsInput, smtpConfigured: boolean) {
  if (input.answerTeamId) {
    const team = await ctx.db
      .selectFrom('teams')
      .select('id')
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', input.answerTeamId)
      .executeTakeFirst();
    if (!team) throw invalidField('answerTeamId', 'no team with this id in the organization');
  }
  await moveAnswerPromise(ctx, input.answerTeamId);
  await ctx.db.transaction().execute(async (tx) => {
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
