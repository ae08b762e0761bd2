import type { z } from 'zod';
import type { FulfillmentMode } from '../../../../src/core/economics/fulfillment';
import type { OverheadRuleKind } from '../../../../src/core/economics/overhead';
import type { SplitBasis, SplitRuleName } from '../../../../src/core/economics/split';
import type {
  ZLedgerInput,
  ZLedgerLine,
  ZMemberInput,
  ZOverheadRuleInput,
  ZPeerPoints,
  ZPeriodEconomics,
  ZPeriodListItem,
  ZReserve,
  ZReserveRequest,
  ZReserveRequestInput,
  ZSettings,
  ZSettingsOut,
  ZSplitRule,
  ZSplitRuleInput,
  ZTeamBudgetInput,
  ZTeamEconomics,
  ZTeamEconomicsView,
  ZTeamSummary,
  ZTimeReserve,
  ZTrade,
  ZTradeInput,
} from '../../../../src/modules/economics/economics.schema';
import { api, orgPath } from '../../shared/api/client';

export type TeamEconomics = z.input<typeof ZTeamEconomics>;
/** A team's month as its page shows it: who recorded each member's work, the time reserve, the lock. */
export type TeamEconomicsView = z.input<typeof ZTeamEconomicsView>;
export type EconomicsMember = TeamEconomicsView['members'][number];
export type FulfillmentPromise = TeamEconomics['fulfillmentPromises'][number];
export type TeamSummary = z.input<typeof ZTeamSummary>;
export type PeriodEconomics = z.input<typeof ZPeriodEconomics>;
export type PeriodListItem = z.input<typeof ZPeriodListItem>;
export type LedgerLine = z.input<typeof ZLedgerLine>;
export type LedgerInput = z.input<typeof ZLedgerInput>;
export type LedgerKind = LedgerLine['kind'];
export type MemberInput = z.input<typeof ZMemberInput>;
export type Trade = z.input<typeof ZTrade>;
export type TradeInput = z.input<typeof ZTradeInput>;
export type TradeStatus = Trade['status'];
export type SplitRule = z.input<typeof ZSplitRule>;
export type SplitRuleInput = z.input<typeof ZSplitRuleInput>;
export type SplitWeights = Partial<Record<SplitBasis, number>>;
export type PeerPoints = z.input<typeof ZPeerPoints>;
export type OverheadRuleInput = z.input<typeof ZOverheadRuleInput>;
export type Settings = z.input<typeof ZSettingsOut>;
export type SettingsInput = z.input<typeof ZSettings>;
export type Reserve = z.input<typeof ZReserve>;
export type ReserveRequest = z.input<typeof ZReserveRequest>;
export type ReserveRequestInput = z.input<typeof ZReserveRequestInput>;
export type TimeReserve = z.input<typeof ZTimeReserve>;
export type { FulfillmentMode, OverheadRuleKind, SplitBasis, SplitRuleName };

/** The lists the server validates against, in the order the forms show them (a test compares them with the server's). */
export const LEDGER_KINDS: readonly LedgerKind[] = ['revenue', 'expense', 'labour', 'overhead'];
export const SPLIT_BASES: readonly SplitBasis[] = ['equal', 'hours', 'salary', 'peer'];
export const SPLIT_RULES: readonly SplitRuleName[] = [...SPLIT_BASES, 'mix'];
export const OVERHEAD_RULES: readonly OverheadRuleKind[] = ['per_capita', 'hours', 'revenue', 'fixed'];
export const FULFILLMENT_MODES: readonly FulfillmentMode[] = ['off', 'share_kept', 'proportional'];
export type PoolMode = Settings['poolMode'];
export type TeamBudgetInput = z.input<typeof ZTeamBudgetInput>;
export const POOL_MODES: readonly PoolMode[] = ['profit_share', 'budgeted_bonus'];
export const TRADE_STATUSES: readonly TradeStatus[] = ['proposed', 'confirmed', 'declined'];

const periodPath = (org: string, period: string, ...parts: string[]) => orgPath(org, 'periods', period, ...parts);

