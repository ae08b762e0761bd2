/**
 * The database as Kysely sees it. Times are UTC epoch milliseconds; JSON is stored as text so the
 * same queries run on SQLite and PostgreSQL; booleans do not appear (timestamps say when a thing
 * happened, e.g. `revoked_at`).
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  EconomicPeriodsTable,
  EconomicsSettingsTable,
  InternalTradesTable,
  LedgerLinesTable,
  PeerPointsTable,
  PeriodMembersTable,
  ReserveAllocationsTable,
  ReserveRequestsTable,
  SplitRulesTable,
  TeamBudgetsTable,
  TeamTimeReservesTable,
} from './schema.economics.js';
import type {
  AdviceRequestsTable,
  AgreementsTable,
  CapabilitiesTable,
  DecisionAdviceMailsTable,
  DecisionClientAdviceTable,
  DecisionRightsTable,
  DecisionsTable,
  GrantEventsTable,
  GrantsTable,
  NotificationsTable,
  OverridesTable,
  ReviewsTable,
  RoleMembersTable,
  RolesTable,
} from './schema.governance.js';
import type {
  EventImportMappingsTable,
  PromiseCountersTable,
  PromiseEvaluationsTable,
  PromiseEventsTable,
  PromiseRequestsTable,
  PromiseStatusHistoryTable,
  PromisesTable,
  PromiseVersionsTable,
  RedressItemsTable,
  WebhookDeliveriesTable,
  WebhookEndpointsTable,
} from './schema.promises.js';
import type {
  ClientSegmentsTable,
  ContentReportsTable,
  FeedbackTable,
  OutboxTable,
  PbBallotsTable,
  PbProjectsTable,
  PbRoundsTable,
  PollBallotsTable,
  PollsTable,
  ProposalSupportsTable,
  ProposalsTable,
  SurveysTable,
  VoiceSettingsTable,
} from './schema.voice.js';

export type * from './schema.economics.js';
export type * from './schema.governance.js';
export type * from './schema.promises.js';
export type * from './schema.voice.js';

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

/** When a person last opened an organization in the staff app: where they land after sign-in. */
export interface OrgVisitsTable {
  org_id: string;
  user_id: string;
  used_at: number;
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
  email_confirmed_at: number | null;
  /** `staff` (added by the organization) or `self` (registered in the portal). */
  origin: 'staff' | 'self';
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
  /** `invite` (made by staff), `confirm` (self-registration), `sign_in` (a link asked for by e-mail). */
  purpose: 'invite' | 'confirm' | 'sign_in';
  /** The address the link was e-mailed to; redeeming it confirms that address. */
  sent_to: string | null;
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
  /** Public id: what the sessions list shows and "sign out this session" takes; never the lookup hash. */
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  /** Last request made with the session (written at most once a minute): the idle timeout counts from it. */
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface PasswordResetsTable {
  id: string;
  user_id: string;
  /** SHA-256 of the link's secret. */
  token_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  requested_ip: string | null;
}

/** Progressive sign-in backoff per key: `pair:<email>:<ip>`, `account:<email>`, `device:<nonce>`. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: number;
  blocked_until: number;
}

/** An account's device epoch (no row: 0): raised by a password change, a reset, "sign out everywhere else". */
export interface LoginEpochsTable {
  user_id: string;
  epoch: number;
  changed_at: number;
}

/** An address the account signed in from successfully, in `epoch`; usual for 30 days after `last_success_at`. */
export interface LoginKnownAddressesTable {
  user_id: string;
  ip: string;
  epoch: number;
  last_success_at: number;
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

/** The context of step 2 for one segment: situation, regulations, market, channels (one row per segment). */
export interface SegmentContextsTable {
  id: string;
  org_id: string;
  segment_id: string;
  situation: string;
  regulations: string;
  market: string;
  channels: string;
  /** 1 on the first write, one more on each change (the audit log keeps each version's text). */
  version: number;
  /** Who wrote the current version: a person's name, or a token's or the system's label. */
  updated_by: string;
  created_at: number;
  updated_at: number;
}

export interface EvidenceTable {
  id: string;
  org_id: string;
  /** `context`: the segment's context record, `subject_id` being the segment's id. */
  subject_type: 'need' | 'pain' | 'gain' | 'context';
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

export interface DB {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  org_visits: OrgVisitsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  clients: ClientsTable;
  client_invitations: ClientInvitationsTable;
  client_sessions: ClientSessionsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitsTable;
  password_resets: PasswordResetsTable;
  login_throttle: LoginThrottleTable;
  login_epochs: LoginEpochsTable;
  login_known_addresses: LoginKnownAddressesTable;
  segments: SegmentsTable;
  needs: NeedsTable;
  pains: PainsTable;
  gains: GainsTable;
  evidence: EvidenceTable;
  segment_contexts: SegmentContextsTable;
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
  decision_client_advice: DecisionClientAdviceTable;
  decision_advice_mails: DecisionAdviceMailsTable;
  reviews: ReviewsTable;
  overrides: OverridesTable;
  notifications: NotificationsTable;
  promises: PromisesTable;
  promise_versions: PromiseVersionsTable;
  promise_events: PromiseEventsTable;
  event_import_mappings: EventImportMappingsTable;
  promise_counters: PromiseCountersTable;
  redress_items: RedressItemsTable;
  promise_requests: PromiseRequestsTable;
  promise_evaluations: PromiseEvaluationsTable;
  promise_status_history: PromiseStatusHistoryTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  economics_settings: EconomicsSettingsTable;
  economic_periods: EconomicPeriodsTable;
  ledger_lines: LedgerLinesTable;
  period_members: PeriodMembersTable;
  internal_trades: InternalTradesTable;
  split_rules: SplitRulesTable;
  peer_points: PeerPointsTable;
  reserve_allocations: ReserveAllocationsTable;
  reserve_requests: ReserveRequestsTable;
  team_time_reserves: TeamTimeReservesTable;
  team_budgets: TeamBudgetsTable;
  client_segments: ClientSegmentsTable;
  outbox: OutboxTable;
  voice_settings: VoiceSettingsTable;
  surveys: SurveysTable;
  feedback: FeedbackTable;
  proposals: ProposalsTable;
  proposal_supports: ProposalSupportsTable;
  content_reports: ContentReportsTable;
  polls: PollsTable;
  poll_ballots: PollBallotsTable;
  pb_rounds: PbRoundsTable;
  pb_projects: PbProjectsTable;
  pb_ballots: PbBallotsTable;
}

export type Db = Kysely<DB>;
export type Tx = Transaction<DB> | Kysely<DB>;
export type Dialect = 'sqlite' | 'postgres';
