/** Tables of team economics (M6). Money in integer minor units, hours in hundredths, rates in ppm. */

export interface EconomicsSettingsTable {
  org_id: string;
  pool_rate_ppm: number;
  reserve_rate_ppm: number;
  fulfillment: 'off' | 'share_kept' | 'proportional';
  /** `budgeted_bonus`: the pool is a budgeted bonus fund × the fulfillment index (government organizations). */
  pool_mode: 'profit_share' | 'budgeted_bonus';
  /** The decision right under which the reserve is spent (a decision taken under it allocates); null: none named. */
  reserve_right_id: string | null;
  updated_at: number;
  updated_by: string | null;
}

export interface EconomicPeriodsTable {
  org_id: string;
  /** `YYYY-MM` in the organization's time zone. */
  period: string;
  status: 'open' | 'closed';
  overhead_rule: 'per_capita' | 'hours' | 'revenue' | 'fixed';
  /** JSON `{teamId: basisPoints}` for the fixed rule. */
  overhead_basis_points: string | null;
  /** JSON of every team's figures, frozen when the period was closed; null while open. */
  snapshot: string | null;
  closed_at: number | null;
  closed_by: string | null;
  /** While set, only admins change the month's inputs (locked before closing). */
  inputs_locked_at: number | null;
  inputs_locked_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface LedgerLinesTable {
  id: string;
  org_id: string;
  period: string;
  /** Null: the organization's overhead, shared among the teams by the period's rule. */
  team_id: string | null;
  kind: 'revenue' | 'expense' | 'labour' | 'overhead';
  amount_minor: number;
  note: string;
  client_id: string | null;
  promise_id: string | null;
  created_at: number;
  created_by: string | null;
}

export interface PeriodMembersTable {
  org_id: string;
  period: string;
  team_id: string;
  user_id: string;
  hours_centi: number;
  salary_minor: number;
  /** Who last recorded the hours or salary (the member themselves, or an admin). */
  recorded_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface InternalTradesTable {
  id: string;
  org_id: string;
  period: string;
  seller_team_id: string;
  buyer_team_id: string;
  amount_minor: number;
  promise_id: string | null;
  note: string;
  status: 'proposed' | 'confirmed' | 'declined';
  entered_by_team_id: string;
  created_by: string | null;
  created_at: number;
  answered_by: string | null;
  answered_at: number | null;
  decline_reason: string;
}

export interface SplitRulesTable {
  org_id: string;
  team_id: string;
  rule: 'equal' | 'hours' | 'salary' | 'peer' | 'mix';
  /** JSON `{basis: ppm}` for a mix. */
  weights: string | null;
  updated_at: number;
  updated_by: string | null;
}

export interface PeerPointsTable {
  org_id: string;
  period: string;
  team_id: string;
  giver_id: string;
  receiver_id: string;
  points: number;
  updated_at: number;
}

export interface ReserveAllocationsTable {
  id: string;
  org_id: string;
  amount_minor: number;
  purpose: string;
  created_at: number;
  created_by: string | null;
  /** The decision taken under the reserve right that made it; null: a participatory round, or made before decisions were required. */
  decision_id: string | null;
}

/** A team asks for reserve money through a decision: taken with `funding_option`, it allocates the decision's amount. */
export interface ReserveRequestsTable {
  org_id: string;
  decision_id: string;
  team_id: string;
  funding_option: number;
  purpose: string;
  created_at: number;
  created_by: string | null;
}

/** The share of a team's recorded hours kept for new projects (basis points: 10% = 1,000). */
export interface TeamTimeReservesTable {
  org_id: string;
  team_id: string;
  share_bp: number;
  updated_at: number;
  updated_by: string | null;
}

/** A team's expense budget and bonus fund for a month (the budgeted-bonus pool mode), minor units. */
export interface TeamBudgetsTable {
  org_id: string;
  period: string;
  team_id: string;
  budget_minor: number;
  bonus_fund_minor: number;
  created_at: number;
  updated_at: number;
  updated_by: string | null;
}
