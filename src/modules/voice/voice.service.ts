import { invalidField } from '../../core/errors.js';
import { translate } from '../../i18n/index.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { listRightNames } from '../governance/rights.repository.js';
import { forgetBoardOf } from '../promises/board.service.js';
import { findPromise, updatePromiseRow } from '../promises/promise.repository.js';
import { createVersion } from '../promises/promise.service.js';
import { answerTeamOf } from '../proposals/answer.service.js';
import { loadVoiceSettings } from '../proposals/voice-settings.js';
import { saveVoiceSettings, voiceSettingsRow } from '../proposals/voice-settings.repository.js';
import { findTeam } from '../teams/team.repository.js';
import type { TVoiceSettingsInput } from './voice.schema.js';

/** The organization's voice settings as the API shows them. */
export async function getVoiceSettings(ctx: OrgContext, smtpConfigured: boolean) {
  const s = await loadVoiceSettings(ctx.db, ctx.org.id);
  const { updatedAt, ...rest } = s;
  return { ...rest, updatedAt, smtpConfigured };
}

/**
 * Keeps the answer promise saying what the settings say: every setting its terms state — the team
 * that answers (its promiser) and the days to answer (in its title and statement) — makes one new
 * version of its terms when it changes, with the reason in the organization's language, at once.
 * The threshold is not stated in its terms ("reach the threshold"), so changing it changes nothing.
 */
async function reviseAnswerPromise(ctx: OrgContext, input: TVoiceSettingsInput): Promise<void> {
  const settings = await loadVoiceSettings(ctx.db, ctx.org.id);
  if (!settings.answerPromiseId) return;
  const promise = await findPromise(ctx.db, ctx.org.id, settings.answerPromiseId);
  if (promise?.status !== 'published') return;
  const locale = ctx.org.locale === 'en' ? 'en' : 'ru';
  const team = await answerTeamOf(ctx.db, ctx.org.id, input.answerTeamId);
  const teamChanged = team !== null && team !== promise.promiser_team_id;
  const daysChanged = input.responseDays !== settings.responseDays;
  if (!teamChanged && !daysChanged) return;
  const reasons: string[] = [];
  if (daysChanged)
    reasons.push(translate(locale, 'voiceProposals.answerPromise.daysChanged', { from: settings.responseDays, to: input.responseDays }));
  if (teamChanged) reasons.push(translate(locale, 'voiceProposals.answerPromise.teamChanged'));
  const days = input.responseDays;
  await createVersion(ctx, settings.answerPromiseId, {
    ...(teamChanged && { promiserTeamId: team }),
    ...(daysChanged && { statement: translate(locale, 'voiceProposals.answerPromise.statement', { count: days, org: ctx.org.name }) }),
    reason: reasons.join(' '),
  });
  if (daysChanged) await retitleAnswerPromise(ctx, settings.answerPromiseId, promise.title, days);
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

/** Saves the settings; the answer team must be a team of the organization, and takes the answer promise on. */
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
