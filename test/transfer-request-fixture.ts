/** Promise requests for the export/import tests (the demo makes none): open, accepted and declined. */
import type { OrgContext } from '../src/modules/context.js';
import { acceptRequest, createRequest, declineRequest } from '../src/modules/promises/request.service.js';

/**
 * Three requests between the organization's first two teams, through the service, so that every
 * column of `promise_requests` holds a value in some row: an open one supporting a promise, one
 * accepted (it names the internal promise made of it) and one declined (its answer says why).
 */
export async function addRequestRows(ctx: OrgContext) {
  const teams = await ctx.db
    .selectFrom('teams')
    .select('id')
    .where('org_id', '=', ctx.org.id)
    .orderBy('created_at')
    .orderBy('id')
    .limit(2)
    .execute();
  const promise = await ctx.db
    .selectFrom('promises')
    .select('id')
    .where('org_id', '=', ctx.org.id)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const [asking, asked] = [teams[0]!.id, teams[1]!.id];
  // An admin is in neither team: acting for them takes a reason.
  const override = { reason: 'The admin records what the teams agreed on paper' };
  const ask = (title: string, statement: string, supportsPromiseId?: string) =>
    createRequest(ctx, { fromTeamId: asking, toTeamId: asked, title, statement, supportsPromiseId, override });
  const open = await ask('Delivery slots confirmed the day before', 'Confirm every delivery slot by 18:00 the day before.', promise.id);
  const accepted = await ask('Drawings checked within two days', 'Check every set of drawings within two working days.', promise.id);
  await acceptRequest(ctx, accepted.id, {
    statement: 'We check every set of drawings within two working days.',
    metric: { kind: 'ratio' },
    target: 0.9,
    window: { kind: 'rolling', days: 30 },
    redress: null,
    override,
  });
  const declined = await ask('Weekend site visits', 'Visit sites on Saturdays as well.');
  await declineRequest(ctx, declined.id, 'No one works on Saturdays until spring.', override);
  return { open: open.id, accepted: accepted.id, declined: declined.id };
}
