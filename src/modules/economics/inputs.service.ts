import { LedgerCsvError, parseLedgerCsv } from '../../core/economics/ledger-csv.js';
import { checkFixedPercentages } from '../../core/economics/overhead.js';
import { AppError, type FieldError, fieldError, invalidField, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { LedgerLinesTable, Tx } from '../../db/schema.js';
import { fieldOfIssue } from '../../http/errors.js';
import { appendAudit } from '../audit/audit.repository.js';
import { findClient } from '../clients/client.repository.js';
import type { OrgContext } from '../context.js';
import { findRight } from '../governance/rights.repository.js';
import { findMembershipOfUser } from '../memberships/membership.repository.js';
import { findPromise } from '../promises/promise.repository.js';
import { findTeam, listTeamNames } from '../teams/team.repository.js';
import { checkBooksWrite, recorderIn, recordersOf } from './books.service.js';
import { loadPoolMode } from './budget.repository.js';
import { type TLedgerInput, type TMemberInput, type TOverheadRuleInput, type TSettings, ZLedgerInput } from './economics.schema.js';
import { deleteLedgerLine as deleteLine, findLedgerLine, insertLedgerLines, listLedgerLines } from './ledger.repository.js';
import { findPeriodMember, savePeriodMember } from './member.repository.js';
import { loadSettings, saveSettings, updatePeriod } from './period.repository.js';
import { openPeriodForWrite, requireTeam } from './period.service.js';

const audit = (tx: Tx, ctx: OrgContext, action: string, entityType: string, entityId: string, before: unknown, after: unknown) =>
  appendAudit(tx, { orgId: ctx.org.id, actor: ctx.actor, action, entityType, entityId, before, after, at: ctx.now });

export async function getSettings(ctx: OrgContext) {
  const s = await loadSettings(ctx.db, ctx.org.id);
  return {
    poolRate: s.pool_rate_ppm / 1e6,
    reserveRate: s.reserve_rate_ppm / 1e6,
    fulfillment: s.fulfillment,
    reserveRightId: s.reserve_right_id ?? null,
    poolMode: await loadPoolMode(ctx.db, ctx.org.id),
    currency: ctx.org.currency,
    updatedAt: s.updated_at || null,
  };
}

/** The organization's pool rate, reserve rate and how kept promises scale the pool; applies to open periods. */
export async function putSettings(ctx: OrgContext, input: TSettings) {
  if (input.poolMode === 'budgeted_bonus' && ctx.org.kind !== 'government')
    throw invalidField('poolMode', 'government_only', 'a budgeted bonus fund replaces the profit share only in a government organization', {
      kind: ctx.org.kind,
    });
  await ctx.db.transaction().execute(async (tx) => {
    const before = await loadSettings(tx, ctx.org.id);
    if (input.reserveRightId && !(await findRight(tx, ctx.org.id, input.reserveRightId)))
      throw invalidField('reserveRightId', 'not_found', 'no decision right with this id in the organization', { entity: 'right' });
    const row = {
      org_id: ctx.org.id,
      pool_rate_ppm: Math.round(input.poolRate * 1e6),
      reserve_rate_ppm: Math.round(input.reserveRate * 1e6),
      fulfillment: input.fulfillment,
      // Left out: the right named before stays; null: no right names the spending of the reserve.
      reserve_right_id: input.reserveRightId === undefined ? (before.reserve_right_id ?? null) : input.reserveRightId,
      pool_mode: input.poolMode ?? (await loadPoolMode(tx, ctx.org.id)),
      updated_at: ctx.now,
      updated_by: ctx.actor.id,
    };
    await saveSettings(tx, row);
    await audit(tx, ctx, 'economics.settings_changed', 'organization', ctx.org.id, before, row);
  });
  return getSettings(ctx);
}

export function toLedgerLine(row: LedgerLinesTable, recordedBy: { id: string; label: string } | null = null) {
  return {
    id: row.id,
    period: row.period,
    teamId: row.team_id,
    kind: row.kind,
    amountMinor: Number(row.amount_minor),
    note: row.note,
    clientId: row.client_id,
    promiseId: row.promise_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    recordedBy,
  };
}

/** Checks a line's references in the organization, naming the field (with `prefix` for CSV rows). */
async function checkLine(tx: Tx, ctx: OrgContext, input: TLedgerInput, prefix = ''): Promise<void> {
  if (input.teamId) await requireTeam(tx, ctx.org.id, input.teamId, `${prefix}teamId`);
  if (input.clientId) {
    const client = await findClient(tx, ctx.org.id, input.clientId);
    if (!client) throw invalidField(`${prefix}clientId`, 'not_found', 'no client with this id in the organization', { entity: 'client' });
  }
  if (input.promiseId) {
    const promise = await findPromise(tx, ctx.org.id, input.promiseId);
    if (!promise)
      throw invalidField(`${prefix}promiseId`, 'not_found', 'no promise with this id in the organization', { entity: 'promise' });
  }
}

function lineRow(ctx: OrgContext, period: string, input: TLedgerInput): LedgerLinesTable {
  return {
    id: newId(),
    org_id: ctx.org.id,
    period,
    team_id: input.teamId ?? null,
    kind: input.kind,
    amount_minor: input.amountMinor,
    note: input.note,
    client_id: input.clientId ?? null,
    promise_id: input.promiseId ?? null,
    created_at: ctx.now,
    created_by: ctx.actor.id,
  };
}

export async function addLedgerLine(ctx: OrgContext, period: string, input: TLedgerInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const month = await openPeriodForWrite(tx, ctx, period);
    await checkLine(tx, ctx, input);
    // A team's members add its revenue and expenses; labour and overhead are an admin's.
    await checkBooksWrite(tx, ctx, month, { teamId: input.teamId ?? null, ledgerKind: input.kind });
    const row = lineRow(ctx, period, input);
    await insertLedgerLines(tx, [row]);
    await audit(tx, ctx, 'ledger.line_added', 'ledger_line', row.id, undefined, toLedgerLine(row));
    return toLedgerLine(row, recorderIn(await recordersOf(tx, ctx, [row.created_by]), row.created_by));
  });
}

