import { z } from 'zod';
import { POOL_MODES } from '../../core/economics/budgeted-pool.js';
import { FULFILLMENT_MODES } from '../../core/economics/fulfillment.js';
import { OVERHEAD_RULES } from '../../core/economics/overhead.js';
import { parsePeriod } from '../../core/economics/period.js';
import { SPLIT_BASES, SPLIT_RULES } from '../../core/economics/split.js';
import { ZId, ZOrgSlug, ZTime } from '../common.schema.js';
import { MAX_OPTIONS } from '../governance/decision.schema.js';
import { ZOverrideField } from '../teams/override.schema.js';

/** A calendar month `YYYY-MM` in the organization's time zone. */
export const ZPeriod = z
  .string()
  .refine((v) => parsePeriod(v) !== null, { message: 'must be a month YYYY-MM (2000–2199)', params: { code: 'invalid_date' } })
  .meta({ examples: ['2026-10'] });
export const ZPeriodParams = z.object({ org: ZOrgSlug, period: ZPeriod });
export const ZPeriodTeamParams = ZPeriodParams.extend({ teamId: ZId });
export const ZPeriodMemberParams = ZPeriodTeamParams.extend({ userId: ZId });

/** Integer minor units (kopecks, cents): positive, at most 10^13 (100 billion in major units). */
export const ZAmount = z
  .number()
  .int('must be whole minor units (kopecks, cents)')
  .min(1, 'must be positive')
  .max(1e13)
  .meta({ examples: [1500000] });
const ZRate = z
  .number()
  .min(0)
  .max(1)
  .refine((v) => Math.abs(Math.round(v * 1e6) - v * 1e6) < 1e-6, {
    message: 'at most 6 decimals',
    params: { code: 'too_precise', decimals: 6 },
  });
const ZNote = z.string().trim().max(500).default('');

const ZSettingsFields = z.object({
  poolRate: ZRate.describe('share of a team’s net profit paid to its members (0.2 = 20%)').meta({ examples: [0.2] }),
  reserveRate: ZRate.describe('share of net profit kept in the reserve fund for new projects').meta({ examples: [0.05] }),
  fulfillment: z.enum(FULFILLMENT_MODES).describe('how kept client promises scale the pool: off, share_kept, proportional'),
  reserveRightId: ZId.nullable()
    .optional()
    .describe(
      'the decision right under which the reserve is spent: a decision taken under it funds a reserve request; left out: unchanged',
    ),
  poolMode: z
    .enum(POOL_MODES)
    .optional()
    .describe(
      'where the pool comes from: profit_share (poolRate × net profit, the default) or budgeted_bonus (each team’s budgeted bonus fund × fulfillment index, savings against its budget as the profit line; government organizations only); left out: unchanged',
    ),
});
export const ZSettings = ZSettingsFields.refine((v) => Math.round(v.poolRate * 1e6) + Math.round(v.reserveRate * 1e6) <= 1e6, {
  path: ['reserveRate'],
  message: 'the pool and the reserve together take at most all of the profit (poolRate + reserveRate ≤ 1)',
  params: { code: 'too_big', maximum: 1 },
}).meta({ id: 'EconomicsSettingsInput' });
export type TSettings = z.output<typeof ZSettings>;
export const ZSettingsOut = ZSettingsFields.extend({ currency: z.string(), updatedAt: ZTime.nullable() })
  .extend({ poolMode: z.enum(POOL_MODES) })
  .meta({ id: 'EconomicsSettings' });

/** Who recorded an entry, as records show them: a person's name, or a token's or the system's label. */
export const ZRecordedBy = z.object({ id: z.string(), label: z.string() }).meta({ id: 'RecordedBy' });

export const LEDGER_KINDS = ['revenue', 'expense', 'labour', 'overhead'] as const;
export const ZLedgerInput = z
  .object({
    teamId: ZId.optional().describe('the team; omitted for the organization’s overhead'),
    kind: z
      .enum(LEDGER_KINDS)
      .describe('revenue, expense (non-labour), labour (wages and taxes), or overhead (organization-level, no team)'),
    amountMinor: ZAmount,
    note: ZNote,
    clientId: ZId.optional(),
    promiseId: ZId.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'overhead' && v.teamId)
      ctx.addIssue({
        code: 'custom',
        path: ['teamId'],
        message: 'overhead belongs to the organization: leave teamId out',
        params: { code: 'not_applicable' },
      });
    if (v.kind !== 'overhead' && !v.teamId)
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'required for revenue, expense and labour', params: { code: 'required' } });
  })
  .meta({ id: 'LedgerInput' });
