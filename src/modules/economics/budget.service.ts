import { notFound } from '../../core/errors.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { findTeam } from '../teams/team.repository.js';
import { findTeamBudget, saveTeamBudget } from './budget.repository.js';
import type { TTeamBudgetInput } from './economics.schema.js';
import { openPeriodForWrite } from './period.service.js';

/**
 * A team's expense budget and bonus fund for a month, entered by an admin (open months only). They
 * count in the budgeted_bonus pool mode; entered earlier, they wait for the mode to be switched on.
 */
export async function putTeamBudget(ctx: OrgContext, period: string, teamId: string, input: TTeamBudgetInput) {
  return ctx.db.transaction().execute(async (tx) => {
    await openPeriodForWrite(tx, ctx, period);
    // The team is in the path: one of another organization is not found here.
    const team = await findTeam(tx, ctx.org.id, teamId);
    if (!team) throw notFound('team', teamId);
    const before = await findTeamBudget(tx, ctx.org.id, period, teamId);
    await saveTeamBudget(tx, {
      org_id: ctx.org.id,
      period,
      team_id: teamId,
      budget_minor: input.budgetMinor,
      bonus_fund_minor: input.bonusFundMinor,
      created_at: before?.created_at ?? ctx.now,
      updated_at: ctx.now,
      updated_by: ctx.actor.id,
    });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'economics.budget_set',
      entityType: 'team',
      entityId: teamId,
      before: before ? { period, budgetMinor: before.budget_minor, bonusFundMinor: before.bonus_fund_minor } : undefined,
      after: { period, budgetMinor: input.budgetMinor, bonusFundMinor: input.bonusFundMinor },
      at: ctx.now,
    });
    return { period, teamId, budgetMinor: input.budgetMinor, bonusFundMinor: input.bonusFundMinor, updatedAt: ctx.now };
  });
}
