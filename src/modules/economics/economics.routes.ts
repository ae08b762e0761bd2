import { z } from 'zod';
import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZId, ZOk, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import { exportRoute } from '../exports/export.route.js';
import { pageInMemory } from '../list.js';
import { getTimeReserve, putTimeReserve, setInputsLock } from './books.service.js';
import { putTeamBudget } from './budget.service.js';
import {
  ZDeclineTrade,
  ZHistoryQuery,
  ZLedgerImport,
  ZLedgerInput,
  ZLedgerLine,
  ZLedgerQuery,
  ZMemberInput,
  ZMemberWork,
  ZOverheadRuleInput,
  ZPeerPoints,
  ZPeerPointsInput,
  ZPeriodEconomics,
  ZPeriodListItem,
  ZPeriodMemberParams,
  ZPeriodParams,
  ZPeriodTeamParams,
  ZReopen,
  ZReserve,
  ZReserveRequest,
  ZReserveRequestInput,
  ZSettings,
  ZSettingsOut,
  ZSplitRule,
  ZSplitRuleInput,
  ZTeamBudget,
  ZTeamBudgetInput,
  ZTeamEconomics,
  ZTeamEconomicsView,
  ZTimeReserve,
  ZTimeReserveInput,
  ZTrade,
  ZTradeInput,
} from './economics.schema.js';
import { closePeriod, listPeriods, periodEconomics, reopenPeriod, teamEconomics, teamHistory } from './economics.service.js';
import { economicsTable, ledgerTable } from './economics.table.js';
import {
  addLedgerLine,
  deleteLedgerLine,
  getSettings,
  importLedgerCsv,
  listLedger,
  putMember,
  putOverheadRule,
  putSettings,
} from './inputs.service.js';
import { getReserve } from './reserve.service.js';
import { putReserveRequest } from './reserve-request.service.js';
import { getPeerPoints, getSplitRule, putPeerPoints, putSplitRule } from './split.service.js';
import { answerTrade, createTrade, listTrades } from './trade.service.js';