export type TLedgerInput = z.output<typeof ZLedgerInput>;
export const ZLedgerLine = z
  .object({
    id: z.string(),
    period: z.string(),
    teamId: z.string().nullable(),
    kind: z.enum(LEDGER_KINDS),
    amountMinor: z.number().int(),
    note: z.string(),
    clientId: z.string().nullable(),
    promiseId: z.string().nullable(),
    createdAt: ZTime,
    createdBy: z.string().nullable(),
    recordedBy: ZRecordedBy.nullable().describe('who added the line (createdBy with a name)'),
  })
  .meta({ id: 'LedgerLine' });
export const ZLedgerQuery = z.object({ teamId: ZId.optional() });
export const ZLedgerImport = z
  .object({
    csv: z
      .string()
      .min(1)
      .max(2_000_000)
      .describe(
        'CSV with the columns team (id or name; empty for overhead), kind, amount (major units, e.g. 1500.50) or amountMinor, note',
      ),
  })
  .meta({ id: 'LedgerImport' });

export const ZMemberInput = z
  .object({
    hours: z
      .number()
      .min(0)
      .max(744, 'a month has at most 744 hours')
      .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, {
        message: 'at most 2 decimals',
        params: { code: 'too_precise', decimals: 2 },
      })
      .meta({ examples: [160] }),
    salaryMinor: z
      .number()
      .int('must be whole minor units')
      .min(0)
      .max(1e12)
      .optional()
      .describe('an admin’s field; left out: unchanged (0 for a first entry). A member records `hours` alone, for themselves')
      .meta({ examples: [12000000] }),
  })
  .meta({ id: 'MemberInput' });
export type TMemberInput = z.output<typeof ZMemberInput>;
export const ZMemberWork = z
  .object({ period: z.string(), teamId: z.string(), userId: z.string(), hours: z.number(), salaryMinor: z.number().int() })
  .meta({ id: 'MemberWork' });

export const ZTradeInput = z
  .object({
    sellerTeamId: ZId,
    buyerTeamId: ZId,
    amountMinor: ZAmount,
    promiseId: ZId.optional().describe('the internal promise this trade pays for'),
    note: ZNote,
  })
  .meta({ id: 'TradeInput' });
export type TTradeInput = z.output<typeof ZTradeInput>;
export const ZTrade = z
  .object({
    id: z.string(),
    period: z.string(),
    seller: z.object({ id: z.string(), name: z.string() }),
    buyer: z.object({ id: z.string(), name: z.string() }),
    amountMinor: z.number().int(),
    promiseId: z.string().nullable(),
    note: z.string(),
    status: z.enum(['proposed', 'confirmed', 'declined']),
    enteredByTeamId: z.string(),
    createdBy: z.string().nullable(),
    createdAt: ZTime,
    answeredBy: z.string().nullable(),
    answeredAt: ZTime.nullable(),
    declineReason: z.string(),
    recordedBy: ZRecordedBy.nullable().describe('who recorded the trade (createdBy with a name)'),
  })
  .meta({ id: 'Trade' });
export const ZDeclineTrade = z.object({ reason: z.string().trim().min(1, 'say why').max(2000) }).meta({ id: 'DeclineTrade' });

const ZWeights = z.partialRecord(z.enum(SPLIT_BASES), ZRate);
export const ZSplitRuleInput = z
  .object({
    rule: z.enum(SPLIT_RULES),
    weights: ZWeights.optional().describe('for mix: a weight per basis (equal, hours, salary, peer), summing to 1'),
    override: ZOverrideField,
  })
  .superRefine((v, ctx) => {
    if (v.rule === 'mix' && !v.weights)
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'required for a mix', params: { code: 'required' } });
    if (v.rule !== 'mix' && v.weights)
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'only a mix has weights', params: { code: 'not_applicable' } });
  })
  .meta({ id: 'SplitRuleInput' });
export type TSplitRuleInput = z.output<typeof ZSplitRuleInput>;
export const ZSplitRule = z
  .object({
    teamId: z.string(),
    rule: z.enum(SPLIT_RULES),
    weights: ZWeights.nullable(),
    formula: z.string().describe('the rule written out'),
    updatedAt: ZTime.nullable(),
  })
  .meta({ id: 'SplitRule' });

export const ZPeerPointsInput = z
  .object({
    points: z.record(ZId, z.number().int().min(0).max(100)).describe('teammate id → points; 100 in all, never to yourself'),
  })
  .meta({ id: 'PeerPointsInput' });
export const ZPeerPoints = z
  .object({
    period: z.string(),
    teamId: z.string(),
    given: z.record(z.string(), z.number().int()).describe('the points you gave'),
    givers: z.number().int().describe('how many members have given their points this period'),
    members: z.number().int(),
  })
  .meta({ id: 'PeerPoints' });

