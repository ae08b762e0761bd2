import { VOICE_KEYS } from './transfer.voice.schema.js';

/**
 * Which tables an export carries, and why each other table stays behind. Every table of the
 * migrated database is one or the other: `test/transfer-tables.test.ts` reads the tables from the
 * database itself and fails on a table in neither list, so a table added by a new migration is
 * exported (a section of the file, its columns in the section's schema) or excluded here with its
 * reason — never left out silently.
 */

/** File keys and tables of discovery, governance, promises and economics, in the order rows must be inserted. */
export const DISCOVERY_KEYS = [
  ['segments', 'segments'],
  ['needs', 'needs'],
  ['pains', 'pains'],
  ['gains', 'gains'],
  ['evidence', 'evidence'],
  ['valueItems', 'value_items'],
  ['valueLinks', 'value_links'],
  ['canvases', 'canvases'],
  ['canvasFactors', 'canvas_factors'],
  ['canvasCompetitors', 'canvas_competitors'],
  ['canvasLevels', 'canvas_levels'],
  ['roles', 'roles'],
  ['roleMembers', 'role_members'],
  ['capabilities', 'capabilities'],
  ['decisionRights', 'decision_rights'],
  ['grants', 'grants'],
  ['grantEvents', 'grant_events'],
  ['agreements', 'agreements'],
  ['decisions', 'decisions'],
  ['adviceRequests', 'advice_requests'],
  ['reviews', 'reviews'],
  ['promises', 'promises'],
  ['promiseVersions', 'promise_versions'],
  ['promiseEvents', 'promise_events'],
  ['redressItems', 'redress_items'],
  // After teams and promises: a request names both teams, the promise it supports and the one made of it.
  ['promiseRequests', 'promise_requests'],
  ['economicsSettings', 'economics_settings'],
  ['economicPeriods', 'economic_periods'],
  ['ledgerLines', 'ledger_lines'],
  ['periodMembers', 'period_members'],
  ['internalTrades', 'internal_trades'],
  ['splitRules', 'split_rules'],
  ['peerPoints', 'peer_points'],
  ['reserveAllocations', 'reserve_allocations'],
] as const;

/** The table of every key of the export file that holds rows (`organization` holds one). */
export const SECTION_TABLES: Readonly<Record<string, string>> = {
  organization: 'organizations',
  users: 'users',
  memberships: 'memberships',
  teams: 'teams',
  teamMembers: 'team_members',
  clients: 'clients',
  clientInvitations: 'client_invitations',
  apiTokens: 'api_tokens',
  ...Object.fromEntries(DISCOVERY_KEYS),
  ...Object.fromEntries(VOICE_KEYS),
  audit: 'audit_log',
};

/**
 * Tables an export leaves out, each with the reason. An export is one organization's record; a
 * backup (`clientocracy backup`) holds all of these too. Adding a table here is a decision: say why
 * the organization moved elsewhere is whole without it.
 */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  // Kysely's own bookkeeping of which migrations ran: the target database has its own.
  kysely_migration: "the migrator's record of this database",
  kysely_migration_lock: "the migrator's lock",
  // Sign-ins belong to a person and a server, not to the organization's record; after an import
  // everyone signs in again.
  sessions: "each person's sign-in to this server",
  client_sessions: "each client's sign-in to this server's portal",
  password_resets: 'one-time password reset links, secrets meant for one reader',
  login_throttle: "this server's count of failed sign-ins",
  login_epochs: "each person's trusted-device epoch on this server",
  login_known_addresses: 'the addresses each person signed in from to this server',
  rate_limits: "this server's request counters",
  // One-time sign-in and confirmation links and delivery state of this server (README, "The CLI").
  outbox: "one-time links meant for one reader, and this server's delivery state",
  // Each person's inbox, not the organization's record (README, "The CLI").
  notifications: "each person's inbox",
  // Derived: rebuilt from promise_events on import (rebuildCounters).
  promise_counters: 'derived from promise events, rebuilt on import',
  // The event import screen's memory of the last column mapping per promise: chosen again in a click.
  event_import_mappings: 'a convenience of the event import screen (the last column mapping per promise)',
  // Where each person last worked: a convenience of the sign-in, about people, not the organization.
  org_visits: 'when each person last opened the organization in the staff app',
  // The evaluator's state and history on this server: it starts over from the imported events on
  // the target (README, "The CLI": a backup holds them).
  promise_evaluations: "the evaluator's latest result and its job claim on this server",
  promise_status_history: "the evaluator's history on this server",
  // Signing secrets, never written to an export (README, "The CLI"), and the deliveries owed to them.
  webhook_endpoints: 'signing secrets',
  webhook_deliveries: "this server's deliveries to the endpoints left behind",
};
