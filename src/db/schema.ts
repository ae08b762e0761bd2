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
}

export type Db = Kysely<DB>;
export type Tx = Transaction<DB> | Kysely<DB>;
export type Dialect = 'sqlite' | 'postgres';