export const ZOverheadRuleInput = z
  .object({
    rule: z.enum(OVERHEAD_RULES),
    percentages: z.record(ZId, z.number().min(0).max(100)).optional().describe('for fixed: team id → percent, summing to 100'),
  })
  .superRefine((v, ctx) => {
    if (v.rule === 'fixed' && !v.percentages)
      ctx.addIssue({ code: 'custom', path: ['percentages'], message: 'required for fixed percentages', params: { code: 'required' } });
  })
  .meta({ id: 'OverheadRuleInput' });
export type TOverheadRuleInput = z.output<typeof ZOverheadRuleInput>;

/** A team's expense budget and bonus fund for a month (the budgeted_bonus pool mode), minor units. */
export const ZTeamBudgetInput = z
  .object({
    budgetMinor: z
      .number()
      .int('must be whole minor units (kopecks, cents)')
      .min(0)
      .max(1e13)
      .describe('the team’s expense budget for the month; savings = budget − what it spent')
      .meta({ examples: [1200000000] }),
    bonusFundMinor: z
      .number()
      .int('must be whole minor units (kopecks, cents)')
      .min(0)
      .max(1e13)
      .describe('the budgeted bonus fund; the pool is this × the fulfillment index')
      .meta({ examples: [50000000] }),
  })
  .meta({ id: 'TeamBudgetInput' });
export type TTeamBudgetInput = z.output<typeof ZTeamBudgetInput>;
export const ZTeamBudget = ZTeamBudgetInput.extend({ period: z.string(), teamId: z.string(), updatedAt: ZTime }).meta({ id: 'TeamBudget' });

export const ZReopen = z.object({ reason: z.string().trim().min(1, 'say why').max(2000) }).meta({ id: 'ReopenPeriod' });

export const ZShare = z.object({ memberId: z.string(), amountMinor: z.number().int() });
export const ZEconomicsMember = z.object({
  memberId: z.string(),
  name: z.string(),
  joinedAt: ZTime,
  hours: z.number(),
  salaryMinor: z.number().int(),
  peerPointsReceived: z.number().int(),
  amountMinor: z.number().int(),
});
export const ZFulfillmentPromise = z.object({
  id: z.string(),
  title: z.string(),
  good: z.number().int(),
  total: z.number().int(),
  target: z.number(),
  attainment: z.number().nullable(),
  kept: z.boolean(),
});

/** A team's economics for one period (the issue's fixed shape, then what the screens need). */
export const ZTeamEconomics = z
  .object({
    period: z.string(),
    closed: z.boolean(),
    currency: z.string(),
    revenueMinor: z.number().int(),
    internalInMinor: z.number().int(),
    internalOutMinor: z.number().int(),
    nonLabourMinor: z.number().int(),
    labourMinor: z.number().int(),
    overheadMinor: z.number().int(),
    netProfitMinor: z.number().int(),
    hours: z.number(),
    hourlyEfficiencyMinor: z.number().int().nullable(),
    fulfillmentIndex: z.number(),
    poolRate: z.number(),
    poolMinor: z.number().int(),
    withheldMinor: z.number().int(),
    reserveMinor: z.number().int(),
    splitRule: z.enum(SPLIT_RULES),
    shares: z.array(ZShare).describe('each member’s part of the pool; empty for someone outside the team (see sharesVisible)'),
    teamId: z.string(),
    teamName: z.string(),
    reserveRate: z.number(),
    fulfillmentMode: z.enum(FULFILLMENT_MODES),
    fulfillmentPromises: z.array(ZFulfillmentPromise),
    splitWeights: ZWeights.nullable(),
    equalFallbacks: z.array(z.enum(SPLIT_BASES)).describe('bases with nothing recorded, split equally instead'),
    sharesVisible: z.boolean().describe('members, hours, salaries and shares are shown to the team, admins and the council'),
    members: z.array(ZEconomicsMember),
    overheadRule: z.enum(OVERHEAD_RULES),
    poolMode: z.enum(POOL_MODES).describe('profit_share: pool = poolRate × net profit × index; budgeted_bonus: pool = bonus fund × index'),
    budgetMinor: z.number().int().nullable().describe('budgeted_bonus: the team’s expense budget for the month; null without one'),
    bonusFundMinor: z.number().int().nullable().describe('budgeted_bonus: the team’s bonus fund for the month; null without a budget'),
    savingsMinor: z
      .number()
      .int()
      .nullable()
      .describe('budgeted_bonus: savings against the budget (budget + net profit; negative when overspent, then no pool); null otherwise'),
  })
  .meta({ id: 'TeamEconomics' });
export type TTeamEconomics = z.output<typeof ZTeamEconomics>;

/** The share of a team's recorded hours kept for new projects (a time reserve), in percent with 2 decimals. */
const ZSharePct = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, {
    message: 'at most 2 decimals',
    params: { code: 'too_precise', decimals: 2 },
  })
  .meta({ examples: [10] });
