/** The audit log: one entry per write with who, what and before/after; paging, filters, append-only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../src/modules/clients/client.service.js';
import { createOrganization } from '../src/modules/orgs/org.service.js';
import { createTeam, updateTeam } from '../src/modules/teams/team.service.js';
import type { SignedInAgent } from './agent.js';
import { orgContext, type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, type Response, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let base: string;

interface Entry {
  id: string;
  at: string;
  actor: { type: string; id: string | null; label: string };
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  base = `/api/v1/orgs/${orgs.a.slug}`;
});

afterAll(async () => {
  await t?.close();
});

async function countEntries(orgId: string): Promise<number> {
  return (await t.db.selectFrom('audit_log').select('id').where('org_id', '=', orgId).execute()).length;
}

async function auditPage(slug: string, query: string): Promise<{ items: Entry[]; nextCursor: string | null }> {
  const res = await admin.get(`/api/v1/orgs/${slug}/audit?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** Performs a write and returns the one audit entry it appended (checked by count and by filter). */
async function auditedWrite(write: () => Promise<Response>, action: string, entityId: (res: Response) => string): Promise<Entry> {
  const before = await countEntries(orgs.a.id);
  const startedAt = Date.now();
  const res = await write();
  expect(res.statusCode, res.body).toBeLessThan(300);
  expect(await countEntries(orgs.a.id)).toBe(before + 1);
  const id = entityId(res);
  const { items } = await auditPage(orgs.a.slug, `action=${action}&entityId=${id}&from=${new Date(startedAt).toISOString()}`);
  expect(items).toHaveLength(1);
  const entry = items[0]!;
  expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(startedAt);
  expect(entry.actor).toEqual({ type: 'user', id: orgs.a.users.admin.id, label: orgs.a.users.admin.email });
  return entry;
}

