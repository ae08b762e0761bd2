import { invalidField } from '../../core/errors.js';
import { translate } from '../../i18n/index.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { listRightNames } from '../governance/rights.repository.js';
import { forgetBoardOf } from '../promises/board.service.js';
import { findPromise, updatePromiseRow } from '../promises/promise.repository.js';
import { createVersion } from '../promises/promise.service.js';
import { ANSWER_ACTOR } from '../proposals/answer.service.js';
import { loadVoiceSettings } from '../proposals/voice-settings.js';
import { saveVoiceSettings, voiceSettingsRow } from '../proposals/voice-settings.repository.js';
import { findTeam } from '../teams/team.repository.js';
import { proposeAnswerTeam } from './answer-team.service.js';
import type { TVoiceSettingsInput } from './voice.schema.js';

/** The organization's voice settings as the API shows them. */
export async function getVoiceSettings(ctx: OrgContext, smtpConfigured: boolean) {
  const s = await loadVoiceSettings(ctx.db, ctx.org.id);
  const { updatedAt, ...rest } = s;
  return { ...rest, updatedAt, smtpConfigured };
}

/**
 * Keeps the answer promise saying what the settings say: the days to answer (in its title and
 * statement) make one new version of its terms when they change, with the reason in the
 * organization's language, at once. The team that answers changes only when a proposed team
 * accepts (answer-team.service.ts), never by the settings alone. The threshold is not stated in its
 * terms ("reach the threshold"), so changing it changes nothing.
 */
async function reviseAnswerPromise(ctx: OrgContext, input: TVoiceSettingsInput): Promise<void> {
  const settings = await loadVoiceSettings(ctx.db, ctx.org.id);
  if (!settings.answerPromiseId) return;
  const promise = await findPromise(ctx.db, ctx.org.id, settings.answerPromiseId);
  if (promise?.status !== 'published') return;
  const locale = ctx.org.locale === 'en' ? 'en' : 'ru';
  if (input.responseDays === settings.responseDays) return;
  const reason = translate(locale, 'voiceProposals.answerPromise.daysChanged', { from: settings.responseDays, to: input.responseDays });
  const days = input.responseDays;
  // The organization's settings state these terms: the system writes the version, not someone acting for the team.
  await createVersion({ ...ctx, actor: ANSWER_ACTOR }, settings.answerPromiseId, {
    statement: translate(locale, 'voiceProposals.answerPromise.statement', { count: days, org: ctx.org.name }),
    reason,
  });
  await retitleAnswerPromise(ctx, settings.answerPromiseId, promise.title, days);
  forgetBoardOf(ctx.org.id);
}

/** The title states the days too; it is not part of the versioned terms, so it follows the new version. */
async function retitleAnswerPromise(ctx: OrgContext, id: string, before: string, days: number): Promise<void> {
  const title = translate(ctx.org.locale === 'en' ? 'en' : 'ru', 'voiceProposals.answerPromise.title', { count: days });
  if (title === before) return;
  await ctx.db.transaction().execute(async (tx) => {
    await updatePromiseRow(tx, ctx.org.id, id, { title, updated_at: ctx.now });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'promise.updated',
      entityType: 'promise',
      entityId: id,
      before: { title: before },
      after: { title },
      at: ctx.now,
    });
  });
}

/** Saves the settings; the answer team must be a team of the organization: proposed, it owns the answer promise once it accepts. */
export async function putVoiceSettings(ctx: OrgContext, input: TVoiceSettingsInput, smtpConfigured: boolean) {
  if (input.answerTeamId) {
    const team = await findTeam(ctx.db, ctx.org.id, input.answerTeamId);
    if (!team) throw invalidField('answerTeamId', 'not_found', 'no team with this id in the organization', { entity: 'team' });
  }
  const rights = new Set((await listRightNames(ctx.db, ctx.org.id)).map((r) => r.id));
  const unknown = input.bindingPollRightIds.findIndex((id) => !rights.has(id));
  if (unknown >= 0)
    throw invalidField(`bindingPollRightIds.${unknown}`, 'not_found', 'no decision right with this id in the organization', {
      entity: 'right',
    });
  await reviseAnswerPromise(ctx, input);
  await ctx.db.transaction().execute(async (tx) => {
    const before = await loadVoiceSettings(tx, ctx.org.id);
    const row = voiceSettingsRow(ctx.org.id, { ...input, answerPromiseId: before.answerPromiseId }, ctx.now, ctx.actor.id);
    await saveVoiceSettings(tx, row);
    if (input.answerTeamId !== before.answerTeamId) await proposeAnswerTeam(tx, ctx, input.answerTeamId);
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
