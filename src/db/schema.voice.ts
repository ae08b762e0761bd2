/** Tables of client voice (M7): feedback, proposals, polls, participatory reserve, e-mail outbox. */

export interface ClientSegmentsTable {
  org_id: string;
  client_id: string;
  segment_id: string;
  created_at: number;
}

export interface OutboxTable {
  id: string;
  /** Null for messages not about one organization. */
  org_id: string | null;
  to_email: string;
  subject: string;
  body: string;
  /** What the message is about, e.g. `client.confirm`, `proposal.answered`. */
  topic: string;
  /** `pending` until sent (stays so while no SMTP is configured: read it in the app or with the CLI). */
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface VoiceSettingsTable {
  org_id: string;
  allow_registration: number;
  require_confirmed_email: number;
  threshold_kind: 'count' | 'share';
  /** Supports (count) or basis points of the segment's clients (share). */
  threshold_value: number;
  response_days: number;
  answer_team_id: string | null;
  answer_promise_id: string | null;
  /** When the answering team accepted the answer promise (null: proposed by an admin, not yet owned). */
  answer_team_accepted_at?: number | null;
  answer_team_accepted_by?: string | null;
  hide_after_reports: number;
  /** JSON array of decision right ids under which a counting client poll binds the decider. */
  binding_poll_right_ids: string;
  updated_at: number;
  updated_by: string | null;
}

export type FeedbackKind = 'nps' | 'csat' | 'ces';
export type FeedbackSubjectType = 'promise' | 'team' | 'touchpoint';

export interface SurveysTable {
  id: string;
  org_id: string;
  kind: FeedbackKind;
  question: string;
  subject_type: FeedbackSubjectType | null;
  subject_id: string | null;
  touchpoint: string | null;
  public_key: string;
  active: number;
  created_at: number;
  created_by: string | null;
}

export interface FeedbackTable {
  id: string;
  org_id: string;
  survey_id: string | null;
  kind: FeedbackKind;
  score: number | null;
  comment: string;
  subject_type: FeedbackSubjectType | null;
  subject_id: string | null;
  touchpoint: string | null;
  client_id: string | null;
  source: 'link' | 'portal' | 'api';
  answered_at: number;
  pain_id: string | null;
  triaged_by: string | null;
  triaged_at: number | null;
  reply: string | null;
  replied_by: string | null;
  replied_at: number | null;
  reports: number;
  hidden_at: number | null;
  created_at: number;
}

export type ProposalStatus = 'open' | 'under_consideration' | 'accepted' | 'declined' | 'implemented' | 'merged';

export interface ProposalsTable {
  id: string;
  org_id: string;
  title: string;
  body: string;
  segment_id: string | null;
  author_client_id: string | null;
  author_user_id: string | null;
  author_label: string;
  status: ProposalStatus;
  supports: number;
  /** Supports of the last 7 days, and the time of the oldest of them (null with none). */
  recent_supports: number;
  recent_oldest_at: number | null;
  threshold: number;
  threshold_reached_at: number | null;
  answer_due_at: number | null;
  answer: string | null;
  answered_at: number | null;
  answered_by: string | null;
  implemented_type: 'promise' | 'experiment' | 'decision' | null;
  implemented_id: string | null;
  merged_into_id: string | null;
  reports: number;
  hidden_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface ProposalSupportsTable {
  proposal_id: string;
  client_id: string;
  org_id: string;
  created_at: number;
}

export interface ContentReportsTable {
  id: string;
  org_id: string;
  subject_type: 'proposal' | 'feedback';
  subject_id: string;
  reporter: string;
  reason: string;
  created_at: number;
  resolved_at: number | null;
  resolution: 'kept' | 'removed' | null;
  resolved_by: string | null;
}

export type PollKind = 'single' | 'approval' | 'score' | 'ranked';

export interface PollsTable {
  id: string;
  org_id: string;
  decision_id: string;
  kind: PollKind;
  question: string;
  segment_ids: string;
  opens_at: number;
  closes_at: number;
  quorum: number | null;
  hide_results: number;
  created_at: number;
  created_by: string | null;
}

export interface PollBallotsTable {
  poll_id: string;
  client_id: string;
  org_id: string;
  ballot: string;
  created_at: number;
  updated_at: number;
}

export interface PbRoundsTable {
  id: string;
  org_id: string;
  title: string;
  description: string;
  budget_minor: number;
  method: 'greedy' | 'mes';
  segment_ids: string;
  opens_at: number;
  closes_at: number;
  status: 'draft' | 'open' | 'allocated';
  result: string | null;
  allocated_at: number | null;
  allocated_by: string | null;
  created_at: number;
  created_by: string | null;
}

export interface PbProjectsTable {
  id: string;
  org_id: string;
  round_id: string;
  title: string;
  description: string;
  cost_minor: number;
  kind: 'project' | 'experiment';
  team_id: string | null;
  status: 'candidate' | 'funded' | 'not_funded' | 'in_progress' | 'done';
  allocation_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface PbBallotsTable {
  round_id: string;
  client_id: string;
  org_id: string;
  project_ids: string;
  created_at: number;
  updated_at: number;
}