describe('audit entries', () => {
  it('records every write of teams and team members with before and after', async () => {
    const created = await auditedWrite(
      () => admin.post(`${base}/teams`, { name: 'Audited team', kind: 'autonomous', purpose: 'Keep promises' }),
      'team.created',
      (res) => res.json().id,
    );
    const teamId = created.entityId;
    expect(created).toMatchObject({ entityType: 'team', before: null, after: { name: 'Audited team', purpose: 'Keep promises' } });

    const updated = await auditedWrite(
      () => admin.patch(`${base}/teams/${teamId}`, { name: 'Audited team, renamed' }),
      'team.updated',
      () => teamId,
    );
    expect(updated.before).toMatchObject({ name: 'Audited team', purpose: 'Keep promises' });
    // A partial update changes only what it names: the purpose stays.
    expect(updated.after).toMatchObject({ name: 'Audited team, renamed', purpose: 'Keep promises' });

    const viewerId = orgs.a.users.viewer.id;
    const added = await auditedWrite(
      () => admin.post(`${base}/teams/${teamId}/members`, { userId: viewerId }),
      'team.member_added',
      () => teamId,
    );
    expect(added.after).toMatchObject({ userId: viewerId });
    const removed = await auditedWrite(
      () => admin.delete(`${base}/teams/${teamId}/members/${viewerId}`),
      'team.member_removed',
      () => teamId,
    );
    expect(removed.before).toMatchObject({ userId: viewerId });

    const deleted = await auditedWrite(
      () => admin.delete(`${base}/teams/${teamId}`),
      'team.deleted',
      () => teamId,
    );
    expect(deleted).toMatchObject({ before: { name: 'Audited team, renamed' }, after: null });
  });

  it('records adding a person, changing their role and removing them', async () => {
    const email = `audited.${unique()}@example.test`;
    const body = { email, role: 'viewer', name: 'Audited Person', password: 'a-long-enough-password' };
    const added = await auditedWrite(
      () => admin.post(`${base}/memberships`, body),
      'membership.created',
      (res) => res.json().id,
    );
    expect(added).toMatchObject({ entityType: 'membership', after: { email, role: 'viewer' } });
    const id = added.entityId;
    const changed = await auditedWrite(
      () => admin.patch(`${base}/memberships/${id}`, { role: 'member' }),
      'membership.role_changed',
      () => id,
    );
    expect([changed.before?.role, changed.after?.role]).toEqual(['viewer', 'member']);
    const removed = await auditedWrite(
      () => admin.delete(`${base}/memberships/${id}`),
      'membership.deleted',
      () => id,
    );
    expect(removed).toMatchObject({ before: { email, role: 'member' }, after: null });
  });

  it('records clients and their invitations', async () => {
    const created = await auditedWrite(
      () => admin.post(`${base}/clients`, { name: 'Audited client' }),
      'client.created',
      (res) => res.json().id,
    );
    const clientId = created.entityId;
    const updated = await auditedWrite(
      () => admin.patch(`${base}/clients/${clientId}`, { name: 'Audited client, renamed' }),
      'client.updated',
      () => clientId,
    );
    expect([updated.before?.name, updated.after?.name]).toEqual(['Audited client', 'Audited client, renamed']);

    let invitationId = '';
    const invited = await auditedWrite(
      async () => {
        const res = await admin.post(`${base}/clients/${clientId}/invitations`, { expiresInDays: 3 });
        invitationId = res.json().id;
        return res;
      },
      'client.invited',
      () => clientId,
    );
    expect(invited.after).toMatchObject({ id: invitationId, status: 'pending' });
    const revoked = await auditedWrite(
      () => admin.delete(`${base}/clients/${clientId}/invitations/${invitationId}`),
      'client.invitation_revoked',
      () => clientId,
    );
    expect(revoked.before).toMatchObject({ id: invitationId, status: 'pending' });
    const deleted = await auditedWrite(
      () => admin.delete(`${base}/clients/${clientId}`),
      'client.deleted',
      () => clientId,
    );
    expect(deleted.before).toMatchObject({ name: 'Audited client, renamed' });
  });

  it('records tokens made and revoked, and organization settings changed', async () => {
    const made = await auditedWrite(
      () => admin.post(`${base}/tokens`, { name: 'Audited', scopes: ['audit:read'] }),
      'token.created',
      (res) => res.json().id,
    );
    expect(made.after).toMatchObject({ name: 'Audited', scopes: ['audit:read'], revokedAt: null });
    const revoked = await auditedWrite(
      () => admin.delete(`${base}/tokens/${made.entityId}`),
      'token.revoked',
      () => made.entityId,
    );
    expect(revoked.before).toMatchObject({ revokedAt: null });
    expect(revoked.after?.revokedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));

    const settings = await auditedWrite(
      () => admin.patch(base, { timeZone: 'Asia/Yekaterinburg' }),
      'organization.updated',
      () => orgs.a.id,
    );
    expect([settings.before?.timeZone, settings.after?.timeZone]).toEqual(['Europe/Berlin', 'Asia/Yekaterinburg']);
    expect(settings.after?.name).toBe(orgs.a.name);
  });

  it('names an API token as the actor of its writes', async () => {
    const res = await t.withToken(orgs.a.token.secret).post(`${base}/teams`, { name: 'Made by a token', kind: 'autonomous' });
    const { items } = await auditPage(orgs.a.slug, `action=team.created&entityId=${res.json().id}`);
    expect(items.map((e) => e.actor)).toEqual([{ type: 'token', id: orgs.a.token.id, label: `token:${orgs.a.token.name}` }]);
  });

  it('never records a secret: no token, invitation link or password hash', async () => {
    const all = await auditPage(orgs.a.slug, 'limit=200');
    const text = JSON.stringify(all);
    expect(text).not.toContain(orgs.a.token.secret);
    expect(text).not.toContain(orgs.a.invitation.token);
    expect(text).not.toContain('scrypt$');
  });
});

