import { AppError, fieldError } from '../../core/errors.js';
import { formatMoney, formatPercent } from '../../core/format/figures.js';
import { type CommandValues, orgContext, unknownCommand } from '../cli-kit.js';
import type { OrgContext } from '../context.js';
import type { CliCommand } from '../module.js';
import { toWire } from '../wire.js';
import { setInputsLock } from './books.service.js';
import { ZPeriod, ZPeriodEconomics } from './economics.schema.js';
import { periodEconomics } from './economics.service.js';

const COLUMNS = [
  ['team', 'teamName'],
  ['revenue', 'revenueMinor'],
  ['internal in', 'internalInMinor'],
  ['internal out', 'internalOutMinor'],
  ['non-labour', 'nonLabourMinor'],
  ['labour', 'labourMinor'],
  ['overhead', 'overheadMinor'],
  ['net profit', 'netProfitMinor'],
  ['hours', 'hours'],
  ['per hour', 'hourlyEfficiencyMinor'],
  ['fulfillment', 'fulfillmentIndex'],
  ['pool', 'poolMinor'],
  ['withheld', 'withheldMinor'],
  ['reserve', 'reserveMinor'],
] as const;
/** A government organization's budgeted-bonus month: the budget first, savings where net profit was, the fund beside the pool. */
const BUDGETED_COLUMNS = [
  ['team', 'teamName'],
  ['budget', 'budgetMinor'],
  ['revenue', 'revenueMinor'],
  ['internal in', 'internalInMinor'],
  ['internal out', 'internalOutMinor'],
  ['non-labour', 'nonLabourMinor'],
  ['labour', 'labourMinor'],
  ['overhead', 'overheadMinor'],
  ['savings', 'savingsMinor'],
  ['hours', 'hours'],
  ['per hour', 'hourlyEfficiencyMinor'],
  ['fulfillment', 'fulfillmentIndex'],
  ['bonus fund', 'bonusFundMinor'],
  ['fund × index', 'poolMinor'],
  ['withheld', 'withheldMinor'],
  ['reserve', 'reserveMinor'],
] as const;
type Key = (typeof COLUMNS)[number][1] | (typeof BUDGETED_COLUMNS)[number][1];
type Row = Record<Key, string | number | null>;

const csvCell = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A fixed-width table: text left, numbers right. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

/** `economics report --org --period [--format table|csv|json]`; null when the command is another. */
export async function runEconomicsCommand(key: string, ctx: () => Promise<OrgContext>, values: CommandValues): Promise<string | null> {
  if (key !== 'economics report') return null;
  const checked = ZPeriod.safeParse(values.period);
  if (!checked.success)
    throw new AppError('validation_failed', '--period: required, a month YYYY-MM', [
      fieldError('period', 'invalid_date', 'a month YYYY-MM'),
    ]);
  const format = values.format ?? 'table';
  if (!['table', 'csv', 'json'].includes(format))
    throw new AppError('validation_failed', '--format: table, csv or json', [
      fieldError('format', 'invalid_option', 'table, csv or json', { values: ['table', 'csv', 'json'] }),
    ]);
  const context = await ctx();
  const report = await periodEconomics(context, checked.data);
  if (format === 'json') return JSON.stringify(toWire(ZPeriodEconomics, report), null, 2);
  const columns: readonly (readonly [string, Key])[] = report.teams.some((t) => t.poolMode === 'budgeted_bonus')
    ? BUDGETED_COLUMNS
    : COLUMNS;
  const rows: Row[] = report.teams.map((t) => Object.fromEntries(columns.map(([, key]) => [key, t[key] ?? null])) as Row);
  if (format === 'csv')
    return [columns.map(([, key]) => key).join(','), ...rows.map((r) => columns.map(([, key]) => csvCell(r[key])).join(','))].join('\n');
  const money = (key: string) => key.endsWith('Minor');
  // The same figures as the staff app and the board show (src/core/format), in the organization's language.
  const locale = context.org.locale ?? 'en';
  const major = (minor: number | null) => (minor === null ? '—' : formatMoney(minor, report.currency, locale));
  const sum = (key: Key) => rows.reduce((s, r) => s + Number(r[key] ?? 0), 0);
  const text = (key: Key, value: string | number | null) =>
    key === 'teamName'
      ? String(value)
      : key === 'fulfillmentIndex'
        ? formatPercent(value as number, locale)
        : money(key)
          ? major(value as number | null)
          : String(value ?? '—');
  const totals = columns.map(([, key]) =>
    key === 'teamName'
      ? 'total'
      : key === 'fulfillmentIndex' || key === 'hourlyEfficiencyMinor'
        ? ''
        : money(key)
          ? major(sum(key))
          : String(sum(key)),
  );
  const head = `${report.period} · ${report.closed ? 'closed' : 'open'} · ${report.currency} · overhead ${major(report.overheadTotalMinor)} shared ${report.overheadRule.replace('_', ' ')}`;
  return `${head}\n\n${table([columns.map(([label]) => label), ...rows.map((r) => columns.map(([, key]) => text(key, r[key]))), totals])}`;
}

/**
 * `periods lock|unlock --org SLUG --period YYYY-MM`: locks (or unlocks) a month's member inputs, as an
 * admin does on the web: while locked, members' hours, ledger lines and peer points are refused (409
 * `inputs_locked`). A closed month exits 3 (`period_closed`); a bad month 1; an unknown org 2.
 */
export async function runPeriodsCommand(key: string, ctx: () => Promise<OrgContext>, values: CommandValues): Promise<string | null> {
  if (key !== 'periods lock' && key !== 'periods unlock') return null;
  const checked = ZPeriod.safeParse(values.period);
  if (!checked.success)
    throw new AppError('validation_failed', '--period: required, a month YYYY-MM', [
      fieldError('period', 'invalid_date', 'a month YYYY-MM'),
    ]);
  const locked = key === 'periods lock';
  await setInputsLock(await ctx(), checked.data, locked);
  return `period ${checked.data}: inputs ${locked ? 'locked' : 'unlocked'}`;
}

export const ECONOMICS_COMMANDS: CliCommand[] = [
  {
    name: 'economics',
    scope: 'organization',
    help: `  economics report --org SLUG --period YYYY-MM [--format table|csv|json]
                            Every team's P&L, hourly efficiency, fulfillment, pool and reserve for a
                            month (csv and json in minor units); in a government organization's
                            budgeted-bonus mode, its budget, savings and bonus fund instead of profit.`,
    options: { period: { type: 'string' }, format: { type: 'string' } },
    async run(db, input) {
      const report = await runEconomicsCommand(
        `${input.command} ${input.sub ?? ''}`,
        () => orgContext(db, input.values.org, input.now),
        input.values,
      );
      if (report === null) throw unknownCommand(input);
      return { stdout: report };
    },
  },
  {
    name: 'periods',
    scope: 'organization',
    help: `  periods lock|unlock --org SLUG --period YYYY-MM
                            Lock a month's member inputs (hours, ledger lines, peer points: members
                            are refused with inputs_locked until unlocked; admins still correct them),
                            or unlock them. A closed month exits 3.`,
    options: { period: { type: 'string' } },
    async run(db, input) {
      const done = await runPeriodsCommand(
        `${input.command} ${input.sub ?? ''}`,
        () => orgContext(db, input.values.org, input.now),
        input.values,
      );
      if (done === null) throw unknownCommand(input);
      return { stdout: done };
    },
  },
];
