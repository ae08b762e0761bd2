import { AppError, fieldError, invalidField } from '../../core/errors.js';
import type { EconomicPeriodsTable, Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { findTeam, isTeamMember as isMemberOf } from '../teams/team.repository.js';
import { insertPeriodIfMissing, loadPeriod, lockPeriod } from './period.repository.js';

/** The period for a write: created open on first use; `period_closed` (409) when it is closed. */
export async function openPeriodForWrite(tx: Tx, ctx: OrgContext, period: string): Promise<EconomicPeriodsTable> {
  await lockPeriod(tx, ctx.org.id, period, ctx.now);
  const row = await loadPeriod(tx, ctx.org.id, period);
  if (row.status === 'closed')
    throw new AppError('period_closed', `period ${period} is closed: an admin reopens it, with a reason, to change it`, [
      fieldError('period', 'period_closed', 'is closed: an admin reopens it, with a reason, to change it', { period }),
    ]);
  if (row.created_at === 0) {
    const created = { ...row, created_at: ctx.now, updated_at: ctx.now };
    await insertPeriodIfMissing(tx, created);
    return created;
  }
  return row;
}

/** The team, or 422 naming the field when the organization has no such team. */
export async function requireTeam(tx: Tx, orgId: string, teamId: string, field: string): Promise<{ id: string; name: string }> {
  const team = await findTeam(tx, orgId, teamId);
  if (!team) throw invalidField(field, 'not_found', 'no team with this id in the organization', { entity: 'team' });
  return { id: team.id, name: team.name };
}

/** Whether the acting user belongs to the team. */
export async function isTeamMember(tx: Tx, ctx: OrgContext, teamId: string): Promise<boolean> {
  if (ctx.actor.type !== 'user' || !ctx.actor.id) return false;
  return isMemberOf(tx, ctx.org.id, teamId, ctx.actor.id);
}

/** Admins, tokens and the system act for any team; a person acts only for a team they belong to. */
export async function requireTeamSide(tx: Tx, ctx: OrgContext, teamId: string, what: string): Promise<void> {
  if (ctx.actor.type !== 'user' || ctx.role === 'admin') return;
  if (!(await isTeamMember(tx, ctx, teamId))) throw new AppError('forbidden', `only the team's members or an admin may ${what}`);
}
