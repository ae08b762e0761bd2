/** Tables of teams and governance (M5): roles, capabilities, rights, agreements, decisions, notifications. */

export interface RolesTable {
  id: string;
  org_id: string;
  team_id: string;
  name: string;
  purpose: string;
  /** JSON array of strings. */
  accountabilities: string;
  created_at: number;
  updated_at: number;
}

export interface RoleMembersTable {
  id: string;
  org_id: string;
  role_id: string;
  user_id: string;
  created_at: number;
}

export interface CapabilitiesTable {
  id: string;
  org_id: string;
  team_id: string;
  name: string;
  description: string;
  capacity_value: number | null;
  capacity_unit: string;
  /** 'week': the capacity is a whole number per week, compared with the demand of the promises needing it; null: not a rate. */
  capacity_per: 'week' | null;
  evidence: string;
  created_at: number;
  updated_at: number;
}

export interface DecisionRightsTable {
  id: string;
  org_id: string;
  name: string;
  description: string;
  created_at: number;
  updated_at: number;
}

export interface GrantsTable {
  id: string;
  org_id: string;
  right_id: string;
  holder_type: 'team' | 'role';
  holder_id: string;
  parent_id: string | null;
  /** `organization` (an admin), `council`, or `delegation` (a holder sub-delegating its grant). */
  granted_by: 'organization' | 'council' | 'delegation';
  /** Minor units per decision; null: no cap. */
  spending_cap: number | null;
  scope: string | null;
  created_at: number;
  updated_at: number;
  revoked_at: number | null;
}

export interface GrantEventsTable {
  id: string;
  org_id: string;
  grant_id: string;
  kind: 'granted' | 'narrowed' | 'revoked';
  actor_type: 'user' | 'token' | 'client' | 'system';
  actor_id: string | null;
  actor_label: string;
  reason: string;
  spending_cap: number | null;
  scope: string | null;
  at: number;
}

export interface AgreementsTable {
  id: string;
  org_id: string;
  /** The owner's team (the team itself, or the team of the owning role): lists by team use it. */
  team_id: string;
  owner_type: 'team' | 'role';
  owner_id: string;
  title: string;
  driver: string;
  body: string;
  criteria: string;
  /** Calendar day `YYYY-MM-DD` in the organization's time zone. */
  review_date: string;
  status: 'active' | 'under_review' | 'retired';
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface DecisionsTable {
  id: string;
  org_id: string;
  team_id: string;
  right_id: string;
  title: string;
  context: string;
  /** JSON array of `{title, description}`; fixed once advice is asked. */
  options: string;
  /** Minor units the decision commits, checked against the decider's cap; null: no money. */
  amount: number | null;
  /** Last day advice is waited for, `YYYY-MM-DD` in the organization's zone. */
  advice_deadline: string | null;
  review_date: string | null;
  /** Index into `options`. */
  chosen_option: number | null;
  rationale: string;
  /** Why the decision went against the client poll's majority; published with the result. */
  client_rationale: string | null;
  /** JSON array of the client segment ids the decision touches: each must be asked before it is taken. */
  touches_segment_ids: string;
  /** JSON array of the client segment ids whose clients are asked for advice through the portal. */
  advice_segment_ids: string;
  /** Why touched segments were not asked, given by the decider; published on the portal beside the decision. */
  clients_not_asked_reason: string | null;
  decided_at: number | null;
  decided_by: string | null;
  decided_by_label: string | null;
  retired_at: number | null;
  /** Label of whoever opened the record. */
  created_by: string;
  created_by_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface AdviceRequestsTable {
  id: string;
  org_id: string;
  decision_id: string;
  adviser_type: 'user' | 'team';
  adviser_id: string;
  requested_at: number;
  answered_at: number | null;
  answered_by: string | null;
  answered_by_label: string | null;
  advice: string;
  preferred_option: number | null;
}

/** A client's advice on a decision, given through the portal; one per client, changeable until it is taken. */
export interface DecisionClientAdviceTable {
  id: string;
  org_id: string;
  decision_id: string;
  client_id: string;
  advice: string;
  /** Index into the decision's options, or null. */
  preferred_option: number | null;
  created_at: number;
  updated_at: number;
}

/** One client e-mailed that a decision asks their advice (at most once per client and decision). */
export interface DecisionAdviceMailsTable {
  id: string;
  org_id: string;
  decision_id: string;
  client_id: string;
  mailed_at: number;
}

export interface ReviewsTable {
  id: string;
  org_id: string;
  subject_type: 'agreement' | 'decision';
  subject_id: string;
  outcome: 'keep' | 'amend' | 'retire';
  note: string;
  reviewed_date: string;
  next_review_date: string | null;
  actor_type: 'user' | 'token' | 'client' | 'system';
  actor_id: string | null;
  actor_label: string;
  created_at: number;
}

/** An admin or the council acting over a team that holds delegated authority, with the reason (issue 17). */
export interface OverridesTable {
  id: string;
  org_id: string;
  team_id: string;
  /** What was done: `decision_taken`, `role_created`, `team_member_added`… (OVERRIDE_ACTIONS) */
  action: string;
  subject_type: string;
  subject_id: string;
  reason: string;
  actor_type: 'user' | 'token' | 'client' | 'system';
  actor_id: string | null;
  actor_label: string;
  created_at: number;
}

export interface NotificationsTable {
  id: string;
  org_id: string;
  user_id: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  /** JSON object of values the message shows (names, dates, amounts). */
  params: string;
  dedupe_key: string | null;
  created_at: number;
  read_at: number | null;
}
