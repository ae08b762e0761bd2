/** Set-up for the participatory reserve: a reserve with money in it, and rounds in each state the API acts on. */

import type { OrgContext } from '../src/modules/context.js';
import { closePeriod } from '../src/modules/economics/economics.service.js';
import { addLedgerLine, getSettings, putSettings } from '../src/modules/economics/inputs.service.js';
import { putReserveRequest } from '../src/modules/economics/reserve-request.service.js';
import { createDecision } from '../src/modules/governance/decision.service.js';
import { takeDecision } from '../src/modules/governance/decision-process.service.js';
import { createRight, grantRight } from '../src/modules/governance/rights.service.js';
import { castBudgetBallot } from '../src/modules/participation/participation.ballot.js';
import { addProject, allocateRound, createRound, openRound } from '../src/modules/participation/participation.service.js';
import { unique } from './fixtures.js';

/** Closes `period` with `revenueMinor` of revenue for the organization's first team, 10% of the profit kept in the reserve. */
export async function fillReserve(ctx: OrgContext, period: string, revenueMinor: number): Promise<void> {
  const team = await ctx.db
    .selectFrom('teams')
    .select('id')
    .where('org_id', '=', ctx.org.id)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  await putSettings(ctx, { poolRate: 0.2, reserveRate: 0.1, fulfillment: 'off' });
  await addLedgerLine(ctx, period, { teamId: team.id, kind: 'revenue', amountMinor: revenueMinor, note: '' });
  await closePeriod(ctx, period);
}

/**
 * Spends `amountMinor` of the reserve the only way there is besides a participatory round: a decision
 * under the right to spend the reserve (named in the settings and granted to the organization's
 * first team, here the first time), with the amount and a request funded by its first option, taken
 * by a member of that team. Returns the decision's id.
 */
export async function spendReserveByDecision(ctx: OrgContext, amountMinor: number, purpose: string): Promise<string> {
  const admin = { ...ctx, role: 'admin' as const };
  const team = await ctx.db
    .selectFrom('teams')
    .select('id')
    .where('org_id', '=', ctx.org.id)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const settings = await getSettings(admin);
  let rightId = settings.reserveRightId;
  if (!rightId) {
    rightId = (await createRight(admin, { name: `Spend the reserve ${unique()}`, description: 'new projects and experiments' })).id;
    await grantRight(admin, {
      rightId,
      holderType: 'team',
      holderId: team.id,
      parentGrantId: null,
      limits: { spendingCap: null, scope: null },
      reason: '',
    });
    await putSettings(admin, {
      poolRate: settings.poolRate,
      reserveRate: settings.reserveRate,
      fulfillment: settings.fulfillment,
      reserveRightId: rightId,
    });
  }
  // The team decides under the right it holds: one of its members, deciding from inside the team.
  const { user_id: memberId } = await ctx.db
    .selectFrom('team_members')
    .select('user_id')
    .where('org_id', '=', ctx.org.id)
    .where('team_id', '=', team.id)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const member = { ...ctx, actor: { type: 'user' as const, id: memberId, label: 'team member' }, role: 'member' as const };
  const decision = await createDecision(member, {
    title: purpose,
    context: '',
    teamId: team.id,
    rightId,
    options: [
      { title: 'Fund it', description: '' },
      { title: 'Not now', description: '' },
    ],
    amount: amountMinor,
    advisers: [],
    adviceDeadline: null,
    reviewDate: null,
  });
  await putReserveRequest(member, decision.id, { fundingOption: 0, purpose });
  await takeDecision(member, decision.id, { chosenOption: 0, rationale: 'Funded from the reserve' });
  return decision.id;
}

/**
 * Ids of a round and a project in the state the operation acts on (the sweeps call it): a draft with
 * a project to edit or open; a closed round to allocate; a funded project to track.
 */
export async function freshReserveIds(ctx: OrgContext, path: string, clientId: string): Promise<Record<string, string>> {
  const hour = 3_600_000;
  const tracked = path.endsWith('/status');
  const allocating = path.endsWith('/allocate') || tracked;
  // A round that allocates was open an hour ago, so that it has closed by now.
  const then = allocating ? { ...ctx, now: ctx.now - 2 * hour } : ctx;
  const round = await createRound(then, {
    title: `Fresh round ${unique()}`,
    description: '',
    budgetMinor: 1_000,
    method: 'mes',
    segmentIds: [],
    opensAt: then.now,
    closesAt: then.now + hour,
  });
  const project = await addProject(then, round.id, { title: 'Fresh project', description: '', costMinor: 500, kind: 'project' });
  if (allocating) {
    await openRound(then, round.id);
    await castBudgetBallot({ ...then, now: then.now + 1 }, round.id, clientId, [project.id]);
    if (tracked) await allocateRound(ctx, round.id);
  }
  return { 'participation-round': round.id, 'participation-project': project.id };
}