export const economicsApi = {
  settings: (org: string) => api.get<Settings>(orgPath(org, 'economics-settings')),
  putSettings: (org: string, input: SettingsInput) => api.put<Settings>(orgPath(org, 'economics-settings'), input),
  periods: (org: string) => api.getAll<PeriodListItem>(orgPath(org, 'periods')),
  period: (org: string, period: string) => api.get<PeriodEconomics>(periodPath(org, period)),
  close: (org: string, period: string) => api.post<PeriodEconomics>(periodPath(org, period, 'close')),
  lock: (org: string, period: string) => api.post<PeriodEconomics>(periodPath(org, period, 'lock')),
  unlock: (org: string, period: string) => api.post<PeriodEconomics>(periodPath(org, period, 'unlock')),
  reopen: (org: string, period: string, reason: string) => api.post<PeriodEconomics>(periodPath(org, period, 'reopen'), { reason }),
  ledger: (org: string, period: string, teamId?: string) => api.getAll<LedgerLine>(periodPath(org, period, 'ledger'), { teamId }),
  addLine: (org: string, period: string, input: LedgerInput) => api.post<LedgerLine>(periodPath(org, period, 'ledger'), input),
  importLedger: (org: string, period: string, csv: string) =>
    api.post<{ imported: number }>(periodPath(org, period, 'ledger', 'import'), { csv }),
  removeLine: (org: string, period: string, id: string) => api.delete(periodPath(org, period, 'ledger', id)),
  putOverheadRule: (org: string, period: string, input: OverheadRuleInput) =>
    api.put<{ ok: true }>(periodPath(org, period, 'overhead-rule'), input),
  /** A member sends `{hours}` alone, for themselves; an admin anyone's hours and salary. */
  putMember: (org: string, period: string, teamId: string, userId: string, input: MemberInput) =>
    api.put<{ hours: number; salaryMinor: number }>(periodPath(org, period, 'teams', teamId, 'members', userId), input),
  team: (org: string, period: string, teamId: string) => api.get<TeamEconomicsView>(periodPath(org, period, 'teams', teamId, 'economics')),
  putBudget: (org: string, period: string, teamId: string, input: TeamBudgetInput) =>
    api.put<TeamBudgetInput>(periodPath(org, period, 'teams', teamId, 'budget'), input),
  peerPoints: (org: string, period: string, teamId: string) => api.get<PeerPoints>(periodPath(org, period, 'teams', teamId, 'peer-points')),
  givePeerPoints: (org: string, period: string, teamId: string, points: Record<string, number>) =>
    api.put<PeerPoints>(periodPath(org, period, 'teams', teamId, 'peer-points'), { points }),
  trades: (org: string, period: string, teamId?: string) => api.getAll<Trade>(periodPath(org, period, 'trades'), { teamId }),
  recordTrade: (org: string, period: string, input: TradeInput) => api.post<Trade>(periodPath(org, period, 'trades'), input),
  confirmTrade: (org: string, period: string, id: string) => api.post<Trade>(periodPath(org, period, 'trades', id, 'confirm')),
  declineTrade: (org: string, period: string, id: string, reason: string) =>
    api.post<Trade>(periodPath(org, period, 'trades', id, 'decline'), { reason }),
  splitRule: (org: string, teamId: string) => api.get<SplitRule>(orgPath(org, 'teams', teamId, 'split-rule')),
  putSplitRule: (org: string, teamId: string, input: SplitRuleInput) =>
    api.put<SplitRule>(orgPath(org, 'teams', teamId, 'split-rule'), input),
  history: (org: string, teamId: string, to: string, count = 12) =>
    api.getAll<TeamEconomics>(orgPath(org, 'teams', teamId, 'economics', 'history'), { to, count }),
  reserve: (org: string) => api.get<Reserve>(orgPath(org, 'reserve')),
  /** A team asks for reserve money through its decision under the reserve right (no direct allocation). */
  requestReserve: (org: string, decisionId: string, input: ReserveRequestInput) =>
    api.put<ReserveRequest>(orgPath(org, 'decisions', decisionId, 'reserve-request'), input),
  timeReserve: (org: string, teamId: string) => api.get<TimeReserve>(orgPath(org, 'teams', teamId, 'time-reserve')),
  putTimeReserve: (org: string, teamId: string, sharePct: number) =>
    api.put<TimeReserve>(orgPath(org, 'teams', teamId, 'time-reserve'), { sharePct }),
};
