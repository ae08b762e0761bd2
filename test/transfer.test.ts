/**
 * Export and import of a whole organization: the demo round-trips into a fresh database without loss,
 * conflicts and malformed files are refused with the right error, and the CLI layer maps those errors
 * to its exit codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/cli/commands.js';
import { periodOf } from '../src/core/economics/period.js';
import { AppError } from '../src/core/errors.js';
import { zodToAppError } from '../src/http/errors.js';
import { buildServer } from '../src/http/server.js';
import { inviteClient } from '../src/modules/clients/client.service.js';
import { DEMO_EMAIL, DEMO_ORGANIZATIONS, DEMO_PASSWORD } from '../src/modules/demo/demo.data.js';
import { seedDemo } from '../src/modules/demo-seed.js';
import { putTeamBudget } from '../src/modules/economics/budget.service.js';
import { exportOrganization, importOrganization, type TExportFile, ZExportFile } from '../src/modules/export-file.js';
import { loadVoiceSettings } from '../src/modules/proposals/voice-settings.js';
import { runSetup } from '../src/modules/setup/setup.service.js';
import { createToken } from '../src/modules/tokens/token.service.js';
import { signInAgent } from './agent.js';
import { orgContext } from './fixtures.js';
import { createTestDatabase, type TestDatabase, testConfig } from './harness.js';
import { addRequestRows } from './transfer-request-fixture.js';
import { addVoiceRows, previousVersionOf, VOICE_KEYS } from './transfer-voice-fixture.js';

const databases: TestDatabase[] = [];
let source: TestDatabase;
let exported: TExportFile;
let requests: Awaited<ReturnType<typeof addRequestRows>>;

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

/** Runs a CLI command and returns the AppError it failed with. */
async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const command = (db: TestDatabase, cmd: string, values: Record<string, string> = {}, input = '', sub?: string) =>
  runCommand(db.db, { command: cmd, sub, values, readInput: () => input, now: Date.now() });

/** What the demo data says stroydom holds: its people plus the demo admin, its teams and clients. */
const STROYDOM = DEMO_ORGANIZATIONS.find((o) => o.organization.slug === 'stroydom')!;
const PEOPLE = STROYDOM.people.length + 1;
const TEAM_MEMBERS = STROYDOM.teams.reduce((n, team) => n + team.members.length, 0);

const withoutTime = ({ exportedAt: _t, ...rest }: TExportFile) => rest;

beforeAll(async () => {
  source = await freshDatabase();
  const seeded = await seedDemo(source.db, Date.now());
  expect(seeded.map((line) => line.split(' ')[0])).toEqual(['stroydom', 'mfc', 'neighbourhood-care']);
  // Rows the demo does not make, so that every table of the format is exercised.
  const ctx = await orgContext(source.db, 'stroydom', { type: 'system', id: null, label: 'test' });
  const client = await source.db.selectFrom('clients').select('id').where('org_id', '=', ctx.org.id).executeTakeFirstOrThrow();
  await inviteClient(ctx, client.id, 14, 'http://localhost:3000');
  await createToken(ctx, { name: 'Integration', scopes: ['teams:read', 'clients:read'] });
  const admin = await source.db.selectFrom('users').select('id').where('email', '=', DEMO_EMAIL).executeTakeFirstOrThrow();
  await addVoiceRows(source.db, ctx, admin.id);
  requests = await addRequestRows(ctx);
  // A team's budget (the budgeted-bonus mode of government organizations; stroydom is a business).
  const team = await source.db.selectFrom('teams').select('id').where('org_id', '=', ctx.org.id).executeTakeFirstOrThrow();
  await putTeamBudget(ctx, periodOf(Date.now(), ctx.org.time_zone), team.id, { budgetMinor: 1_200_000_000, bonusFundMinor: 50_000_000 });
  exported = await exportOrganization(source.db, 'stroydom', Date.now());
});

afterAll(async () => {
  for (const database of databases) await database.close();
});