/**
 * Imports ledger lines from CSV, all or nothing: every row is checked first and each problem is
 * reported as `rows.<line of the file>.<field>`; only a file without problems adds its lines.
 */
export async function importLedgerCsv(ctx: OrgContext, period: string, csv: string) {
  let parsed: ReturnType<typeof parseLedgerCsv>;
  try {
    parsed = parseLedgerCsv(csv);
  } catch (error) {
    if (error instanceof LedgerCsvError) throw invalidField('csv', error.code, error.message, error.params);
    throw invalidField('csv', 'csv_format', (error as Error).message);
  }
  if (parsed.length === 0) throw invalidField('csv', 'no_rows', 'no rows under the header');
  if (parsed.length > 5000) throw invalidField('csv', 'too_many', 'at most 5,000 rows per import', { maximum: 5000 });
  return ctx.db.transaction().execute(async (tx) => {
    await openPeriodForWrite(tx, ctx, period);
    const teams = await listTeamNames(tx, ctx.org.id);
    const teamOf = (text: string) => teams.find((t) => t.id === text) ?? teams.find((t) => t.name.toLowerCase() === text.toLowerCase());
    const problems: FieldError[] = [];
    const rows: LedgerLinesTable[] = [];
    for (const row of parsed) {
      const prefix = `rows.${row.line}`;
      const team = row.team ? teamOf(row.team) : undefined;
      if (row.team && !team)
        problems.push(
          fieldError(`${prefix}.team`, 'not_found', `no team "${row.team}" in the organization`, { entity: 'team', name: row.team }),
        );
      const candidate = ZLedgerInput.safeParse({
        teamId: team?.id,
        kind: row.kind,
        amountMinor: row.amountMinor ?? Number.NaN,
        note: row.note,
      });
      if (!candidate.success) {
        for (const issue of candidate.error.issues) {
          const field = String(issue.path[0] ?? '');
          if (field === 'teamId' && row.team && !team) continue;
          const name = field === 'teamId' ? 'team' : field === 'amountMinor' ? 'amount' : field;
          problems.push(
            field === 'amountMinor'
              ? fieldError(`${prefix}.${name}`, 'invalid_format', 'a positive amount with at most 2 decimals', { format: 'amount' })
              : fieldOfIssue(issue, 'csv', `${prefix}.${name}`),
          );
        }
      } else if (problems.length === 0) rows.push(lineRow(ctx, period, candidate.data));
    }
    if (problems.length > 0) throw new AppError('validation_failed', `csv: ${problems.length} problem(s), nothing imported`, problems);
    await insertLedgerLines(tx, rows);
    await audit(tx, ctx, 'ledger.imported', 'period', period, undefined, {
      lines: rows.length,
      totalMinor: rows.reduce((s, r) => s + r.amount_minor, 0),
    });
    return { imported: rows.length };
  });
}

