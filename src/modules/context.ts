import type { Role } from '../core/access/permissions.js';
import type { Db, OrganizationsTable } from '../db/schema.js';

/** Who is acting: recorded in the audit log with every write. */
export interface Actor {
  type: 'user' | 'token' | 'client' | 'system';
  id: string | null;
  /** Human-readable: a user's e-mail, a token's name, "cli". */
  label: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, label: 'system' };

/** Everything a service needs to act inside one organization. */
export interface OrgContext {
  db: Db;
  org: OrganizationsTable;
  actor: Actor;
  /** The acting user's role in the organization, when the actor is a user. */
  role?: Role;
  /** Epoch milliseconds of the request; services pass it to the core instead of reading the clock. */
  now: number;
}