describe('export and import', () => {
  it('exports every kind of row of the organization, the people, teams and clients the demo describes', () => {
    const counts = Object.fromEntries(
      Object.entries(exported)
        .filter(([, v]) => Array.isArray(v))
        .map(([k, v]) => [k, (v as unknown[]).length]),
    );
    // Every table of the format holds rows, so the round trip below exercises each of them.
    expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([]);
    expect(counts).toMatchObject({
      users: PEOPLE,
      memberships: PEOPLE,
      teams: STROYDOM.teams.length,
      teamMembers: TEAM_MEMBERS,
      clients: STROYDOM.clients.length,
      clientInvitations: 2,
      apiTokens: 1,
    });
    expect(counts.audit).toBeGreaterThan(20);
  });

  it('exports client voice: every voice table, and every column of it holds a value in some row', () => {
    const file = exported as unknown as Record<string, Record<string, unknown>[]>;
    const unset = VOICE_KEYS.flatMap(([key]) =>
      Object.keys(file[key]![0]!)
        .filter((column) => file[key]!.every((row) => row[column] === null))
        .map((column) => `${key}.${column}`),
    );
    expect(unset).toEqual([]);
    // The columns client voice added to older tables travel too, with values other than their defaults.
    expect(exported.clients.some((c) => c.origin === 'self' && c.email_confirmed_at !== null)).toBe(true);
    expect(exported.clientInvitations.some((i) => i.purpose === 'confirm' && i.sent_to !== null)).toBe(true);
    expect(exported.decisions.some((d) => d.client_rationale !== null)).toBe(true);
    // The outbox holds one-time links: it is not part of the file.
    expect(Object.keys(exported)).not.toContain('outbox');
  });

  it('round-trips into a fresh database: exporting again gives the same document but for exportedAt', async () => {
    const target = await freshDatabase();
    const file = ZExportFile.parse(JSON.parse(JSON.stringify(exported)));
    const result = await importOrganization(target.db, file);
    expect(result.slug).toBe('stroydom');
    const again = await exportOrganization(target.db, 'stroydom', exported.exportedAt + 1);
    expect(withoutTime(again)).toEqual(withoutTime(exported));
    // Client voice works on the copy: the settings name the imported team and promise; no e-mail came along.
    const settings = await loadVoiceSettings(target.db, exported.organization.id);
    const [row] = exported.voiceSettings;
    expect([settings.answerTeamId, settings.answerPromiseId, settings.responseDays]).toEqual([
      row!.answer_team_id,
      row!.answer_promise_id,
      row!.response_days,
    ]);
    expect(settings.answerTeamId).not.toBeNull();
    expect(await target.db.selectFrom('outbox').select('id').execute()).toEqual([]);

    // The people come with their passwords: the demo admin signs in on the imported copy.
    const app = await buildServer({ db: target.db, dialect: target.dialect, config: testConfig() });
    const agent = await signInAgent(app, DEMO_EMAIL, DEMO_PASSWORD);
    const teams = await agent.get('/api/v1/orgs/stroydom/teams');
    expect(teams.json().items.map((t: { name: string }) => t.name)).toEqual(exported.teams.map((t) => t.name));
    await app.close();
  });

  it('carries promise requests: open, accepted and declined come back identical, ids kept', async () => {
    const target = await freshDatabase();
    await importOrganization(target.db, ZExportFile.parse(JSON.parse(JSON.stringify(exported))));
    const rowsOf = (db: TestDatabase) =>
      db.db.selectFrom('promise_requests').selectAll().where('org_id', '=', exported.organization.id).orderBy('id').execute();
    const before = await rowsOf(source);
    expect(before.map((r) => r.id).sort()).toEqual(Object.values(requests).sort());
    // Every column holds a value in some row, so the comparison below covers each of them.
    expect(Object.keys(before[0]!).filter((column) => before.every((r) => r[column as keyof typeof r] === null))).toEqual([]);
    expect(await rowsOf(target)).toEqual(before);
    // Through the API of the copy: the accepted request names the promise made of it, which came along.
    const app = await buildServer({ db: target.db, dialect: target.dialect, config: testConfig() });
    const agent = await signInAgent(app, DEMO_EMAIL, DEMO_PASSWORD);
    const listed = (await agent.get('/api/v1/orgs/stroydom/promise-requests')).json().items as {
      id: string;
      status: string;
      answer: string;
      promiseId: string | null;
    }[];
    expect(Object.fromEntries(listed.map((r) => [r.id, [r.status, r.answer]]))).toEqual({
      [requests.open]: ['open', ''],
      [requests.accepted]: ['accepted', ''],
      [requests.declined]: ['declined', 'No one works on Saturdays until spring.'],
    });
    const made = listed.find((r) => r.id === requests.accepted)!.promiseId;
    expect((await agent.get(`/api/v1/orgs/stroydom/promises/${made}`)).statusCode).toBe(200);
    // The copy goes on: the open request can still be answered there.
    const declined = await agent.post(`/api/v1/orgs/stroydom/promise-requests/${requests.open}/decline`, {
      reason: 'Not this year.',
      // The demo admin is not in the asked team: acting for it takes a reason.
      override: { reason: 'The team lead declined by phone' },
    });
    expect(declined.statusCode).toBe(200);
    await app.close();
  });

  it('imports decisions whose people have left: names stay, ids go, and the process goes on', async () => {
    const gone = new Set(
      exported.users.filter((u) => ['dmitry.orlov@stroydom.example', 'pavel.sokolov@stroydom.example'].includes(u.email)).map((u) => u.id),
    );
    expect(gone.size).toBe(2);
    const file = ZExportFile.parse(JSON.parse(JSON.stringify(exported)));
    file.users = file.users.filter((u) => !gone.has(u.id));
    file.memberships = file.memberships.filter((m) => !gone.has(m.user_id));
    file.teamMembers = file.teamMembers.filter((m) => !gone.has(m.user_id));
    file.roleMembers = file.roleMembers.filter((m) => !gone.has(m.user_id));
    const target = await freshDatabase();
    await importOrganization(target.db, file);
    const app = await buildServer({ db: target.db, dialect: target.dialect, config: testConfig() });
    const agent = await signInAgent(app, DEMO_EMAIL, DEMO_PASSWORD);
    const decisions = (await agent.get('/api/v1/orgs/stroydom/decisions')).json().items as {
      id: string;
      status: string;
      decidedBy: { id: string | null; label: string } | null;
      createdBy: { id: string | null; label: string };
    }[];
    // The warranty case Dmitry opened and took (the demo admin took another, overriding a crew's right).
    const taken = decisions.find((d) => d.status === 'decided' && d.createdBy.label === 'Дмитрий Орлов')!;
    expect(taken.decidedBy).toEqual({ id: null, label: 'Дмитрий Орлов' });
    const waiting = decisions.find((d) => d.status === 'seeking_advice')!;
    expect(waiting.createdBy).toEqual({ id: null, label: 'Павел Соколов' });
    // The demo admin was asked for advice; answering notifies nobody who has gone, and works.
    const advised = await agent.post(`/api/v1/orgs/stroydom/decisions/${waiting.id}/advice`, {
      advice: 'wait for the screed',
      preferredOption: 0,
    });
    expect(advised.statusCode).toBe(200);
    await app.close();
  });

  it('imports a file of the version before client voice: no voice rows, new columns as the migration fills them', async () => {
    const old = previousVersionOf(exported);
    const file = ZExportFile.parse(old);
    expect(file.clients.map((c) => [c.origin, c.email_confirmed_at])).toEqual(exported.clients.map(() => ['staff', null]));
    expect(new Set(file.clientInvitations.map((i) => `${i.purpose} ${i.sent_to}`))).toEqual(new Set(['invite null']));
    const target = await freshDatabase();
    const result = await importOrganization(target.db, file);
    expect(Object.fromEntries(VOICE_KEYS.map(([key]) => [key, result.counts[key]]))).toEqual(
      Object.fromEntries(VOICE_KEYS.map(([key]) => [key, 0])),
    );
    expect(result.counts.promiseRequests).toBe(0);
    // The same content, written as the current version, now with a manifest of its own.
    const { manifest, ...again } = withoutTime(await exportOrganization(target.db, 'stroydom', 0));
    expect(file.version).toBe(1);
    expect(again).toEqual({ ...withoutTime(file), version: 3 });
    expect(manifest?.counts.proposals).toBe(0);
    expect(manifest?.counts.promiseRequests).toBe(0);
    expect(again.decisions.every((d) => d.client_rationale === null)).toBe(true);
  });

  it('refuses to import where the slug exists (conflict naming organization.slug), changing nothing', async () => {
    const before = await exportOrganization(source.db, 'stroydom', 0);
    const error = await failureOf(importOrganization(source.db, exported));
    expect(error.code).toBe('conflict');
    expect(error.fields.map((f) => f.path)).toEqual(['organization.slug']);
    expect(withoutTime(await exportOrganization(source.db, 'stroydom', 0))).toEqual(withoutTime(before));
  });

  it('refuses the same organization under another slug (conflict naming organization.id)', async () => {
    const renamed = { ...exported, organization: { ...exported.organization, slug: 'stroydom-copy' } };
    const error = await failureOf(importOrganization(source.db, renamed));
    expect(error.fields.map((f) => f.path)).toEqual(['organization.id']);
  });

  it('reuses an account that already exists by e-mail, keeping its own password', async () => {
    const target = await freshDatabase();
    await runSetup(
      target.db,
      {
        organization: { slug: 'elsewhere', name: 'Elsewhere', kind: 'business', locale: 'en', currency: 'EUR', timeZone: 'UTC' },
        admin: { email: DEMO_EMAIL, name: 'Same person', password: 'their-own-password' },
      },
      Date.now(),
    );
    await importOrganization(target.db, exported);
    const user = await target.db.selectFrom('users').select('id').where('email', '=', DEMO_EMAIL).executeTakeFirstOrThrow();
    const roles = await target.db.selectFrom('memberships').select('org_id').where('user_id', '=', user.id).execute();
    expect(roles).toHaveLength(2);
    // What they did in client voice is re-pointed at the account reused.
    const fileId = exported.users.find((u) => u.email === DEMO_EMAIL)!.id;
    expect(user.id).not.toBe(fileId);
    const answered = await target.db
      .selectFrom('proposals')
      .select(['answered_by', 'author_user_id'])
      .where('org_id', '=', exported.organization.id)
      .execute();
    const people = answered.flatMap((p) => [p.answered_by, p.author_user_id]).filter((id) => id !== null);
    expect(people).toContain(user.id);
    expect(people).not.toContain(fileId);
    const settings = await target.db.selectFrom('voice_settings').select('updated_by').executeTakeFirstOrThrow();
    expect(settings.updated_by).toBe(user.id);
    const app = await buildServer({ db: target.db, dialect: target.dialect, config: testConfig() });
    const agent = await signInAgent(app, DEMO_EMAIL, 'their-own-password');
    expect(
      (await agent.get('/api/v1/auth/me'))
        .json()
        .organizations.map((o: { slug: string }) => o.slug)
        .sort(),
    ).toEqual(['elsewhere', 'stroydom']);
    await app.close();
  });

  it('refuses a malformed file with a validation error naming the path', () => {
    const broken = JSON.parse(JSON.stringify(exported));
    broken.teams[1].kind = 'guild';
    const result = ZExportFile.safeParse(broken);
    expect(result.success).toBe(false);
    const error = zodToAppError(result.error!, 'input');
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((f) => f.path)).toEqual(['teams.1.kind']);
  });

  it.each([
    ['a ballot of no known shape', 'pollBallots', 'ballot', '{"vote":1}'],
    ['an NPS score of 11', 'feedback', 'score', 11],
    ['segment ids that are not a list', 'polls', 'segment_ids', '"all"'],
    ['approved projects that are not JSON', 'pbBallots', 'project_ids', '[abc'],
    ['an unknown proposal status', 'proposals', 'status', 'pending'],
    ['an unknown client origin', 'clients', 'origin', 'imported'],
    ['an unknown link purpose', 'clientInvitations', 'purpose', 'reset'],
  ])('refuses %s, naming the path', (_label, key, column, value) => {
    const broken = JSON.parse(JSON.stringify(exported));
    const index = key === 'feedback' ? broken.feedback.findIndex((f: { kind: string }) => f.kind === 'nps') : 0;
    broken[key][index][column] = value;
    const result = ZExportFile.safeParse(broken);
    expect(result.success).toBe(false);
    expect(zodToAppError(result.error!, 'input').fields.map((f) => f.path)).toEqual([`${key}.${index}.${column}`]);
  });

  it('refuses rows of another organization inside the file, naming the row', async () => {
    const target = await freshDatabase();
    const mixed = { ...exported, clients: exported.clients.map((c, i) => (i === 2 ? { ...c, org_id: 'another-org' } : c)) };
    const error = await failureOf(importOrganization(target.db, mixed));
    expect(error.fields.map((f) => f.path)).toEqual(['clients.2.org_id']);
    expect(await target.db.selectFrom('organizations').select('id').execute()).toEqual([]);
    const ballots = { ...exported, pbBallots: exported.pbBallots.map((b) => ({ ...b, org_id: 'another-org' })) };
    expect((await failureOf(importOrganization(target.db, ballots))).fields.map((f) => f.path)).toEqual(['pbBallots.0.org_id']);
  });
});

