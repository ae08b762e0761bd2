/** The shape of the demo economics (economics.demo.data.ts and the files of each demo organization). */

import type { TSettings, TSplitRuleInput } from './economics.schema.js';

export type Months = readonly [number, number, number, number, number, number, number];
type Maybe = number | null;
/** Amounts per month; null where nothing of the kind happened that month. */
export type MaybeMonths = readonly [Maybe, Maybe, Maybe, Maybe, Maybe, Maybe, Maybe];

export interface DemoLedgerLine {
  kind: 'revenue' | 'expense' | 'labour';
  note: string;
  amounts: Months;
}

export interface DemoEconomicsTeam {
  team: string;
  lines: DemoLedgerLine[];
  /** Hours and monthly salary of each member (by e-mail). */
  members: { email: string; hours: Months; salary: Months }[];
  /** The rule the team publishes first, and, if it changes, the one it publishes in month `from`. */
  split: TSplitRuleInput;
  splitLater?: { from: number; rule: TSplitRuleInput };
  /** Peer points each member gives from month `from` on: giver → teammate → points (100 in all). */
  peer?: { from: number; points: Record<string, Record<string, number>>; notYetInOpenMonth?: string[] };
}

export interface DemoTrade {
  seller: string;
  buyer: string;
  /** `{house}` is replaced by a house of the month (a demo client's). */
  note: string;
  houseOffset?: number;
  /** Per month; a trade in the open month is entered and confirmed in its past part. */
  amounts: MaybeMonths;
  enteredBy: string;
  answeredBy: string;
  /** The key of the seller's internal promise the trade pays for (demo.promises.data.ts). */
  promise?: string;
}

export type DemoOverheadRule = { rule: 'per_capita' | 'hours' | 'revenue' } | { rule: 'fixed'; percentages: Record<string, number> };

export interface DemoEconomics {
  /** The settings at the start, and from month `from` on (when the pool is tied to client promises). */
  settings: TSettings;
  settingsLater?: { from: number; settings: TSettings };
  overhead: { note: string; amounts: Months }[];
  overheadRules: readonly DemoOverheadRule[];
  teams: DemoEconomicsTeam[];
  houses?: readonly string[];
  trades: DemoTrade[];
  declined: Omit<DemoTrade, 'amounts'> & { month: number; amount: number; reason: string };
  /** Entered in the open month, not yet confirmed by the other side. */
  proposed: Omit<DemoTrade, 'amounts' | 'answeredBy'> & { amount: number };
  /**
   * Reserve money a team asks for through a decision under the right to spend the reserve (granted to
   * the team): its first member opens the decision, requests the money and takes it, funding option 0.
   */
  allocation: {
    amount: number;
    purpose: string;
    team: string;
    right: { name: string; description: string };
    title: string;
    options: [string, string];
    rationale: string;
  };
  /**
   * Late answers sent through ingest so that a client promise is broken at the end of `month`:
   * from day `fromDay` for `days` days, `late` answers over the threshold and `onTime` within it.
   */
  spell?: { promise: string; month: number; fromDay: number; days: number; late: number; onTime: number };
}

// The promises were published three months before the open one (demo.promises.ts); the pool is tied
// to them from the month after (two months before the open one), so that no month is judged on the
// few days of events it had before.
export const TIED_FROM = 4;