export function registerEconomicsRoutes(r: Registrar): void {
  const base = '/api/v1/orgs/:org';
  const periods = `${base}/periods/:period`;
  const read = { tag: 'economics', auth: 'org' as const, permission: 'economics:read' as const };
  const write = { tag: 'economics', auth: 'org' as const, permission: 'economics:write' as const };
  const participate = { tag: 'economics', auth: 'org' as const, permission: 'economics:participate' as const };

  r.add({
    ...read,
    method: 'GET',
    operationId: 'getEconomicsSettings',
    url: `${base}/economics-settings`,
    summary: 'The pool rate, the reserve rate and how kept promises scale the pool',
    params: ZOrgParams,
    response: ZSettingsOut,
    handler: async ({ ctx }) => getSettings(ctx),
  });
  r.add({
    ...write,
    method: 'PUT',
    operationId: 'setEconomicsSettings',
    url: `${base}/economics-settings`,
    summary: 'Set the pool rate (20% by default), the reserve rate and the fulfillment tie (off, share_kept, proportional)',
    params: ZOrgParams,
    body: ZSettings,
    response: ZSettingsOut,
    handler: async ({ ctx, body }) => putSettings(ctx, body),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listPeriods',
    url: `${base}/periods`,
    summary: 'Months with figures, newest first, each open or closed',
    params: ZOrgParams,
    query: ZPageQuery,
    response: ZPage(ZPeriodListItem),
    handler: async ({ ctx, query }) => pageInMemory((await listPeriods(ctx)).items, query, (p) => p.period),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getPeriod',
    url: periods,
    summary: 'Every team side by side for a month: net profit, efficiency, fulfillment, pool, reserve',
    params: ZPeriodParams,
    response: ZPeriodEconomics,
    handler: async ({ ctx, params }) => periodEconomics(ctx, params.period),
  });
  r.add(
    exportRoute({
      ...read,
      url: `${periods}/export`,
      operationId: 'exportPeriod',
      summary: 'Every team side by side for a month, to download',
      params: ZPeriodParams,
      build: (ctx, params, _query, locale) => economicsTable(ctx, params.period, locale),
    }),
  );
  r.add({
    ...write,
    method: 'POST',
    operationId: 'closePeriod',
    url: `${periods}/close`,
    summary: 'Close a month that has ended: every team’s figures are frozen and its inputs refuse changes',
    params: ZPeriodParams,
    response: ZPeriodEconomics,
    handler: async ({ ctx, params }) => closePeriod(ctx, params.period),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'reopenPeriod',
    url: `${periods}/reopen`,
    summary: 'Reopen a closed month, with a reason (recorded in the audit log with the frozen figures)',
    params: ZPeriodParams,
    body: ZReopen,
    response: ZPeriodEconomics,
    handler: async ({ ctx, params, body }) => reopenPeriod(ctx, params.period, body.reason),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'lockPeriodInputs',
    url: `${periods}/lock`,
    summary: 'Lock an open month’s inputs before closing it: until unlocked only admins change them (members get 409 inputs_locked)',
    params: ZPeriodParams,
    response: ZPeriodEconomics,
    handler: async ({ ctx, params }) => {
      await setInputsLock(ctx, params.period, true);
      return periodEconomics(ctx, params.period);
    },
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'unlockPeriodInputs',
    url: `${periods}/unlock`,
    summary: 'Unlock a month’s inputs: the teams’ members record their hours, ledger lines and trades again',
    params: ZPeriodParams,
    response: ZPeriodEconomics,
    handler: async ({ ctx, params }) => {
      await setInputsLock(ctx, params.period, false);
      return periodEconomics(ctx, params.period);
    },
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listLedgerLines',
    url: `${periods}/ledger`,
    summary: 'The month’s ledger lines, of one team or all',
    params: ZPeriodParams,
    query: ZPageQuery.extend(ZLedgerQuery.shape),
    response: ZPage(ZLedgerLine),
    handler: async ({ ctx, params, query }) => pageInMemory((await listLedger(ctx, params.period, query.teamId)).items, query),
  });
  r.add(
    exportRoute({
      ...read,
      url: `${periods}/ledger/export`,
      operationId: 'exportLedgerLines',
      summary: 'The month’s ledger lines, of one team or all, to download',
      params: ZPeriodParams,
      filters: ZLedgerQuery.shape,
      build: (ctx, params, query, locale) => ledgerTable(ctx, params.period, query.teamId, locale),
    }),
  );
  r.add({
    ...participate,
    method: 'POST',
    operationId: 'createLedgerLine',
    url: `${periods}/ledger`,
    status: 201,
    summary: 'Add a ledger line: a team’s revenue or expense (its members or an admin), labour or the organization’s overhead (an admin)',
    params: ZPeriodParams,
    body: ZLedgerInput,
    response: ZLedgerLine,
    handler: async ({ ctx, params, body }) => addLedgerLine(ctx, params.period, body),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'importLedgerLines',
    url: `${periods}/ledger/import`,
    summary: 'Import ledger lines from CSV, all or nothing; each problem names its line and field (rows.<line>.<field>)',
    params: ZPeriodParams,
    body: ZLedgerImport,
    bodyLimit: 4 * 1024 * 1024,
    response: z.object({ imported: z.number().int() }),
    handler: async ({ ctx, params, body }) => importLedgerCsv(ctx, params.period, body.csv),
  });
  r.add({
    ...participate,
    method: 'DELETE',
    operationId: 'deleteLedgerLine',
    url: `${periods}/ledger/:ledgerLineId`,
    summary: 'Remove a ledger line of an open month (a team’s revenue or expense: its members too)',
    params: ZPeriodParams.extend({ ledgerLineId: ZId }),
    response: ZOk,
    handler: async ({ ctx, params }) => deleteLedgerLine(ctx, params.period, params.ledgerLineId),
  });
  r.add({
    ...write,
    method: 'PUT',
    operationId: 'setOverheadRule',
    url: `${periods}/overhead-rule`,
    summary: 'How the month’s overhead is shared: per capita, by hours, by revenue share, or fixed percentages summing to 100',
    params: ZPeriodParams,
    body: ZOverheadRuleInput,
    response: ZOk,
    handler: async ({ ctx, params, body }) => putOverheadRule(ctx, params.period, body),
  });
  r.add({
    ...participate,
    method: 'PUT',
    operationId: 'setMemberWork',
    url: `${periods}/teams/:teamId/members/:userId`,
    summary:
      'Hours worked and salary of a member of the team in the month: a member records their own hours alone (salary: 403), an admin anyone’s hours and salary',
    params: ZPeriodMemberParams,
    body: ZMemberInput,
    response: ZMemberWork,
    handler: async ({ ctx, params, body }) => putMember(ctx, params.period, params.teamId, params.userId, body),
  });
  r.add({
    ...write,
    method: 'PUT',
    operationId: 'setTeamBudget',
    url: `${periods}/teams/:teamId/budget`,
    summary:
      'The team’s expense budget and bonus fund for the month: in the budgeted_bonus mode (government organizations) the pool is the fund × the fulfillment index, and savings against the budget are the profit line',
    params: ZPeriodTeamParams,
    body: ZTeamBudgetInput,
    response: ZTeamBudget,
    handler: async ({ ctx, params, body }) => putTeamBudget(ctx, params.period, params.teamId, body),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getTeamEconomics',
    url: `${periods}/teams/:teamId/economics`,
    summary:
      'A team’s P&L, hourly efficiency, fulfillment index, pool, reserve, time reserve and each member’s share (and who recorded their work) for a month',
    params: ZPeriodTeamParams,
    response: ZTeamEconomicsView,
    handler: async ({ ctx, params }) => teamEconomics(ctx, params.period, params.teamId),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getPeerPoints',
    url: `${periods}/teams/:teamId/peer-points`,
    summary: 'The points you gave teammates this month, and how many have given theirs',
    params: ZPeriodTeamParams,
    response: ZPeerPoints,
    handler: async ({ ctx, params }) => getPeerPoints(ctx, params.period, params.teamId),
  });
  r.add({
    ...participate,
    method: 'PUT',
    operationId: 'givePeerPoints',
    url: `${periods}/teams/:teamId/peer-points`,
    summary: 'Give your 100 points to teammates for the month (never to yourself)',
    params: ZPeriodTeamParams,
    body: ZPeerPointsInput,
    response: ZPeerPoints,
    handler: async ({ ctx, params, body }) => putPeerPoints(ctx, params.period, params.teamId, body.points),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listTrades',
    url: `${periods}/trades`,
    summary: 'Internal trades of the month, of one team or all',
    params: ZPeriodParams,
    query: ZPageQuery.extend({ teamId: ZId.optional() }),
    response: ZPage(ZTrade),
    handler: async ({ ctx, params, query }) => pageInMemory((await listTrades(ctx, params.period, query.teamId)).items, query),
  });
  r.add({
    ...participate,
    method: 'POST',
    operationId: 'createTrade',
    url: `${periods}/trades`,
    status: 201,
    summary: 'Record an internal trade (either side); it counts once the other side confirms',
    params: ZPeriodParams,
    body: ZTradeInput,
    response: ZTrade,
    handler: async ({ ctx, params, body }) => createTrade(ctx, params.period, body),
  });
  r.add({
    ...participate,
    method: 'POST',
    operationId: 'confirmTrade',
    url: `${periods}/trades/:tradeId/confirm`,
    summary: 'The other side confirms a trade: it counts for both teams',
    params: ZPeriodParams.extend({ tradeId: ZId }),
    response: ZTrade,
    handler: async ({ ctx, params }) => answerTrade(ctx, params.period, params.tradeId, { confirm: true }),
  });
  r.add({
    ...participate,
    method: 'POST',
    operationId: 'declineTrade',
    url: `${periods}/trades/:tradeId/decline`,
    summary: 'The other side declines a trade, saying why (it keeps its history)',
    params: ZPeriodParams.extend({ tradeId: ZId }),
    body: ZDeclineTrade,
    response: ZTrade,
    handler: async ({ ctx, params, body }) => answerTrade(ctx, params.period, params.tradeId, { confirm: false, reason: body.reason }),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getSplitRule',
    url: `${base}/teams/:teamId/split-rule`,
    summary: 'How the team splits its pool, written out',
    params: orgParamsWith('teamId'),
    response: ZSplitRule,
    handler: async ({ ctx, params }) => getSplitRule(ctx, params.teamId),
  });
  r.add({
    ...participate,
    method: 'PUT',
    operationId: 'setSplitRule',
    url: `${base}/teams/:teamId/split-rule`,
    summary: 'The team publishes how its pool is split: equal, hours, salary, peer, or a mix with weights summing to 1',
    params: orgParamsWith('teamId'),
    body: ZSplitRuleInput,
    response: ZSplitRule,
    handler: async ({ ctx, params, body }) => putSplitRule(ctx, params.teamId, body),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getTeamEconomicsHistory',
    url: `${base}/teams/:teamId/economics/history`,
    summary: 'A team’s figures over the last months (12 by default), oldest first',
    params: orgParamsWith('teamId'),
    query: ZPageQuery.extend(ZHistoryQuery.shape),
    response: ZPage(ZTeamEconomics),
    handler: async ({ ctx, params, query }) => pageInMemory((await teamHistory(ctx, params.teamId, query)).items, query, (e) => e.period),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getReserve',
    url: `${base}/reserve`,
    summary: 'The reserve fund: what closed months kept, what was allocated, the balance',
    params: ZOrgParams,
    response: ZReserve,
    handler: async ({ ctx }) => getReserve(ctx),
  });
  // No direct allocation: the reserve is spent by a decision under the reserve right (below) or a participatory round.
  r.add({
    ...participate,
    method: 'PUT',
    operationId: 'setReserveRequest',
    url: `${base}/decisions/:decisionId/reserve-request`,
    summary:
      'A team requests reserve money through its decision under the reserve right (with an amount): taken with the funding option, the amount is allocated (409 reserve_insufficient when the reserve holds less)',
    params: orgParamsWith('decisionId'),
    body: ZReserveRequestInput,
    response: ZReserveRequest,
    handler: async ({ ctx, params, body }) => putReserveRequest(ctx, params.decisionId, body),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getTimeReserve',
    url: `${base}/teams/:teamId/time-reserve`,
    summary: 'The share of the team’s recorded hours kept for new projects (0% until the team sets it)',
    params: orgParamsWith('teamId'),
    response: ZTimeReserve,
    handler: async ({ ctx, params }) => getTimeReserve(ctx, params.teamId),
  });
  r.add({
    ...participate,
    method: 'PUT',
    operationId: 'setTimeReserve',
    url: `${base}/teams/:teamId/time-reserve`,
    summary: 'The team keeps a share of its hours for new projects or experiments (its members or an admin)',
    params: orgParamsWith('teamId'),
    body: ZTimeReserveInput,
    response: ZTimeReserve,
    handler: async ({ ctx, params, body }) => putTimeReserve(ctx, params.teamId, body.sharePct),
  });
}
