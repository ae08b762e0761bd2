/**
 * Fixture organizations built through the services the API uses (never hand-written SQL), so the
 * rows, hashes and audit entries are exactly what the product makes.
 */
import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../src/core/access/permissions.js';
import { newId } from '../src/core/ids.js';
import type { Db } from '../src/db/schema.js';
import { hashPassword } from '../src/modules/auth/password.js';
import { insertUser } from '../src/modules/auth/user.repository.js';
import { createClient, inviteClient } from '../src/modules/clients/client.service.js';
import type { Actor, OrgContext } from '../src/modules/context.js';
import { addMembership } from '../src/modules/memberships/membership.service.js';
import { findOrgBySlug } from '../src/modules/orgs/org.repository.js';
import { createOrganization } from '../src/modules/orgs/org.service.js';
import { addTeamMember, createTeam } from '../src/modules/teams/team.service.js';
import { createToken } from '../src/modules/tokens/token.service.js';

export const PASSWORD = 'correct-horse-battery-staple';
let passwordHash: Promise<string> | undefined;

export interface PersonFixture {
  id: string;
  email: string;
  name: string;
  password: string;
  membershipId: string;
}

export interface OrgFixture {
  id: string;
  slug: string;
  name: string;
  users: Record<Role, PersonFixture>;
  /** A team whose one member is the `member` person. */
  team: { id: string; name: string };
  /** Another team, whose one member is the `council` person (for what passes between teams). */
  otherTeam: { id: string; name: string };
  client: { id: string; name: string; email: string; externalId: string };
  /** A pending invitation of the client: its id and the secret of its link. */
  invitation: { id: string; token: string };
  /** An API token with scope `all`. */
  token: { id: string; name: string; secret: string; prefix: string };
}

export interface TwoOrgs {
  a: OrgFixture;
  b: OrgFixture;
}

/** A short random suffix that keeps names unique even in a database other tests also use. */
export function unique(): string {
  return randomBytes(4).toString('hex');
}

/** A context acting as `actor` inside an organization, as a route would build it. */
export async function orgContext(db: Db, slug: string, actor: Actor, now = Date.now()): Promise<OrgContext> {
  const org = await findOrgBySlug(db, slug);
  if (!org) throw new Error(`no organization ${slug}`);
  return { db, org, actor, now };
}

/** One organization with a person per role, a team, a client with a pending invitation and a token. */
export async function seedOrg(db: Db, label: string, publicUrl: string, now = Date.now()): Promise<OrgFixture> {
  const tag = unique();
  const slug = `org-${label.toLowerCase()}-${tag}`;
  const name = `Organization ${label} ${tag}`;
  const person = (role: Role) => ({
    email: `${role}.${label.toLowerCase()}.${tag}@example.test`,
    name: `${label} ${role} ${tag}`,
    password: PASSWORD,
  });
  // Accounts share one scrypt hash of PASSWORD, made once per process: hashing costs ~50 ms each.
  passwordHash ??= hashPassword(PASSWORD);
  const accounts = {} as Record<Role, { id: string; email: string; name: string; password: string }>;
  for (const role of ROLES) {
    const account = { id: newId(), ...person(role) };
    await insertUser(db, {
      id: account.id,
      email: account.email,
      name: account.name,
      password_hash: await passwordHash,
      locale: null,
      created_at: now,
      updated_at: now,
    });
    accounts[role] = account;
  }
  const actor: Actor = { type: 'user', id: accounts.admin.id, label: accounts.admin.email };
  const org = await createOrganization(
    db,
    { slug, name, kind: 'business', locale: 'en', currency: 'EUR', timeZone: 'Europe/Berlin' },
    accounts.admin.id,
    actor,
    now,
  );
  const ctx = await orgContext(db, slug, actor, now);
  const users = {} as Record<Role, PersonFixture>;
  for (const role of ROLES) {
    const account = accounts[role];
    const membership =
      role === 'admin'
        ? await db.selectFrom('memberships').select('id').where('user_id', '=', account.id).executeTakeFirstOrThrow()
        : await addMembership(ctx, { email: account.email, role });
    users[role] = { ...account, membershipId: membership.id };
  }
  const team = await createTeam(ctx, { name: `Team ${label} ${tag}`, kind: 'autonomous', purpose: `Purpose of team ${label} ${tag}` });
  await addTeamMember(ctx, team.id, users.member.id);
  const otherTeam = await createTeam(ctx, { name: `Other team ${label} ${tag}`, kind: 'autonomous', purpose: '' });
  await addTeamMember(ctx, otherTeam.id, users.council.id);
  const clientInput = {
    name: `Client ${label} ${tag}`,
    email: `client.${label.toLowerCase()}.${tag}@example.test`,
    externalId: `ext-${tag}`,
  };
  const client = await createClient(ctx, clientInput);
  const invitation = await inviteClient(ctx, client.id, 14, publicUrl);
  const token = await createToken(ctx, { name: `Token ${label} ${tag}`, scopes: ['all'] });
  return {
    id: org.id,
    slug,
    name,
    users,
    team: { id: team.id, name: team.name },
    otherTeam: { id: otherTeam.id, name: otherTeam.name },
    client: { id: client.id, name: client.name, email: clientInput.email, externalId: clientInput.externalId },
    invitation: { id: invitation.id, token: invitation.token },
    token: { id: token.id, name: token.name, secret: token.token, prefix: token.prefix },
  };
}