describe('reading the audit log', () => {
  it('pages with limit 2 return every entry exactly once, newest first, even while entries are added', async () => {
    const everything = (await auditPage(orgs.a.slug, 'limit=200')).items;
    expect(everything.length).toBe(await countEntries(orgs.a.id));
    expect(everything.length).toBeGreaterThan(10);
    // The fixture wrote many entries in the same millisecond: ties are broken by id.
    expect(new Set(everything.map((e) => e.at)).size).toBeLessThan(everything.length);
    const sorted = [...everything].sort((x, y) => Date.parse(y.at) - Date.parse(x.at) || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0));
    expect(everything.map((e) => e.id)).toEqual(sorted.map((e) => e.id));

    const seen: string[] = [];
    let page = await auditPage(orgs.a.slug, 'limit=2');
    await admin.post(`${base}/clients`, { name: 'Written while paging' });
    for (;;) {
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      if (!page.nextCursor) break;
      page = await auditPage(orgs.a.slug, `limit=2&cursor=${page.nextCursor}`);
    }
    expect(seen).toEqual(everything.map((e) => e.id));
  });

  it('filters by action, entity type, entity id, actor and time range with known answers', async () => {
    const t0 = 1_800_000_000_000;
    const actor = { type: 'user' as const, id: orgs.a.users.admin.id, label: orgs.a.users.admin.email };
    const slug = `audit-filters-${unique()}`;
    const org = await createOrganization(
      t.db,
      { slug, name: 'Filters', kind: 'business', locale: 'en', currency: 'EUR', timeZone: 'UTC' },
      actor.id,
      actor,
      t0,
    );
    const team = await createTeam(await orgContext(t.db, slug, actor, t0 + 1000), { name: 'Filtered', kind: 'council', purpose: '' });
    await updateTeam(await orgContext(t.db, slug, actor, t0 + 2000), team.id, { purpose: 'Now with a purpose' });
    await createClient(await orgContext(t.db, slug, { type: 'system', id: null, label: 'import' }, t0 + 3000), { name: 'Filtered client' });

    const actions = async (query: string) => (await auditPage(slug, query)).items.map((e) => e.action);
    const all = await actions('');
    expect(all.slice(0, 3)).toEqual(['client.created', 'team.updated', 'team.created']);
    // Both written in the same millisecond: their order is by id, so compare them as a set.
    expect(all.slice(3).sort()).toEqual(['membership.created', 'organization.created']);
    expect(await actions('action=team.updated')).toEqual(['team.updated']);
    expect(await actions('entityType=team')).toEqual(['team.updated', 'team.created']);
    expect(await actions(`entityId=${team.id}`)).toEqual(['team.updated', 'team.created']);
    expect(await actions(`entityId=${org.id}`)).toEqual(['organization.created']);
    expect(await actions(`actorId=${actor.id}&from=${new Date(t0 + 1).toISOString()}`)).toEqual(['team.updated', 'team.created']);
    expect(await actions(`from=${new Date(t0 + 1000).toISOString()}`)).toEqual(['client.created', 'team.updated', 'team.created']);
    expect((await actions(`to=${new Date(t0 + 1000).toISOString()}`)).sort()).toEqual(['membership.created', 'organization.created']);
    expect(await actions(`from=${new Date(t0 + 1000).toISOString()}&to=${new Date(t0 + 3000).toISOString()}`)).toEqual([
      'team.updated',
      'team.created',
    ]);
    expect(await actions(`entityType=team&from=${new Date(t0 + 2000).toISOString()}`)).toEqual(['team.updated']);
    expect(await actions('action=nothing.happened')).toEqual([]);
  });
});

describe('append-only', () => {
  it('the database itself refuses UPDATE and DELETE on audit_log', async () => {
    const before = await t.db.selectFrom('audit_log').selectAll().where('org_id', '=', orgs.b.id).orderBy('id').execute();
    expect(before.length).toBeGreaterThan(0);
    const first = before[0]!;
    await expect(t.db.updateTable('audit_log').set({ action: 'tampered' }).where('id', '=', first.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.updateTable('audit_log').set({ at: 0 }).where('org_id', '=', orgs.b.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_log').where('id', '=', first.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect(await t.db.selectFrom('audit_log').selectAll().where('org_id', '=', orgs.b.id).orderBy('id').execute()).toEqual(before);
  });
});
