import type { Tx } from '../../db/schema.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { recordOverride } from '../governance/override.service.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import type { OverrideAction } from '../teams/override.schema.js';
import { describePromises, loadPromise, updatePromiseRow } from './promise.repository.js';
import type { TPromise } from './promise.schema.js';
import type { ActingFor } from './promise-authority.js';

/** What someone not in the team did for it on a promise (`promises.actedFor.*` on the web). */
export type ActedForAction =
  | 'created'
  | 'updated'
  | 'team_given'
  | 'published'
  | 'took_over'
  | 'version_created'
  | 'retired'
  | 'answer_promise_accepted';

/** The override each act on a promise is recorded as, in the team's list of overrides. */
const OVERRIDE_OF: Record<ActedForAction, OverrideAction> = {
  created: 'promise_created',
  updated: 'promise_updated',
  team_given: 'promise_team_given',
  published: 'promise_published',
  took_over: 'promise_took_over',
  version_created: 'promise_version_created',
  retired: 'promise_retired',
  answer_promise_accepted: 'promise_answer_accepted',
};

/**
 * Someone not in the team acted for it with a reason: kept on the promise (shown with it), in the
 * audit log, told to the team's people, and recorded as an override of the team's authority
 * (governance's `overrides`: the team's rights tab and the quarter's count), one notification in
 * all. Returns the promise as it is now.
 */
export async function recordActingFor(
  tx: Tx,
  ctx: OrgContext,
  id: string,
  teamId: string,
  action: ActedForAction,
  acting: ActingFor,
): Promise<TPromise> {
  const row = await loadPromise(tx, ctx.org.id, id);
  const by = await actorName(tx, ctx);
  const overrides = [...(JSON.parse(row.overrides ?? '[]') as TPromise['overrides']), { action, reason: acting.reason, by, at: ctx.now }];
  await updatePromiseRow(tx, ctx.org.id, id, { overrides: JSON.stringify(overrides) });
  await recordOverride(tx, ctx, { teamId, action: OVERRIDE_OF[action], subjectType: 'promise', subjectId: id }, acting.reason, {
    notify: false,
  });
  await appendAudit(tx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    action: 'promise.acted_for_team',
    entityType: 'promise',
    entityId: id,
    after: { action, teamId, reason: acting.reason },
    at: ctx.now,
  });
  await notifyUsers(
    tx,
    ctx.org.id,
    await peopleOf(tx, ctx.org.id, 'team', teamId),
    {
      kind: 'promise_acted_for',
      subjectType: 'promise',
      subjectId: id,
      params: { promise: row.title, action, by, reason: acting.reason },
      participantsOnly: true,
    },
    ctx.now,
    ctx.actor.id,
  );
  const [promise] = await describePromises(tx, ctx.org.id, [await loadPromise(tx, ctx.org.id, id)]);
  return promise as TPromise;
}