describe('through the CLI layer', () => {
  it('exports and imports: the import prints what it brought', async () => {
    const out = await command(source, 'export', { org: 'stroydom' });
    expect(withoutTime(JSON.parse(out.stdout!))).toEqual(withoutTime(exported));
    const target = await freshDatabase();
    const imported = await command(target, 'import', {}, out.stdout!);
    expect(imported.stdout).toMatch(/^imported stroydom: /);
    for (const part of [
      `users ${PEOPLE}`,
      `teams ${STROYDOM.teams.length}`,
      `clients ${STROYDOM.clients.length}`,
      `audit ${exported.audit.length}`,
    ]) {
      expect(imported.stdout).toContain(part);
    }
  });

  it.each([
    ['an unknown organization', 2, () => command(source, 'export', { org: 'nope' })],
    ['an existing slug', 3, () => command(source, 'import', {}, JSON.stringify(exported))],
    ['a malformed file', 1, () => command(source, 'import', {}, JSON.stringify({ ...exported, teams: 'none' }))],
    ['a file that is not JSON', 1, () => command(source, 'import', {}, '{"format":')],
    ['an unknown scope', 1, () => command(source, 'token', { org: 'stroydom', scopes: 'bogus' }, '', 'create')],
    ['a missing --org', 1, () => command(source, 'export')],
    ['an unknown command', 1, () => command(source, 'frobnicate')],
  ])('maps %s to exit code %i', async (_label, exitCode, run) => {
    const error = await failureOf(run());
    expect(error.exitCode).toBe(exitCode);
  });

  it('names the offending path: teams for a malformed file, scopes for an unknown scope', async () => {
    const malformed = await failureOf(command(source, 'import', {}, JSON.stringify({ ...exported, teams: 'none' })));
    expect(malformed.fields.map((f) => f.path)).toEqual(['teams']);
    const scope = await failureOf(command(source, 'token', { org: 'stroydom', scopes: 'teams:read,bogus' }, '', 'create'));
    expect(scope.fields.map((f) => f.path)).toEqual(['scopes.1']);
    expect(scope.message).toMatch(/^scopes\.1: /);
  });
});
