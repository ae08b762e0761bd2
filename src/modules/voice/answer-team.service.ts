import { conflict, invalidField } from '../../core/errors.js';
import type { Tx } from '../../db/schema.js';
import { translate } from '../../i18n/index.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import { backingError, missingFor } from '../promises/backing.service.js';
import { forgetBoardOf } from '../promises/board.service.js';
import { updatePromiseRow } from '../promises/promise.repository.js';
import { recordActingFor } from '../promises/promise-acting-for.js';
import { requirePromiser } from '../promises/promise-authority.js';
import { findExistingIds } from '../promises/promise-links.repository.js';
import { ANSWER_ACTOR, ensureAnswerPromise } from '../proposals/answer.service.js';
import { loadVoiceSettings } from '../proposals/voice-settings.js';
import { findVoiceSettingsRow, setAnswerTeamAcceptance } from '../proposals/voice-settings.repository.js';
import { findTeam } from '../teams/team.repository.js';
import type { TAcceptAnswerPromise } from './voice.schema.js';

/**
 * An admin proposed another answering team (or none): until it accepts, the answer promise is not
 * its own — the acceptance is cleared and the proposed team's people are asked. Inside the caller's
 * transaction, after the settings are saved.
 */
export async function proposeAnswerTeam(tx: Tx, ctx: OrgContext, teamId: string | null): Promise<void> {
  await setAnswerTeamAcceptance(tx, ctx.org.id, null);
  if (!teamId) return;
  const settings = await loadVoiceSettings(tx, ctx.org.id);
  await notifyUsers(
    tx,
    ctx.org.id,
    await peopleOf(tx, ctx.org.id, 'team', teamId),
    {
      kind: 'answer_promise_proposed',
      subjectType: 'team',
      subjectId: teamId,
      params: { days: settings.responseDays, by: await actorName(tx, ctx) },
      participantsOnly: true,
    },
    ctx.now,
    ctx.actor.id,
  );
}

/**
 * The proposed answering team accepts the organization's promise to answer proposals: from now it
 * is that team's — made and published for it (or handed over from the team before it), backed by
 * the capabilities and rights it declares (it must hold them; none declared: the system's waiver,
 * as before). Its members accept; an admin, the council or a token not in it only with
 * `override.reason`, recorded on the promise and told to the team. The admin who proposed is told.
 * Accepting what the team already accepted changes nothing. 409 when no team is proposed.
 */
export async function acceptAnswerPromise(ctx: OrgContext, input: TAcceptAnswerPromise): Promise<{ promiseId: string }> {
  const promiseId = await ctx.db.transaction().execute(async (tx) => {
    const settings = await loadVoiceSettings(tx, ctx.org.id);
    const teamId = settings.answerTeamId;
    if (!teamId)
      throw conflict('answerTeamId', 'required', 'no team is proposed to answer proposals: an admin proposes one in the voice settings', {
        entity: 'team',
      });
    const team = await findTeam(tx, ctx.org.id, teamId);
    if (!team) throw invalidField('answerTeamId', 'not_found', 'the proposed team no longer exists', { entity: 'team' });
    const acting = await requirePromiser(tx, ctx, teamId, 'accept the answer promise', 'answerTeamId', input.override);
    // Ids of another organization are refused even when nothing would change.
    for (const [field, table, ids] of [
      ['requiredCapabilityIds', 'capabilities', input.requiredCapabilityIds],
      ['requiredRightIds', 'decision_rights', input.requiredRightIds],
    ] as const) {
      const found = await findExistingIds(tx, ctx.org.id, table, ids);
      const index = ids.findIndex((id) => !found.has(id));
      if (index >= 0)
        throw invalidField(`${field}.${index}`, 'not_found', 'not in the organization', {
          entity: table === 'capabilities' ? 'capability' : 'right',
        });
    }
    // Accepting again is idempotent: the team already owns the promise, nothing changes or is recorded.
    if (settings.answerTeamAcceptedAt !== null && settings.answerPromiseId) return settings.answerPromiseId;
    const missing = await missingFor(tx, ctx.org.id, teamId, input.requiredCapabilityIds, input.requiredRightIds);
    if (missing.capabilities.length + missing.rights.length > 0)
      throw backingError(missing, input.requiredCapabilityIds, input.requiredRightIds);
    const by = await actorName(tx, ctx);
    await setAnswerTeamAcceptance(tx, ctx.org.id, { at: ctx.now, by });
    const id = (await ensureAnswerPromise(tx, ctx.org, ctx.now)) as string;
    // Backed like any other promise: what it declares must stay held (revoking it marks it unbacked);
    // declaring neither a capability nor a right keeps the system's recorded waiver.
    const declared = input.requiredCapabilityIds.length > 0 && input.requiredRightIds.length > 0;
    await updatePromiseRow(tx, ctx.org.id, id, {
      required_capability_ids: JSON.stringify(input.requiredCapabilityIds),
      required_right_ids: JSON.stringify(input.requiredRightIds),
      ...(declared
        ? { backing_waiver_reason: null, backing_waived_by: null, backing_waived_at: null }
        : {
            backing_waiver_reason: translate(ctx.org.locale, 'voiceProposals.answerPromise.waiver'),
            backing_waived_by: ANSWER_ACTOR.label,
            backing_waived_at: ctx.now,
          }),
      updated_at: ctx.now,
    });
    if (acting) await recordActingFor(tx, ctx, id, teamId, 'answer_promise_accepted', acting);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'voice.answer_team_accepted',
      entityType: 'organization',
      entityId: ctx.org.id,
      after: {
        teamId,
        promiseId: id,
        requiredCapabilityIds: input.requiredCapabilityIds,
        requiredRightIds: input.requiredRightIds,
        ...(acting && { override: acting }),
      },
      at: ctx.now,
    });
    const proposer = (await findVoiceSettingsRow(tx, ctx.org.id))?.updated_by;
    if (proposer)
      await notifyUsers(
        tx,
        ctx.org.id,
        [proposer],
        { kind: 'answer_promise_accepted', subjectType: 'promise', subjectId: id, params: { team: team.name, by } },
        ctx.now,
        ctx.actor.id,
      );
    return id;
  });
  forgetBoardOf(ctx.org.id);
  return { promiseId };
}
