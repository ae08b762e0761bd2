/**
 * The CLI as an operator runs it: `node bin/clientocracy.mjs …` in its own process, on a temporary
 * data directory (SQLite) or on a fresh PostgreSQL database when DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/core/ids.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { buildServer } from '../src/http/server.js';
import { Agent } from './agent.js';
import { createPostgresDatabase, testConfig } from './harness.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/clientocracy.mjs');

let dataDir: string;
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with the test's data directory and database; never inherits the developer's. */
function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const childEnv: NodeJS.ProcessEnv = { ...inherited, CLIENTOCRACY_DATA_DIR: dataDir, ...(databaseUrl && { DATABASE_URL: databaseUrl }) };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The database the CLI wrote to, opened from this process. */
function openCliDatabase(): Promise<Database> {
  return openDatabase(databaseUrl ? { databaseUrl } : { sqlitePath: path.join(dataDir, 'clientocracy.sqlite') });
}

async function counts(): Promise<Record<string, number>> {
  const database = await openCliDatabase();
  try {
    const result: Record<string, number> = {};
    for (const table of ['organizations', 'users', 'teams', 'team_members', 'clients', 'audit_log'] as const) {
      result[table] = (await database.db.selectFrom(table).selectAll().execute()).length;
    }
    return result;
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'clientocracy-cli-'));
  if (process.env.DATABASE_URL) {
    const created = await createPostgresDatabase(process.env.DATABASE_URL);
    databaseUrl = created.url;
    dropDatabase = created.drop;
  }
});

