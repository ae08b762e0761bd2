import type { Role } from '../../core/access/permissions.js';
import type { Db, Tx } from '../../db/schema.js';

/**
 * The lookups and few direct writes of the demo's seeders: the demo data names things as a person
 * would (a team's name, a client's e-mail), and the seeders find their ids here. Everything else a
 * seeder does goes through the modules' own services, so the audit log tells how the demo was made.
 */

/** Tables of the organization that the demo finds rows of. */
export type DemoTable =
  | 'segments'
  | 'pains'
  | 'teams'
  | 'roles'
  | 'capabilities'
  | 'decision_rights'
  | 'agreements'
  | 'promises'
  | 'clients'
  | 'canvases'
  | 'economic_periods'
  | 'voice_settings'
  | 'feedback'
  | 'proposals'
  | 'polls'
  | 'pb_rounds'
  | 'client_segments';

/** True when the organization has any row in the table: a seeder that finds its rows seeded does nothing. */
export async function hasDemoRows(db: Db | Tx, orgId: string, table: DemoTable): Promise<boolean> {
  const row = await db
    .selectFrom(table as 'teams')
    .select('org_id')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Ids by a text column (the name, a pain's text, a promise's title), for rows the demo data names. */
export async function idsByColumn(
  db: Db | Tx,
  orgId: string,
  table: 'teams' | 'segments' | 'decision_rights' | 'clients' | 'pains' | 'promises' | 'capabilities',
  column: 'name' | 'text' | 'title' | 'email' = 'name',
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom(table as 'teams')
    .select(['id', `${column} as key` as 'name as key'])
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return new Map(rows.map((row) => [row.key as string, row.id]));
}

/** Roles and capabilities are a team's own: several teams may have one by the same name; keyed `teamId/name`. */
export async function teamOwnedIds(db: Db | Tx, orgId: string, table: 'roles' | 'capabilities'): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom(table as 'roles')
    .select(['id', 'name', 'team_id'])
    .where('org_id', '=', orgId)
    .execute();
  return new Map(rows.map((row) => [`${row.team_id}/${row.name}`, row.id]));
}

/** The organization's ids of a table, oldest first. */
export async function idsOf(db: Db | Tx, orgId: string, table: 'clients' | 'canvases'): Promise<string[]> {
  const rows = await db
    .selectFrom(table as 'clients')
    .select('id')
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** The organization's clients, oldest first. */
export async function demoClients(db: Db | Tx, orgId: string): Promise<{ id: string; name: string; email: string | null }[]> {
  return db.selectFrom('clients').select(['id', 'name', 'email']).where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute();
}

/** The organization's staff by e-mail: account id and role. */
export async function staffByEmail(db: Db | Tx, orgId: string): Promise<Map<string, { id: string; role: Role }>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'memberships.role'])
    .where('memberships.org_id', '=', orgId)
    .execute();
  return new Map(rows.map((row) => [row.email, { id: row.id, role: row.role as Role }]));
}

/** Puts clients in a segment (as a client does when signing up); a client already in it stays. */
export async function addClientsToSegment(
  tx: Db | Tx,
  orgId: string,
  clientIds: readonly string[],
  segmentId: string,
  now: number,
): Promise<void> {
  if (clientIds.length === 0) return;
  await tx
    .insertInto('client_segments')
    .values(clientIds.map((clientId) => ({ org_id: orgId, client_id: clientId, segment_id: segmentId, created_at: now })))
    .onConflict((oc) => oc.columns(['client_id', 'segment_id']).doNothing())
    .execute();
}

/** Which clients are in which segments. */
export async function clientSegmentsOf(db: Db | Tx, orgId: string): Promise<{ client_id: string; segment_id: string }[]> {
  return db.selectFrom('client_segments').select(['client_id', 'segment_id']).where('org_id', '=', orgId).execute();
}

/** The clients of the organization whose e-mails are given. */
export async function clientIdsByEmails(db: Db | Tx, orgId: string, emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  return (await db.selectFrom('clients').select('id').where('org_id', '=', orgId).where('email', 'in', emails).execute()).map((c) => c.id);
}

/** The id of the organization's oldest published client promise, if any. */
export async function firstPublishedClientPromise(db: Db | Tx, orgId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('promises')
    .select('id')
    .where('org_id', '=', orgId)
    .where('kind', '=', 'client')
    .where('status', '=', 'published')
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id;
}

/** A person's unread notifications of these kinds. */
export async function unreadNotificationIds(db: Db | Tx, orgId: string, userId: string, kinds: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('kind', 'in', [...kinds])
    .where('read_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}
