/**
 * The database as Kysely sees it. Times are UTC epoch milliseconds; JSON is stored as text so the
 * same queries run on SQLite and PostgreSQL; booleans do not appear (timestamps say when a thing
 * happened, e.g. `revoked_at`).
 */
import type { Kysely, Transaction } from 'kysely';

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  kind: 'business' | 'government';
  locale: 'ru' | 'en';
  currency: string;
  time_zone: string;
  created_at: number;
  updated_at: number;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string | null;
  created_at: number;
  updated_at: number;
}

export interface MembershipsTable {
  id: string;
  org_id: string;
  user_id: string;
  role: 'admin' | 'council' | 'member' | 'viewer';
  created_at: number;
  updated_at: number;
}

export interface TeamsTable {
  id: string;
  org_id: string;
  name: string;
  kind: 'autonomous' | 'council';
  purpose: string;
  created_at: number;
  updated_at: number;
}

export interface TeamMembersTable {
  id: string;
  org_id: string;
  team_id: string;
  user_id: string;
  created_at: number;
}

export interface ClientsTable {
  id: string;
  org_id: string;
  name: string;
  email: string | null;
  external_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface ClientInvitationsTable {
  id: string;
  org_id: string;
  client_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
}

export interface ClientSessionsTable {
  id_hash: string;
  org_id: string;
  client_id: string;
  created_at: number;
  expires_at: number;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  scopes: string;
  created_by: string | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface AuditLogTable {
  id: string;
  org_id: string;
  at: number;
  actor_type: 'user' | 'token' | 'client' | 'system';
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

export interface SegmentsTable {
  id: string;
  org_id: string;
  name: string;
  description: string;
  size_estimate: number | null;
  kind: 'customer' | 'citizen' | 'partner';
  created_at: number;
  updated_at: number;
}

export interface NeedsTable {
  id: string;
  org_id: string;
  segment_id: string;
  job_kind: 'functional' | 'social' | 'emotional';
  text: string;
  importance: number;
  created_at: number;
  updated_at: number;
}

export interface PainsTable {
  id: string;
  org_id: string;
  segment_id: string;
  text: string;
  severity: number;
  frequency: number;
  context_where: string;
  context_when: string;
  context_who: string;
  context_channel: string;
  status: 'open' | 'answered' | 'retired';
  created_at: number;
  updated_at: number;
}

export interface GainsTable {
  id: string;
  org_id: string;
  segment_id: string;
  text: string;
  relevance: number;
  created_at: number;
  updated_at: number;
}

export interface EvidenceTable {
  id: string;
  org_id: string;
  subject_type: 'need' | 'pain' | 'gain';
  subject_id: string;
  kind: 'interview' | 'observation' | 'feedback' | 'metric' | 'document';
  text: string;
  source: string;
  /** Calendar date YYYY-MM-DD, as the observer wrote it (no time zone). */
  observed_on: string;
  created_at: number;
  updated_at: number;
}

export interface ValueItemsTable {
  id: string;
  org_id: string;
  segment_id: string;
  kind: 'product' | 'reliever' | 'creator';
  name: string;
  description: string;
  created_at: number;
  updated_at: number;
}

export interface ValueLinksTable {
  id: string;
  org_id: string;
  item_id: string;
  target_type: 'pain' | 'gain';
  target_id: string;
  created_at: number;
}

export interface CanvasesTable {
  id: string;
  org_id: string;
  segment_id: string;
  name: string;
  current_label: string;
  target_label: string;
  created_at: number;
  updated_at: number;
}

export interface CanvasFactorsTable {
  id: string;
  org_id: string;
  canvas_id: string;
  position: number;
  name: string;
  current_level: number;
  target_level: number;
  /** A promise whose attainment × 10 is the factor's measured current level; null: set by hand. */
  promise_id: string | null;
  created_at: number;
}

export interface CanvasCompetitorsTable {
  id: string;
  org_id: string;
  canvas_id: string;
  position: number;
  name: string;
  created_at: number;
}

export interface CanvasLevelsTable {
  org_id: string;
  canvas_id: string;
  factor_id: string;
  competitor_id: string;
  level: number;
}

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

export interface PromisesTable {
  id: string;
  org_id: string;
  kind: 'client' | 'internal';
  title: string;
  promiser_team_id: string;
  promisee_segment_id: string | null;
  promisee_team_id: string | null;
  supports_promise_id: string | null;
  /** JSON arrays of ids. */
  pain_ids: string;
  required_capability_ids: string;
  required_right_ids: string;
  status: 'draft' | 'published' | 'retired';
  current_version: number;
  /** The finest counter level, sized to the window when the promise was made. */
  fine_bucket_ms: number;
  /** JSON `{capabilities, rights, since}` when a published promise lost its backing; null when backed. */
  unbacked: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  published_at: number | null;
  retired_at: number | null;
}

export interface PromiseVersionsTable {
  id: string;
  org_id: string;
  promise_id: string;
  version: number;
  statement: string;
  /** JSON: `{kind: 'ratio'}` or `{kind: 'threshold', op, threshold, unit}`. */
  metric: string;
  target: number;
  /** JSON: `{kind: 'rolling', days}` or `{kind: 'calendar', period}`. */
  time_window: string;
  promiser_team_id: string;
  /** JSON `{kind, amount, text}` or null. */
  redress: string | null;
  reason: string;
  /** Events that happened from here on are judged by this version. */
  effective_from: number;
  created_by: string;
  created_at: number;
}

export interface PromiseEventsTable {
  promise_id: string;
  external_id: string;
  org_id: string;
  occurred_at: number;
  good: number;
  value: number | null;
  client_id: string | null;
  version: number;
  ingested_at: number;
}

export interface PromiseCountersTable {
  promise_id: string;
  /** Bucket length in ms. */
  level: number;
  bucket_start: number;
  org_id: string;
  good: number;
  total: number;
}

export interface RedressItemsTable {
  id: string;
  org_id: string;
  promise_id: string;
  version: number;
  client_id: string;
  event_external_id: string;
  kind: 'apology' | 'correction' | 'compensation';
  amount: number | null;
  text: string;
  owed_at: number;
  given_at: number | null;
  given_by: string | null;
  note: string;
}

export interface PromiseRequestsTable {
  id: string;
  org_id: string;
  from_team_id: string;
  to_team_id: string;
  title: string;
  statement: string;
  supports_promise_id: string | null;
  status: 'open' | 'accepted' | 'declined';
  answer: string;
  promise_id: string | null;
  created_by: string;
  created_at: number;
  answered_at: number | null;
}

export interface PromiseEvaluationsTable {
  promise_id: string;
  org_id: string;
  /** Null until the first evaluation (the baseline). */
  status: 'kept' | 'at_risk' | 'broken' | 'no_data' | null;
  /** JSON list of the alert rows firing `{severity, longWindow, shortWindow, threshold}`. */
  firing: string;
  attainment: number | null;
  version: number | null;
  /** The evaluator's claim: start (UTC ms) of the last minute evaluated; 0 before the first. */
  evaluated_minute: number;
  evaluated_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
}

export interface PromiseStatusHistoryTable {
  id: string;
  org_id: string;
  promise_id: string;
  at: number;
  kind: 'status_changed' | 'alert_fired' | 'alert_resolved';
  from_status: string | null;
  to_status: string | null;
  /** JSON alert row, for alert_fired / alert_resolved. */
  alert: string | null;
  /** JSON: attainment, budget, version… at the time. */
  details: string;
}

export interface WebhookEndpointsTable {
  id: string;
  org_id: string;
  url: string;
  description: string;
  /** Signs every delivery, so it is kept as given; the API shows it once, at creation. */
  secret: string;
  /** JSON list of event types. */
  event_types: string;
  disabled_at: number | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface WebhookDeliveriesTable {
  id: string;
  org_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  /** The exact JSON body sent on every attempt. */
  payload: string;
  attempt_count: number;
  /** Null once delivered or given up; while an attempt is in flight, the end of its lease. */
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  /** JSON list of `{at, statusCode, error, durationMs}`. */
  attempts: string;
  delivered_at: number | null;
  failed_at: number | null;
  created_at: number;
}

export interface DB {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  clients: ClientsTable;
  client_invitations: ClientInvitationsTable;
  client_sessions: ClientSessionsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitsTable;
  segments: SegmentsTable;
  needs: NeedsTable;
  pains: PainsTable;
  gains: GainsTable;
  evidence: EvidenceTable;
  value_items: ValueItemsTable;
  value_links: ValueLinksTable;
  canvases: CanvasesTable;
  canvas_factors: CanvasFactorsTable;
  canvas_competitors: CanvasCompetitorsTable;
  canvas_levels: CanvasLevelsTable;
  roles: RolesTable;
  role_members: RoleMembersTable;
  capabilities: CapabilitiesTable;
  decision_rights: DecisionRightsTable;
  grants: GrantsTable;
  grant_events: GrantEventsTable;
  agreements: AgreementsTable;
  decisions: DecisionsTable;
  advice_requests: AdviceRequestsTable;
  reviews: ReviewsTable;
  notifications: NotificationsTable;
  promises: PromisesTable;
  promise_versions: PromiseVersionsTable;
  promise_events: PromiseEventsTable;
  promise_counters: PromiseCountersTable;
  redress_items: RedressItemsTable;
  promise_requests: PromiseRequestsTable;
  promise_evaluations: PromiseEvaluationsTable;
  promise_status_history: PromiseStatusHistoryTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

export type Db = Kysely<DB>;
export type Tx = Transaction<DB> | Kysely<DB>;
export type Dialect = 'sqlite' | 'postgres';