afterAll(async () => {
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('clientocracy CLI', () => {
  it('--version prints the version of package.json; migrate applies the migrations of an empty database', async () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const [versionRun, migrateRun] = await Promise.all([cli(['--version']), cli(['migrate'])]);
    expect(versionRun).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(migrateRun.code).toBe(0);
    expect(migrateRun.stdout).toMatch(/^applied: 20261128T2300_foundation(, \w+)*\n$/);
  });

  it('demo seeds three organizations; run again it says nothing changed and changes nothing', async () => {
    const first = await cli(['demo']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^seeded: stroydom\b.*, mfc\b.*, neighbourhood-care\b.*\n$/);
    const after = await counts();
    expect(after.organizations).toBe(3);
    expect(after.teams).toBeGreaterThan(0);
    expect(after.clients).toBeGreaterThan(0);

    const [second, migrateAgain] = await Promise.all([cli(['demo']), cli(['migrate'])]);
    expect(second).toMatchObject({ code: 0, stdout: 'demo organizations already present; nothing changed\n' });
    expect(migrateAgain).toMatchObject({ code: 0, stdout: 'database is up to date\n' });
    expect(await counts()).toEqual(after);
    // The demo sends 90 days of promise events (about 20,000): seconds on PostgreSQL under load.
  }, 120_000);

  it('token create prints the token alone on the last stdout line, and it works as a Bearer token', async () => {
    const run = await cli(['token', 'create', '--org', 'stroydom', '--scopes', 'all', '--name', 'from the CLI']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('shown once');
    const token = run.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);

    const database = await openCliDatabase();
    try {
      const row = await database.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
      expect(row).toMatchObject({ name: 'from the CLI', scopes: '["all"]', revoked_at: null });
      const app = await buildServer({ db: database.db, dialect: database.dialect, config: testConfig() });
      const res = await new Agent(app, { authorization: `Bearer ${token}` }).get('/api/v1/orgs/stroydom/teams');
      expect(res.statusCode).toBe(200);
      expect(res.json().items.length).toBeGreaterThan(0);
      await app.close();
    } finally {
      await database.close();
    }
  });

  it('exit codes: 2 for an unknown organization, 1 for an unknown scope (naming scopes) or option, 4 for an unreachable database', async () => {
    const [notFound, badScope, badOption, noDatabase] = await Promise.all([
      cli(['export', '--org', 'nope']),
      cli(['token', 'create', '--org', 'stroydom', '--scopes', 'bogus']),
      cli(['demo', '--colour']),
      cli(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' }),
    ]);
    expect(notFound.code).toBe(2);
    expect(notFound.stderr).toContain('nope');
    expect(notFound.stdout).toBe('');
    expect(badScope.code).toBe(1);
    expect(badScope.stderr).toMatch(/^error: scopes\.0: /);
    expect(badOption.code).toBe(1);
    expect(badOption.stderr).toContain('--help');
    expect(noDatabase.code).toBe(4);
    expect(noDatabase.stderr).toContain('cannot reach the database');
  });

  it('a command about an organization says which database it looked in, and never creates an empty one', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'clientocracy-cli-empty-'));
    try {
      const missingDir = path.join(empty, 'data');
      const [onNothing, outboxOnNothing] = await Promise.all([
        cli(['canvas', 'list', '--org', 'stroydom'], { CLIENTOCRACY_DATA_DIR: missingDir, DATABASE_URL: undefined }),
        cli(['outbox'], { CLIENTOCRACY_DATA_DIR: missingDir, DATABASE_URL: undefined }),
      ]);
      expect(onNothing).toMatchObject({ code: 2, stdout: '' });
      expect(onNothing.stderr).toBe(
        `error: organization stroydom not found: there is no database at SQLite ${path.join(missingDir, 'clientocracy.sqlite')} (CLIENTOCRACY_DATA_DIR)\n`,
      );
      expect(outboxOnNothing.code).toBe(2);
      expect(outboxOnNothing.stderr).toMatch(/^error: no database: there is no database at SQLite .*clientocracy\.sqlite/);
      // Neither the data directory, nor a database, nor a secret was made.
      expect(existsSync(missingDir)).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }

    const unknown = await cli(['canvas', 'list', '--org', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      databaseUrl
        ? `error: organization nope not found in PostgreSQL ${databaseUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')} (DATABASE_URL)\n`
        : `error: organization nope not found in SQLite ${path.join(dataDir, 'clientocracy.sqlite')} (CLIENTOCRACY_DATA_DIR)\n`,
    );
  });

  it('canvas list and canvas svg print the demo canvas; a missing canvas exits 2, a missing --canvas exits 1', async () => {
    const list = await cli(['canvas', 'list', '--org', 'stroydom']);
    expect(list.code).toBe(0);
    const [id, name] = list.stdout.trim().split('\n')[0]!.split('\t');
    expect(name).toBe('СтройДом против альтернатив');
    const svg = await cli(['canvas', 'svg', '--org', 'stroydom', '--canvas', id!, '--lang', 'en']);
    expect(svg.code).toBe(0);
    expect(svg.stdout).toMatch(/^<svg /);
    expect(svg.stdout).toContain('СтройДом против альтернатив');
    expect(svg.stdout).toContain('Target offer');
    const [missing, noId] = await Promise.all([
      cli(['canvas', 'svg', '--org', 'stroydom', '--canvas', 'no-such-canvas']),
      cli(['canvas', 'svg', '--org', 'stroydom']),
    ]);
    expect(missing.code).toBe(2);
    expect(noId.code).toBe(1);
    expect(noId.stderr).toContain('--canvas');
  });

  it('agreements and decisions: the demo lists one overdue agreement; a decision shows its advice; an agreement is added and reviewed', async () => {
    const [due, decisions] = await Promise.all([
      cli(['agreements', 'list', '--org', 'stroydom', '--due']),
      cli(['decisions', 'list', '--org', 'stroydom']),
    ]);
    expect(due.code).toBe(0);
    expect(
      due.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t')[4]),
    ).toEqual(['Фотоотчёт клиенту каждую пятницу']);
    const waiting = decisions.stdout.split('\n').find((line) => line.includes('\tseeking_advice\t'))!;
    const shown = await cli(['decisions', 'show', '--org', 'stroydom', '--id', waiting.split('\t')[0]!]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Demo Admin: waiting');
    expect(shown.stdout).toContain('team Гарантийный сервис: waiting');

    const database = await openCliDatabase();
    const teamId = (await database.db.selectFrom('teams').select('id').where('name', '=', 'Продажи').executeTakeFirstOrThrow()).id;
    await database.close();
    const base = ['agreements', 'add', '--org', 'stroydom', '--owner', `team:${teamId}`, '--title', 'Перезваниваем в течение часа'];
    const [badDate, added] = await Promise.all([
      cli([...base, '--driver', 'Клиенты ждут', '--text', 'Перезваниваем', '--review', '2099-02-30']),
      cli([...base, '--driver', 'Клиенты ждут', '--text', 'Перезваниваем', '--review', '2099-02-28']),
    ]);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain('reviewDate');
    expect(added.code, added.stderr).toBe(0);
    const id = added.stdout.split('\t')[0]!;
    const noNext = await cli(['agreements', 'review', '--org', 'stroydom', '--id', id, '--outcome', 'keep']);
    expect(noNext.code).toBe(1);
    expect(noNext.stderr).toContain('nextReviewDate');
    const reviewed = await cli(['agreements', 'review', '--org', 'stroydom', '--id', id, '--outcome', 'keep', '--next', '2099-06-01']);
    expect(reviewed.stdout.trim()).toBe('reviewed: keep; next review 2099-06-01');
    const remind = await cli(['reviews', 'remind', '--org', 'stroydom']);
    expect(remind.stdout).toMatch(/^reminders sent: \d+/);
    expect((await cli(['reviews', 'remind', '--org', 'stroydom'])).stdout.trim()).toBe('reminders sent: 0');
  }, 120_000);

  it('events import sends a CSV file in batches: a rerun counts nothing twice; a refused row exits 1 naming its row', async () => {
    const database = await openCliDatabase();
    const promise = await database.db
      .selectFrom('promises')
      .select('id')
      .where('title', '=', 'Ответ на гарантийное обращение за 24 часа')
      .executeTakeFirstOrThrow();
    await database.close();
    const hour = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cc-events-')), 'events.csv');
    // The same instant both times: a rerun repeats the payload (a different one would be a conflict).
    const first1 = hour(1);
    writeFileSync(file, `externalId,occurredAt,value\ncli-a,${first1},5\ncli-b,${hour(2)},30\n`);
    const first = await cli(['events', 'import', '--org', 'stroydom', '--promise', promise.id, file]);
    expect([first.code, first.stdout.trim()]).toEqual([0, 'accepted 2, duplicates 0, rejected 0']);
    writeFileSync(file, `externalId,occurredAt,value\ncli-a,${first1},5\ncli-c,2020-01-01T00:00:00Z,5\n`);
    const again = await cli(['events', 'import', '--org', 'stroydom', '--promise', promise.id, file]);
    expect([again.code, again.stdout.trim()]).toEqual([1, 'accepted 0, duplicates 1, rejected 1']);
    expect(again.stderr).toContain('row 3 (cli-c): occurredAt');
  }, 60_000);

  it('import checks the file before writing: a section removed, a 5 MB title or no manifest exit 1 naming it, nothing changes', async () => {
    const exported = await cli(['export', '--org', 'stroydom']);
    expect(exported.code).toBe(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-import-'));
    const write = (name: string, edit: (file: Record<string, unknown>) => void) => {
      const file = JSON.parse(exported.stdout);
      edit(file);
      writeFileSync(path.join(dir, name), JSON.stringify(file));
      return path.join(dir, name);
    };
    const before = await counts();
    const [noSection, hugeTitle, noManifest, noManifestAllowed] = await Promise.all([
      cli(['import', write('no-section.json', (f) => delete f.proposals)]),
      cli(['import', write('huge.json', (f) => ((f.proposals as { title: string }[])[0]!.title = 'x'.repeat(5_000_000)))]),
      cli(['import', write('old.json', (f) => delete f.manifest)]),
      cli(['import', '--no-manifest', path.join(dir, 'old.json')]),
    ]);
    expect([noSection.code, noSection.stderr]).toEqual([
      1,
      expect.stringMatching(/^error: proposals: section missing: the manifest states \d+ rows\n$/),
    ]);
    expect([hugeTitle.code, hugeTitle.stderr]).toEqual([1, expect.stringMatching(/^error: proposals\.0\.title: Too big/)]);
    expect([noManifest.code, noManifest.stderr]).toEqual([1, expect.stringMatching(/^error: manifest: missing: .*--no-manifest/)]);
    // With --no-manifest the file is read (a warning says it is unchecked) and stops only at the slug already there.
    expect([noManifestAllowed.code, noManifestAllowed.stderr]).toEqual([3, expect.stringMatching(/^error: organization\.slug: /)]);
    expect(await counts()).toEqual(before);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('with CLIENTOCRACY_ERRORS=json, an error is the API error shape on stderr: the field, its code and params', async () => {
    const run = await cli(['economics', 'report', '--org', 'stroydom', '--period', '2026-13'], { CLIENTOCRACY_ERRORS: 'json' });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stderr)).toEqual({
      error: {
        code: 'validation_failed',
        message: '--period: required, a month YYYY-MM',
        fields: [{ path: 'period', code: 'invalid_date', params: {}, message: 'a month YYYY-MM' }],
      },
    });
    const missing = await cli(['economics', 'report', '--org', 'nowhere', '--period', '2026-01'], { CLIENTOCRACY_ERRORS: 'json' });
    expect([missing.code, JSON.parse(missing.stderr).error.code]).toEqual([2, 'not_found']);
  });

  it('economics report prints every team of a closed demo month as a table, CSV (minor units) or JSON; a bad month exits 1', async () => {
    const months = await cli(['economics', 'report', '--org', 'stroydom', '--period', '2026-13']);
    expect([months.code, months.stderr.trim()]).toEqual([1, 'error: --period: required, a month YYYY-MM']);
    const database = await openCliDatabase();
    const closed = await database.db
      .selectFrom('economic_periods')
      .innerJoin('organizations', 'organizations.id', 'economic_periods.org_id')
      .select('period')
      .where('organizations.slug', '=', 'stroydom')
      .where('status', '=', 'closed')
      .orderBy('period', 'desc')
      .executeTakeFirstOrThrow();
    const teams = (
      await database.db
        .selectFrom('teams')
        .innerJoin('organizations', 'organizations.id', 'teams.org_id')
        .select('teams.name')
        .where('organizations.slug', '=', 'stroydom')
        .execute()
    ).map((t) => t.name);
    await database.close();
    const table = await cli(['economics', 'report', '--org', 'stroydom', '--period', closed.period]);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toContain(`${closed.period} · closed · RUB`);
    for (const name of teams) expect(table.stdout).toContain(name);
    const csv = await cli(['economics', 'report', '--org', 'stroydom', '--period', closed.period, '--format', 'csv']);
    const [header, ...rows] = csv.stdout.trim().split('\n');
    expect(header).toBe(
      'teamName,revenueMinor,internalInMinor,internalOutMinor,nonLabourMinor,labourMinor,overheadMinor,netProfitMinor,hours,hourlyEfficiencyMinor,fulfillmentIndex,poolMinor,withheldMinor,reserveMinor',
    );
    expect(rows).toHaveLength(teams.length);
    const json = JSON.parse(
      (await cli(['economics', 'report', '--org', 'stroydom', '--period', closed.period, '--format', 'json'])).stdout,
    );
    // A closed month says when, as every answer writes an instant: ISO 8601 in UTC.
    expect(json.closed).toBe(true);
    expect(json.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // Each row agrees with the rule: net profit = revenue + in − out − non-labour − labour − overhead.
    for (const t of json.teams)
      expect(t.netProfitMinor).toBe(
        t.revenueMinor + t.internalInMinor - t.internalOutMinor - t.nonLabourMinor - t.labourMinor - t.overheadMinor,
      );
  }, 60_000);

  it('periods lock|unlock locks and unlocks a month’s member inputs; a closed month exits 3, a bad month 1, an unknown org 2', async () => {
    const lockedAt = async (period: string) => {
      const database = await openCliDatabase();
      const row = await database.db
        .selectFrom('economic_periods')
        .innerJoin('organizations', 'organizations.id', 'economic_periods.org_id')
        .select(['inputs_locked_at', 'status'])
        .where('organizations.slug', '=', 'stroydom')
        .where('period', '=', period)
        .executeTakeFirst();
      await database.close();
      return row;
    };
    const lock = await cli(['periods', 'lock', '--org', 'stroydom', '--period', '2030-01']);
    expect([lock.code, lock.stdout.trim()]).toEqual([0, 'period 2030-01: inputs locked']);
    expect((await lockedAt('2030-01'))?.inputs_locked_at).not.toBeNull();
    const unlock = await cli(['periods', 'unlock', '--org', 'stroydom', '--period', '2030-01']);
    expect([unlock.code, unlock.stdout.trim()]).toEqual([0, 'period 2030-01: inputs unlocked']);
    expect((await lockedAt('2030-01'))?.inputs_locked_at).toBeNull();

    const database = await openCliDatabase();
    const closed = await database.db
      .selectFrom('economic_periods')
      .innerJoin('organizations', 'organizations.id', 'economic_periods.org_id')
      .select('period')
      .where('organizations.slug', '=', 'stroydom')
      .where('status', '=', 'closed')
      .executeTakeFirstOrThrow();
    await database.close();
    const refused = await cli(['periods', 'lock', '--org', 'stroydom', '--period', closed.period], { CLIENTOCRACY_ERRORS: 'json' });
    expect([refused.code, JSON.parse(refused.stderr).error.code]).toEqual([3, 'period_closed']);
    expect((await lockedAt(closed.period))?.inputs_locked_at).toBeNull();
    const bad = await cli(['periods', 'lock', '--org', 'stroydom', '--period', '2030-13']);
    expect([bad.code, bad.stderr.trim()]).toEqual([1, 'error: --period: required, a month YYYY-MM']);
    const nowhere = await cli(['periods', 'unlock', '--org', 'nowhere', '--period', '2030-01']);
    expect(nowhere.code).toBe(2);
    expect((await cli(['periods', 'open', '--org', 'stroydom', '--period', '2030-01'])).code).toBe(1);
  }, 60_000);
});
