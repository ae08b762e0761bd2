/**
 * Teams keep their own books (issue 17): who may record which input of a month, the admins' lock on
 * a month's inputs before closing, the names of who recorded what, and a team's time reserve.
 */
import { type BooksWrite, booksRefusal, timeReserveCenti } from '../../core/economics/team-books.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import type { EconomicPeriodsTable, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import { listUserNames } from '../auth/user.repository.js';
import type { OrgContext } from '../context.js';
import { findTeam } from '../teams/team.repository.js';
import { findTimeReserve, saveTimeReserve } from './books.repository.js';
import { updatePeriod } from './period.repository.js';
import { isTeamMember, openPeriodForWrite } from './period.service.js';

/**
 * Admins, and tokens and the system (whose scopes an admin granted), keep salaries, labour, overhead
 * and the lock. A context without a role is the product's own (the CLI, an import), not a request.
 */
export function isBooksAdmin(ctx: OrgContext): boolean {
  return ctx.actor.type !== 'user' || ctx.role === 'admin' || ctx.role === undefined;
}

/**
 * Refuses a write to a team's input of the (open) period unless the actor may make it: 403 naming
 * the field for an admin's field or ledger kind, 403 outside the team or for another member's hours,
 * 409 `inputs_locked` while an admin has locked the month.
 */
export async function checkBooksWrite(
  tx: Tx,
  ctx: OrgContext,
  period: EconomicPeriodsTable,
  write: { teamId: string | null } & Pick<BooksWrite, 'isSelf' | 'adminOnlyFields' | 'ledgerKind'>,
): Promise<void> {
  const isAdmin = isBooksAdmin(ctx);
  const refusal = booksRefusal({
    ...write,
    isAdmin,
    isTeamMember: !isAdmin && write.teamId !== null && (await isTeamMember(tx, ctx, write.teamId)),
    isLocked: period.inputs_locked_at !== null,
  });
  if (!refusal) return;
  switch (refusal.code) {
    case 'admin_only_field':
      throw new AppError('forbidden', `${refusal.field}: only an admin sets it; a member records their own hours alone`, [
        fieldError(refusal.field, 'not_allowed', 'only an admin sets it'),
      ]);
    case 'admin_only_kind':
      throw new AppError('forbidden', `kind: a team's members record revenue and expenses; ${refusal.kind} is an admin's`, [
        fieldError('kind', 'not_allowed', `${refusal.kind} is recorded by an admin`, { kind: refusal.kind }),
      ]);
    case 'not_team_member':
      throw new AppError('forbidden', "only the team's members or an admin record the team's books");
    case 'not_self':
      throw new AppError('forbidden', 'userId: a member records their own hours; an admin records anyone’s', [
        fieldError('userId', 'not_allowed', 'a member records their own hours only'),
      ]);
    case 'inputs_locked':
      throw new AppError('inputs_locked', `period ${period.period}: an admin locked its inputs; only admins change them until unlocked`, [
        fieldError('period', 'inputs_locked', 'an admin locked this month’s inputs', { period: period.period }),
      ]);
  }
}

/** Names of the people (or the labels of tokens and the system) who recorded entries, by id. */
export async function recordersOf(
  tx: Tx,
  ctx: OrgContext,
  ids: readonly (string | null)[],
): Promise<Map<string, { id: string; label: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const names = new Map((await listUserNames(tx, wanted)).map((u) => [u.id, u.name]));
  // An id that is no person's is the acting token's or the system's: its label when it is the caller.
  const label = (id: string) => names.get(id) ?? (ctx.actor.id === id ? ctx.actor.label : id);
  return new Map(wanted.map((id) => [id, { id, label: label(id) }]));
}

/** `{id, label}` of who recorded an entry, or null when nobody is on record. */
export function recorderIn(map: Map<string, { id: string; label: string }>, id: string | null) {
  return id === null ? null : (map.get(id) ?? { id, label: id });
}

/** Locks (or unlocks) an open month's inputs: while locked only admins change them, before it is closed. */
export async function setInputsLock(ctx: OrgContext, period: string, locked: boolean): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await openPeriodForWrite(tx, ctx, period);
    if ((row.inputs_locked_at !== null) === locked) return;
    const set = locked
      ? { inputs_locked_at: ctx.now, inputs_locked_by: ctx.actor.id, updated_at: ctx.now }
      : { inputs_locked_at: null, inputs_locked_by: null, updated_at: ctx.now };
    await updatePeriod(tx, ctx.org.id, period, set);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: locked ? 'period.inputs_locked' : 'period.inputs_unlocked',
      entityType: 'period',
      entityId: period,
      before: { lockedAt: row.inputs_locked_at },
      after: { lockedAt: set.inputs_locked_at },
      at: ctx.now,
    });
  });
}

/** Whether the month's inputs are locked, and since when and by whom (for the period's page). */
export async function inputsLockOf(ctx: OrgContext, row: EconomicPeriodsTable) {
  if (row.inputs_locked_at === null) return null;
  const names = await recordersOf(ctx.db, ctx, [row.inputs_locked_by]);
  return { at: row.inputs_locked_at, by: recorderIn(names, row.inputs_locked_by) };
}

/** The team's time reserve: the share of its recorded hours it keeps for new projects (0% until set). */
export async function getTimeReserve(ctx: OrgContext, teamId: string) {
  const team = await findTeam(ctx.db, ctx.org.id, teamId);
  if (!team) throw notFound('team', teamId);
  const row = await findTimeReserve(ctx.db, ctx.org.id, teamId);
  return { teamId, sharePct: (row?.share_bp ?? 0) / 100, updatedAt: row?.updated_at ?? null };
}

/** Sets the team's time reserve; its members or an admin (the team runs its own hours). */
export async function putTimeReserve(ctx: OrgContext, teamId: string, sharePct: number) {
  await ctx.db.transaction().execute(async (tx) => {
    const team = await findTeam(tx, ctx.org.id, teamId);
    if (!team) throw notFound('team', teamId);
    if (!isBooksAdmin(ctx) && !(await isTeamMember(tx, ctx, teamId)))
      throw new AppError('forbidden', "only the team's members or an admin set its time reserve");
    const before = await findTimeReserve(tx, ctx.org.id, teamId);
    const row = {
      org_id: ctx.org.id,
      team_id: teamId,
      share_bp: Math.round(sharePct * 100),
      updated_at: ctx.now,
      updated_by: ctx.actor.id,
    };
    await saveTimeReserve(tx, row);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'team.time_reserve_set',
      entityType: 'team',
      entityId: teamId,
      before: before ? { shareBp: before.share_bp } : undefined,
      after: { shareBp: row.share_bp },
      at: ctx.now,
    });
  });
  return getTimeReserve(ctx, teamId);
}

/** The team's time reserve beside its figures: the share, and hours reserved = share × recorded hours. */
export async function timeReserveFigure(ctx: OrgContext, teamId: string, hours: number) {
  const row = await findTimeReserve(ctx.db, ctx.org.id, teamId);
  const shareBp = row?.share_bp ?? 0;
  return { sharePct: shareBp / 100, hours: timeReserveCenti(Math.round(hours * 100), shareBp) / 100 };
}
