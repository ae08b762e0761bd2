/** Tables of promises (M4): terms, events, counters, redress, requests, evaluations and webhooks. */

export interface PromisesTable {
  id: string;
  org_id: string;
  kind: 'client' | 'internal';
  title: string;
  /** Null: an intention to a segment with no team yet (steps 4 before 5); it cannot be published. */
  promiser_team_id: string | null;
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
  /** An admin's recorded waiver of the backing a client promise needs (who, when, why); null when none. */
  backing_waiver_reason: string | null;
  backing_waived_by: string | null;
  backing_waived_at: number | null;
  /** JSON `[{action, reason, by, at}]`: acts for the promiser team by someone not in it. Optional: older writers; '[]' by default. */
  overrides?: string;
  /** Demand per week forecast at drafting, used until four weeks of events exist; null when none. Optional: older rows, other writers. */
  demand_forecast_per_week?: number | null;
  /** JSON `{since, capabilities}` set by the evaluator while the promise's capabilities are asked for more than their weekly capacity. */
  over_capacity?: string | null;
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
  promiser_team_id: string | null;
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
  /** Set when the event was voided (a correction): it then counts for nothing. */
  voided_at: number | null;
  void_reason: string | null;
  /** Who voided it, by name. */
  voided_by: string | null;
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
  /** When the promise's figures first changed since its last evaluation (UTC ms); null when none since. */
  changed_at: number | null;
  /** How many times the promise has been evaluated: the claim is conditional on it; keys of what one evaluation sends. */
  evaluation_seq: number;
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
  /** The secret a rotation replaced: it still signs deliveries, beside `secret`, until `previous_secret_expires_at`. */
  previous_secret: string | null;
  previous_secret_expires_at: number | null;
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

/** The column mapping last used to import events into a promise (the import screen and the CLI preselect it). */
export interface EventImportMappingsTable {
  org_id: string;
  promise_id: string;
  /** JSON: API field → the file's column header, e.g. `{"externalId":"Номер заявки","occurredAt":"Дата"}`. */
  mapping: string;
  time_zone: string;
  date_format: string;
  updated_at: number;
}