export async function listLedger(ctx: OrgContext, period: string, teamId?: string) {
  const rows = await listLedgerLines(ctx.db, ctx.org.id, period, teamId);
  const names = await recordersOf(
    ctx.db,
    ctx,
    rows.map((r) => r.created_by),
  );
  return { items: rows.map((r) => toLedgerLine(r, recorderIn(names, r.created_by))) };
}

export async function deleteLedgerLine(ctx: OrgContext, period: string, id: string) {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findLedgerLine(tx, ctx.org.id, period, id);
    if (!row) throw notFound('ledger line', id);
    const month = await openPeriodForWrite(tx, ctx, period);
    await checkBooksWrite(tx, ctx, month, { teamId: row.team_id, ledgerKind: row.kind });
    await deleteLine(tx, ctx.org.id, id);
    await audit(tx, ctx, 'ledger.line_removed', 'ledger_line', id, toLedgerLine(row), undefined);
  });
  return { ok: true as const };
}

/**
 * Hours worked and salary of a member of the team in the period (the bases of the hours and salary
 * splits). A team's member records their own hours alone; salaries, and anyone's hours, are an admin's.
 */
export async function putMember(ctx: OrgContext, period: string, teamId: string, userId: string, input: TMemberInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const month = await openPeriodForWrite(tx, ctx, period);
    // Both are in the path: a team or person of another organization is not found here.
    const team = await findTeam(tx, ctx.org.id, teamId);
    if (!team) throw notFound('team', teamId);
    const person = await findMembershipOfUser(tx, ctx.org.id, userId);
    if (!person) throw notFound('person', userId);
    await checkBooksWrite(tx, ctx, month, {
      teamId,
      isSelf: ctx.actor.type === 'user' && ctx.actor.id === userId,
      adminOnlyFields: input.salaryMinor === undefined ? [] : ['salaryMinor'],
    });
    const before = await findPeriodMember(tx, ctx.org.id, period, teamId, userId);
    const values = {
      hours_centi: Math.round(input.hours * 100),
      // Left out (a member's own entry): the salary an admin recorded stays.
      salary_minor: input.salaryMinor ?? Number(before?.salary_minor ?? 0),
      recorded_by: ctx.actor.id,
      updated_at: ctx.now,
    };
    await savePeriodMember(tx, { org_id: ctx.org.id, period, team_id: teamId, user_id: userId, ...values, created_at: ctx.now }, values);
    await audit(
      tx,
      ctx,
      'economics.member_recorded',
      'team',
      teamId,
      before ? { userId, hoursCenti: before.hours_centi, salaryMinor: before.salary_minor } : undefined,
      {
        period,
        userId,
        hoursCenti: values.hours_centi,
        salaryMinor: values.salary_minor,
      },
    );
    return { period, teamId, userId, hours: values.hours_centi / 100, salaryMinor: values.salary_minor };
  });
}

/** How the period's overhead is shared among the teams; fixed percentages must sum to 100%. */
export async function putOverheadRule(ctx: OrgContext, period: string, input: TOverheadRuleInput) {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await openPeriodForWrite(tx, ctx, period);
    let basisPoints: Record<string, number> | null = null;
    if (input.rule === 'fixed') {
      const teams = new Set((await listTeamNames(tx, ctx.org.id)).map((t) => t.id));
      basisPoints = Object.fromEntries(Object.entries(input.percentages ?? {}).map(([id, pct]) => [id, Math.round(pct * 100)]));
      for (const [id, pct] of Object.entries(input.percentages ?? {}))
        if (Math.abs(Math.round(pct * 100) - pct * 100) > 1e-6)
          throw invalidField(`percentages.${id}`, 'too_precise', 'at most 2 decimals', { decimals: 2 });
      const problem = checkFixedPercentages(basisPoints, teams);
      if (problem) throw invalidField(problem.path, problem.code, problem.message, problem.params);
    }
    await updatePeriod(tx, ctx.org.id, period, {
      overhead_rule: input.rule,
      overhead_basis_points: basisPoints ? JSON.stringify(basisPoints) : null,
      updated_at: ctx.now,
    });
    await audit(tx, ctx, 'economics.overhead_rule_set', 'period', period, { rule: row.overhead_rule }, { rule: input.rule, basisPoints });
  });
  return { ok: true as const };
}