export async function seedTwoOrgs(db: Db, publicUrl: string): Promise<TwoOrgs> {
  const [a, b] = await Promise.all([seedOrg(db, 'A', publicUrl), seedOrg(db, 'B', publicUrl)]);
  return { a, b };
}

/** Every value of an organization that must never reach another tenant: ids, names, e-mails, secrets. */
export function secretsOf(org: OrgFixture): string[] {
  const people = Object.values(org.users).flatMap((u) => [u.id, u.email, u.name, u.membershipId]);
  return [
    org.id,
    org.name,
    ...people,
    org.team.id,
    org.team.name,
    org.client.id,
    org.client.name,
    org.client.email,
    org.client.externalId,
    org.invitation.id,
    org.invitation.token,
    org.token.id,
    org.token.name,
    org.token.secret,
    org.token.prefix,
  ];
}

/**
 * Every row that belongs to an organization or points at one of its teams or clients (a row another
 * tenant slipped in would), table by table, in a stable order.
 */
export async function snapshotOrg(db: Db, orgId: string): Promise<Record<string, unknown[]>> {
  const teamIds = (await db.selectFrom('teams').select('id').where('org_id', '=', orgId).execute()).map((r) => r.id);
  const clientIds = (await db.selectFrom('clients').select('id').where('org_id', '=', orgId).execute()).map((r) => r.id);
  const none = ['-'];
  const ofOrgOrClient = <T extends 'client_segments' | 'feedback' | 'proposals' | 'proposal_supports' | 'poll_ballots' | 'pb_ballots'>(
    table: T,
    column: 'client_id' | 'author_client_id',
  ) =>
    db
      .selectFrom(table as 'feedback')
      .selectAll()
      .where((eb) => eb.or([eb('org_id', '=', orgId), eb(column as 'client_id', 'in', clientIds.length ? clientIds : none)]))
      .execute();
  const rows = {
    organizations: await db.selectFrom('organizations').selectAll().where('id', '=', orgId).execute(),
    users: await db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .selectAll('users')
      .where('memberships.org_id', '=', orgId)
      .execute(),
    memberships: await db.selectFrom('memberships').selectAll().where('org_id', '=', orgId).execute(),
    teams: await db.selectFrom('teams').selectAll().where('org_id', '=', orgId).execute(),
    team_members: await db
      .selectFrom('team_members')
      .selectAll()
      .where((eb) => eb.or([eb('org_id', '=', orgId), eb('team_id', 'in', teamIds.length ? teamIds : none)]))
      .execute(),
    clients: await db.selectFrom('clients').selectAll().where('org_id', '=', orgId).execute(),
    client_invitations: await db
      .selectFrom('client_invitations')
      .selectAll()
      .where((eb) => eb.or([eb('org_id', '=', orgId), eb('client_id', 'in', clientIds.length ? clientIds : none)]))
      .execute(),
    client_sessions: await db
      .selectFrom('client_sessions')
      .selectAll()
      .where((eb) => eb.or([eb('org_id', '=', orgId), eb('client_id', 'in', clientIds.length ? clientIds : none)]))
      .execute(),
    api_tokens: await db.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId).execute(),
    audit_log: await db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId).execute(),
    // Client voice: rows of the organization, and what names one of its clients (a support, a ballot).
    client_segments: await ofOrgOrClient('client_segments', 'client_id'),
    outbox: await db.selectFrom('outbox').selectAll().where('org_id', '=', orgId).execute(),
    voice_settings: await db.selectFrom('voice_settings').selectAll().where('org_id', '=', orgId).execute(),
    surveys: await db.selectFrom('surveys').selectAll().where('org_id', '=', orgId).execute(),
    feedback: await ofOrgOrClient('feedback', 'client_id'),
    proposals: await ofOrgOrClient('proposals', 'author_client_id'),
    proposal_supports: await ofOrgOrClient('proposal_supports', 'client_id'),
    content_reports: await db.selectFrom('content_reports').selectAll().where('org_id', '=', orgId).execute(),
    polls: await db.selectFrom('polls').selectAll().where('org_id', '=', orgId).execute(),
    poll_ballots: await ofOrgOrClient('poll_ballots', 'client_id'),
    pb_rounds: await db.selectFrom('pb_rounds').selectAll().where('org_id', '=', orgId).execute(),
    pb_projects: await db
      .selectFrom('pb_projects')
      .selectAll()
      .where((eb) => eb.or([eb('org_id', '=', orgId), eb('team_id', 'in', teamIds.length ? teamIds : none)]))
      .execute(),
    pb_ballots: await ofOrgOrClient('pb_ballots', 'client_id'),
  };
  return Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, list.map((r) => JSON.stringify(r)).sort()]));
}
