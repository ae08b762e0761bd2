import { type Cell, decimal, instant, money, percent, type Table, type TableLocale, text } from '../../core/tables/table.js';
import type { OrgContext } from '../context.js';
import { enumText } from '../exports/export.route.js';
import { listOrgTeams } from '../teams/team.service.js';
import { periodEconomics } from './economics.service.js';
import { listLedger } from './inputs.service.js';

const PROFIT_SHARE_COLUMNS = [
  'period',
  'team',
  'revenue',
  'internalIn',
  'internalOut',
  'nonLabour',
  'labour',
  'overhead',
  'netProfit',
  'hours',
  'hourlyEfficiency',
  'fulfillmentIndex',
  'pool',
  'withheld',
  'reserve',
  'splitRule',
];
/** The budgeted-bonus mode: the budget first, savings against it as the profit line, the fund beside the pool. */
const BUDGETED_BONUS_COLUMNS = [
  'period',
  'team',
  'budget',
  'revenue',
  'internalIn',
  'internalOut',
  'nonLabour',
  'labour',
  'overhead',
  'savings',
  'hours',
  'hourlyEfficiency',
  'fulfillmentIndex',
  'bonusFund',
  'budgetedPool',
  'withheld',
  'reserve',
  'splitRule',
];

/**
 * Every team side by side for a month, read through the same service as the screen (so what a
 * person may see is the same); money in the organization's currency, exact minor units. In the
 * budgeted-bonus mode (government organizations) savings against the budget replace net profit.
 */
export async function economicsTable(ctx: OrgContext, period: string, locale: TableLocale): Promise<Table> {
  const figures = await periodEconomics(ctx, period);
  const currency = figures.currency;
  const budgeted = figures.teams.some((team) => team.poolMode === 'budgeted_bonus');
  const keys = budgeted ? BUDGETED_BONUS_COLUMNS : PROFIT_SHARE_COLUMNS;
  const rows = figures.teams.map((team) => {
    const cells: Record<string, Cell> = {
      period: text(period),
      team: text(team.teamName),
      budget: money(team.budgetMinor, currency),
      revenue: money(team.revenueMinor, currency),
      internalIn: money(team.internalInMinor, currency),
      internalOut: money(team.internalOutMinor, currency),
      nonLabour: money(team.nonLabourMinor, currency),
      labour: money(team.labourMinor, currency),
      overhead: money(team.overheadMinor, currency),
      netProfit: money(team.netProfitMinor, currency),
      savings: money(team.savingsMinor, currency),
      hours: decimal(team.hours, 2),
      hourlyEfficiency: money(team.hourlyEfficiencyMinor, currency),
      fulfillmentIndex: percent(team.fulfillmentIndex, 1),
      bonusFund: money(team.bonusFundMinor, currency),
      pool: money(team.poolMinor, currency),
      budgetedPool: money(team.poolMinor, currency),
      withheld: money(team.withheldMinor, currency),
      reserve: money(team.reserveMinor, currency),
      splitRule: text(enumText(locale, 'splitRule', team.splitRule)),
    };
    return keys.map((key) => cells[key] as Cell);
  });
  return { name: `economics-${period}`, columns: keys.map((key) => ({ header: `tables.economics.${key}` })), rows };
}

const LEDGER_COLUMNS = ['period', 'team', 'kind', 'amount', 'note', 'createdAt'].map((key) => ({ header: `tables.ledger.${key}` }));

/** The month's ledger lines (of one team or all) with the team's name; overhead lines belong to the organization. */
export async function ledgerTable(ctx: OrgContext, period: string, teamId: string | undefined, locale: TableLocale): Promise<Table> {
  const { items } = await listLedger(ctx, period, teamId);
  const teams = await listOrgTeams(ctx, { limit: 100_000 });
  const names = new Map(teams.items.map((team) => [team.id, team.name]));
  const rows = items.map((line) => [
    text(period),
    text(line.teamId ? (names.get(line.teamId) ?? '') : enumText(locale, 'organization', 'overhead')),
    text(enumText(locale, 'ledgerKind', line.kind)),
    money(line.amountMinor, ctx.org.currency),
    text(line.note),
    instant(line.createdAt),
  ]);
  return { name: `ledger-${period}`, columns: LEDGER_COLUMNS, rows };
}
