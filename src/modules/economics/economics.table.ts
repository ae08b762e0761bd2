import { decimal, instant, money, percent, type Table, type TableLocale, text } from '../../core/tables/table.js';
import type { OrgContext } from '../context.js';
import { enumText } from '../exports/export.route.js';
import { listOrgTeams } from '../teams/team.service.js';
import { periodEconomics } from './economics.service.js';
import { listLedger } from './inputs.service.js';

const ECONOMICS_COLUMNS = [
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
].map((key) => ({ header: `tables.economics.${key}` }));

/**
 * Every team side by side for a month, read through the same service as the screen (so what a
 * person may see is the same); money in the organization's currency, exact minor units.
 */
export async function economicsTable(ctx: OrgContext, period: string, locale: TableLocale): Promise<Table> {
  const figures = await periodEconomics(ctx, period);
  const currency = figures.currency;
  const rows = figures.teams.map((team) => [
    text(period),
    text(team.teamName),
    money(team.revenueMinor, currency),
    money(team.internalInMinor, currency),
    money(team.internalOutMinor, currency),
    money(team.nonLabourMinor, currency),
    money(team.labourMinor, currency),
    money(team.overheadMinor, currency),
    money(team.netProfitMinor, currency),
    decimal(team.hours, 2),
    money(team.hourlyEfficiencyMinor, currency),
    percent(team.fulfillmentIndex, 1),
    money(team.poolMinor, currency),
    money(team.withheldMinor, currency),
    money(team.reserveMinor, currency),
    text(enumText(locale, 'splitRule', team.splitRule)),
  ]);
  return { name: `economics-${period}`, columns: ECONOMICS_COLUMNS, rows };
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
