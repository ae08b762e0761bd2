import { PPM } from '../../core/economics/fraction.js';
import { periodRange } from '../../core/economics/period.js';
import { checkMixWeights, checkPeerPoints, type SplitBasis } from '../../core/economics/split.js';
import { AppError, invalidField, notFound } from '../../core/errors.js';
import type { Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { guardTeamChange } from '../governance/override.service.js';
import { findTeam } from '../teams/team.repository.js';
import { checkBooksWrite } from './books.service.js';
import type { TSplitRuleInput } from './economics.schema.js';
import { listPeriodTeammateIds } from './member.repository.js';
import { isTeamMember, openPeriodForWrite, requireTeamSide } from './period.service.js';
import { findSplitRule, listPeerPoints, replacePeerPoints, saveSplitRule } from './split.repository.js';

const BASIS_WORDS: Record<SplitBasis, string> = {
  equal: 'an equal part',
  hours: 'hours ÷ team hours',
  salary: 'salary ÷ team salaries',
  peer: 'peer points received ÷ all points given',
};

/** The rule written out, e.g. "share = pool × (0.5 × an equal part + 0.5 × salary ÷ team salaries)". */
export function formulaOf(rule: string, weights: Partial<Record<SplitBasis, number>> | null): string {
  if (rule !== 'mix') return `share = pool × ${BASIS_WORDS[rule as SplitBasis]}`;
  const terms = Object.entries(weights ?? {})
    .filter(([, w]) => (w ?? 0) > 0)
    .map(([b, w]) => `${w} × ${BASIS_WORDS[b as SplitBasis]}`);
  return `share = pool × (${terms.join(' + ')})`;
}

export async function getSplitRule(ctx: OrgContext, teamId: string) {
  const team = await findTeam(ctx.db, ctx.org.id, teamId);
  if (!team) throw notFound('team', teamId);
  const row = await findSplitRule(ctx.db, ctx.org.id, teamId);
  const weights = row?.weights ? (JSON.parse(row.weights) as Partial<Record<SplitBasis, number>>) : null;
  const rule = row?.rule ?? 'equal';
  return { teamId, rule, weights, formula: formulaOf(rule, weights), updatedAt: row?.updated_at ?? null };
}

/** The team publishes how its pool is split (its members, or an admin); it applies to open periods. */
export async function putSplitRule(ctx: OrgContext, teamId: string, input: TSplitRuleInput) {
  await ctx.db.transaction().execute(async (tx) => {
    const team = await findTeam(tx, ctx.org.id, teamId);
    if (!team) throw notFound('team', teamId);
    await requireTeamSide(tx, ctx, teamId, 'publish how its pool is split');
    await guardTeamChange(tx, ctx, { teamId, action: 'split_rule_set', subjectType: 'team', subjectId: teamId }, input.override);
    if (input.rule === 'mix') {
      const ppm = Object.fromEntries(Object.entries(input.weights ?? {}).map(([b, w]) => [b, Math.round((w ?? 0) * PPM)]));
      const problem = checkMixWeights(ppm);
      if (problem) throw invalidField(problem.path, problem.code, problem.message, problem.params);
    }
    const before = await findSplitRule(tx, ctx.org.id, teamId);
    const values = {
      rule: input.rule,
      weights: input.rule === 'mix' ? JSON.stringify(input.weights) : null,
      updated_at: ctx.now,
      updated_by: ctx.actor.id,
    };
    await saveSplitRule(tx, ctx.org.id, teamId, values);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'team.split_rule_set',
      entityType: 'team',
      entityId: teamId,
      before: before ? { rule: before.rule, weights: before.weights } : undefined,
      after: { rule: values.rule, weights: values.weights },
      at: ctx.now,
    });
  });
  return getSplitRule(ctx, teamId);
}

/** The team's members in the period as the split sees them: those who joined before it ended and anyone with hours recorded. */
async function periodTeammates(tx: Tx, ctx: OrgContext, period: string, teamId: string): Promise<Set<string>> {
  const { to } = periodRange(period, ctx.org.time_zone);
  return new Set(await listPeriodTeammateIds(tx, ctx.org.id, period, teamId, to));
}

/** The caller's own peer points for the period, and how many teammates have given theirs. */
export async function getPeerPoints(ctx: OrgContext, period: string, teamId: string) {
  const team = await findTeam(ctx.db, ctx.org.id, teamId);
  if (!team) throw notFound('team', teamId);
  const rows = await listPeerPoints(ctx.db, ctx.org.id, period, teamId);
  const given = Object.fromEntries(rows.filter((r) => r.giver_id === ctx.actor.id).map((r) => [r.receiver_id, r.points]));
  return {
    period,
    teamId,
    given,
    givers: new Set(rows.map((r) => r.giver_id)).size,
    members: (await periodTeammates(ctx.db, ctx, period, teamId)).size,
  };
}

/**
 * A member gives exactly 100 points to teammates for the period (never to themselves); giving again
 * replaces what they gave. Only a member of the team gives points.
 */
export async function putPeerPoints(ctx: OrgContext, period: string, teamId: string, points: Record<string, number>) {
  await ctx.db.transaction().execute(async (tx) => {
    const team = await findTeam(tx, ctx.org.id, teamId);
    if (!team) throw notFound('team', teamId);
    if (ctx.actor.type !== 'user' || !ctx.actor.id) throw new AppError('forbidden', 'peer points are given by a person, signed in');
    const giver = ctx.actor.id;
    if (!(await isTeamMember(tx, ctx, teamId))) throw new AppError('forbidden', 'only a member of the team gives peer points to teammates');
    const open = await openPeriodForWrite(tx, ctx, period);
    // Peer points are a member input like hours and ledger lines: while an admin has locked the month, 409 `inputs_locked`.
    await checkBooksWrite(tx, ctx, open, { teamId });
    const teammates = await periodTeammates(tx, ctx, period, teamId);
    if (!teammates.has(giver))
      throw new AppError('forbidden', `you were not a member of this team in ${period}: points are given by its members then`);
    const problem = checkPeerPoints(giver, points, teammates);
    if (problem) throw invalidField(problem.path, problem.code, problem.message, problem.params);
    const rows = Object.entries(points)
      .filter(([, n]) => n > 0)
      .map(([receiver, n]) => ({
        org_id: ctx.org.id,
        period,
        team_id: teamId,
        giver_id: giver,
        receiver_id: receiver,
        points: n,
        updated_at: ctx.now,
      }));
    await replacePeerPoints(tx, ctx.org.id, period, teamId, giver, rows);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'economics.peer_points_given',
      entityType: 'team',
      entityId: teamId,
      after: { period },
      at: ctx.now,
    });
  });
  return getPeerPoints(ctx, period, teamId);
}