export const ZTimeReserveInput = z
  .object({ sharePct: ZSharePct.describe('percent of the team’s recorded hours kept for new projects or experiments') })
  .meta({ id: 'TimeReserveInput' });
export const ZTimeReserve = z.object({ teamId: z.string(), sharePct: z.number(), updatedAt: ZTime.nullable() }).meta({ id: 'TimeReserve' });

/** A team's economics as its page shows them: the figures, who recorded each member's work, and the time reserve. */
export const ZTeamEconomicsView = ZTeamEconomics.extend({
  members: z.array(ZEconomicsMember.extend({ recordedBy: ZRecordedBy.nullable(), recordedAt: ZTime.nullable() })),
  timeReserve: z.object({
    sharePct: z.number(),
    hours: z.number().describe('hours reserved = share × recorded hours, to the hundredth'),
  }),
  inputsLocked: z.boolean().describe('an admin locked the month’s inputs: only admins change them'),
}).meta({ id: 'TeamEconomicsView' });
export type TTeamEconomicsView = z.output<typeof ZTeamEconomicsView>;

export const ZTeamSummary = ZTeamEconomics.pick({
  teamId: true,
  teamName: true,
  revenueMinor: true,
  internalInMinor: true,
  internalOutMinor: true,
  nonLabourMinor: true,
  labourMinor: true,
  overheadMinor: true,
  netProfitMinor: true,
  hours: true,
  hourlyEfficiencyMinor: true,
  fulfillmentIndex: true,
  poolMinor: true,
  withheldMinor: true,
  reserveMinor: true,
  splitRule: true,
  poolMode: true,
  budgetMinor: true,
  bonusFundMinor: true,
  savingsMinor: true,
});
export const ZPeriodEconomics = z
  .object({
    period: z.string(),
    closed: z.boolean(),
    closedAt: ZTime.nullable(),
    currency: z.string(),
    overheadRule: z.enum(OVERHEAD_RULES),
    overheadPercentages: z.record(z.string(), z.number()).nullable(),
    overheadTotalMinor: z.number().int(),
    teams: z.array(ZTeamSummary),
    inputsLocked: z
      .object({ at: ZTime, by: ZRecordedBy.nullable() })
      .nullable()
      .describe('set while an admin has locked the month’s inputs (only admins change them)'),
  })
  .meta({ id: 'PeriodEconomics' });
export const ZPeriodListItem = z
  .object({ period: z.string(), closed: z.boolean(), closedAt: ZTime.nullable() })
  .meta({ id: 'PeriodListItem' });
export const ZHistoryQuery = z.object({ to: ZPeriod.optional(), count: z.coerce.number().int().min(1).max(36).default(12) });
export const ZReserveRequest = z
  .object({
    decisionId: z.string(),
    decisionTitle: z.string(),
    teamId: z.string(),
    fundingOption: z.number().int(),
    purpose: z.string(),
    amountMinor: z.number().int().nullable().describe('the decision’s amount'),
    status: z
      .enum(['open', 'funded', 'declined'])
      .describe('open until the decision is taken: funded by the funding option, else declined'),
    createdAt: ZTime,
    createdBy: ZRecordedBy.nullable(),
  })
  .meta({ id: 'ReserveRequest' });
export const ZReserve = z
  .object({
    currency: z.string(),
    accumulatedMinor: z.number().int(),
    allocatedMinor: z.number().int(),
    balanceMinor: z.number().int(),
    periods: z.array(z.object({ period: z.string(), reserveMinor: z.number().int() })),
    allocations: z.array(
      z.object({
        id: z.string(),
        amountMinor: z.number().int(),
        purpose: z.string(),
        createdAt: ZTime,
        createdBy: z.string().nullable(),
        decisionId: z.string().nullable().describe('the decision under the reserve right that made it; null: a participatory round'),
      }),
    ),
    reserveRightId: z.string().nullable().describe('the decision right under which the reserve is spent (settings); null: none named yet'),
    requests: z.array(ZReserveRequest).describe('teams’ requests for reserve money, newest first'),
  })
  .meta({ id: 'Reserve' });
/** What an allocation (by a decision or a participatory round) holds: an amount and its purpose. */
export const ZAllocationInput = z
  .object({ amountMinor: ZAmount, purpose: z.string().trim().min(1, 'say what it is for').max(500) })
  .meta({ id: 'AllocationInput' });
/** A team asks for reserve money through a decision under the reserve right: the option that funds it, and what for. */
export const ZReserveRequestInput = z
  .object({
    fundingOption: z
      .number()
      .int()
      .min(0)
      .max(MAX_OPTIONS - 1)
      .describe('index of the decision’s option that spends the money; the decision’s amount is the sum'),
    purpose: ZAllocationInput.shape.purpose,
  })
  .meta({ id: 'ReserveRequestInput' });
export type TReserveRequestInput = z.output<typeof ZReserveRequestInput>;
