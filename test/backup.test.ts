/**
 * A whole installation backs up consistently while it runs. On SQLite: the
 * server ingests a stream of event batches in its own process; `clientocracy backup` runs mid-stream
 * as another process; the backup restores into an empty data dir with every batch acknowledged before
 * the backup began, counters that agree with the events, and everything else an installation holds
 * (organizations, sessions, webhooks with their secrets, notifications, the outbox, the evaluator's
 * history). On PostgreSQL the commands print the pg_dump / pg_restore instructions instead.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { pgBackupInstructions, pgRestoreInstructions, withoutPassword } from '../src/modules/backup/postgres-instructions.js';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../src/modules/demo/demo.data.js';
import { createPostgresDatabase } from './harness.js';
import { BIN, freePort, ROOT, startServeProcess, stopServeProcess } from './server-process.js';

const BATCH = 100;
/** An upper bound: the stream stops a few batches after the backup has ended. */
const BATCHES = 2000;
const WEBHOOK_SECRET = 'whsec_kept-in-the-backup';
const postgres = Boolean(process.env.DATABASE_URL);

let work: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI on `dataDir`; on SQLite never with the developer's DATABASE_URL. */
function cli(args: string[], dataDir: string, extra: Record<string, string> = {}): Promise<Run> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env = { ...inherited, CLIENTOCRACY_DATA_DIR: dataDir, ...extra };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `serve` on `dataDir`; on SQLite never with the developer's DATABASE_URL. */
function startServer(dataDir: string, port: number, extra: Record<string, string> = {}): Promise<ChildProcess> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return startServeProcess({ ...inherited, CLIENTOCRACY_DATA_DIR: dataDir, ...extra }, port);
}

const stopServer = stopServeProcess;

const modeOf = (file: string) => statSync(file).mode & 0o777;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const sqliteFile = (dataDir: string) => path.join(dataDir, 'clientocracy.sqlite');

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'clientocracy-backup-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(postgres)('backup and restore on SQLite', () => {
  const live = () => path.join(work, 'live');
  const backupFile = () => path.join(work, 'installation.backup');

  it('backs up during a stream of ingest; the restore holds every batch acknowledged before the backup began, and all the rest', async () => {
    expect((await cli(['demo'], live())).code).toBe(0);
    const token = (await cli(['token', 'create', '--org', 'stroydom', '--scopes', 'all'], live())).stdout.trim().split('\n').pop()!;
    // A webhook endpoint with its secret (paused, so nothing is sent anywhere).
    const seeded = await openDatabase({ sqlitePath: sqliteFile(live()) });
    const org = await seeded.db.selectFrom('organizations').select('id').where('slug', '=', 'stroydom').executeTakeFirstOrThrow();
    await sql`insert into webhook_endpoints (id, org_id, url, description, secret, event_types, disabled_at, created_by, created_at, updated_at)
      values ('wh-backup', ${org.id}, 'https://hooks.example.com/clientocracy', 'kept', ${WEBHOOK_SECRET}, '["promise.status_changed"]', 1, null, 1, 1)`.execute(
      seeded.db,
    );
    await seeded.close();

    const port = await freePort();
    const server = await startServer(live(), port);
    const base = `http://127.0.0.1:${port}/api/v1/orgs/stroydom`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let acknowledged = 0;
    let backupRun: Run | undefined;
    let ackedBeforeBackup = -1;
    let ackedWhenBackupEnded = -1;
    let promiseId = '';
    try {
      // A staff session, as a browser signing in makes one.
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
      const promises = (await (await fetch(`${base}/promises?kind=internal`, { headers })).json()) as {
        items: { id: string; terms: { metric: { kind: string } } }[];
      };
      promiseId = promises.items.find((p) => p.terms.metric.kind === 'ratio')!.id;
      // The files the server is writing are private too (the umask of `serve`).
      for (const file of ['', '-wal', '-shm']) expect(modeOf(`${sqliteFile(live())}${file}`)).toBe(0o600);

      const start = Date.now();
      const batchOf = (b: number) =>
        Array.from({ length: BATCH }, (_, i) => ({
          externalId: `backup-${b}-${i}`,
          occurredAt: new Date(start - 3_600_000 - (b * BATCH + i) * 1000).toISOString(),
          good: i % 10 !== 0,
        }));
      let backup: Promise<Run> | undefined;
      for (let b = 0; b < BATCHES; b++) {
        const batch = batchOf(b);
        const res = await fetch(`${base}/promises/${promiseId}/events`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ events: batch }),
        });
        expect(res.status).toBe(200);
        expect(((await res.json()) as { accepted: number }).accepted).toBe(BATCH);
        acknowledged++;
        if (acknowledged === 5) {
          ackedBeforeBackup = acknowledged;
          backup = cli(['backup', backupFile()], live()).then((run) => {
            ackedWhenBackupEnded = acknowledged;
            backupRun = run;
            return run;
          });
        }
        // Keep ingesting while the backup runs, and a few batches after it.
        if (backupRun && acknowledged >= ackedWhenBackupEnded + 3) break;
      }
      await backup;
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    expect(backupRun!.code, backupRun!.stderr).toBe(0);
    expect(backupRun!.stdout).toMatch(
      /^backed up .*installation\.backup: [\d.]+ MB \(\d+ bytes\), 3 organization\(s\), \d+ promise events/,
    );
    // The stream went on while the backup ran: it did not stop the server.
    expect(acknowledged).toBeGreaterThan(ackedWhenBackupEnded);
    expect(modeOf(backupFile())).toBe(0o600);

    const restored = path.join(work, 'restored');
    const restore = await cli(['restore', backupFile()], restored);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/^restored .*clientocracy\.sqlite: .*3 organization\(s\)/);
    expect([modeOf(restored), modeOf(sqliteFile(restored))]).toEqual([0o700, 0o600]);

    const database = await openDatabase({ sqlitePath: sqliteFile(restored) });
    try {
      const ours = await database.db
        .selectFrom('promise_events')
        .select('external_id')
        .where('promise_id', '=', promiseId)
        .where('external_id', 'like', 'backup-%')
        .execute();
      const batchesIn = new Map<number, number>();
      for (const { external_id } of ours) {
        const b = Number(external_id.split('-')[1]);
        batchesIn.set(b, (batchesIn.get(b) ?? 0) + 1);
      }
      // Every batch acknowledged before the backup began is there, whole.
      for (let b = 0; b < ackedBeforeBackup; b++) expect(batchesIn.get(b), `batch ${b}`).toBe(BATCH);
      // Batches are transactions: the backup holds whole ones, in order, and none the server had not yet received.
      expect([...batchesIn.values()].every((n) => n === BATCH)).toBe(true);
      expect([...batchesIn.keys()].sort((a, b) => a - b)).toEqual([...Array(batchesIn.size).keys()]);
      expect(batchesIn.size).toBeLessThanOrEqual(ackedWhenBackupEnded + 1);

      // The counters agree with the stored events.
      const events = await database.db
        .selectFrom('promise_events')
        .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string>('good').as('good')])
        .where('promise_id', '=', promiseId)
        .executeTakeFirstOrThrow();
      const days = await database.db
        .selectFrom('promise_counters')
        .select((eb) => [eb.fn.sum<number | string>('total').as('n'), eb.fn.sum<number | string>('good').as('good')])
        .where('promise_id', '=', promiseId)
        .where('level', '=', 86_400_000)
        .executeTakeFirstOrThrow();
      expect([Number(days.n), Number(days.good)]).toEqual([Number(events.n), Number(events.good)]);

      // Everything else of the installation came along.
      const count = async (table: 'organizations' | 'sessions' | 'notifications' | 'outbox' | 'promise_evaluations' | 'api_tokens') =>
        Number(
          (
            await database.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number | string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count('organizations')).toBe(3);
      expect(await count('sessions')).toBeGreaterThanOrEqual(1);
      expect(await count('notifications')).toBeGreaterThan(0);
      expect(await count('outbox')).toBeGreaterThan(0);
      expect(await count('promise_evaluations')).toBeGreaterThan(0);
      expect(await count('api_tokens')).toBeGreaterThan(0);
      const webhook = await database.db
        .selectFrom('webhook_endpoints')
        .select('secret')
        .where('id', '=', 'wh-backup')
        .executeTakeFirstOrThrow();
      expect(webhook.secret).toBe(WEBHOOK_SECRET);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuses to overwrite a file, to restore over an organization, and what is not a Clientocracy database', async () => {
    const existing = await cli(['backup', backupFile()], live());
    expect([existing.code, existing.stderr]).toEqual([
      1,
      `error: ${backupFile()}: exists: a backup never overwrites a file; choose a new name or remove it first\n`,
    ]);

    const over = await cli(['restore', backupFile()], live());
    expect(over.code).toBe(3);
    expect(over.stderr).toContain(`${sqliteFile(live())} already holds a database with 3 organization(s)`);

    const junk = path.join(work, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all, but long enough to look like a file of some size');
    const empty = path.join(work, 'empty');
    const notDatabase = await cli(['restore', junk], empty);
    expect(notDatabase.code).toBe(1);
    expect(notDatabase.stderr).toContain(`${junk}: not a SQLite database`);
    expect(existsSync(sqliteFile(empty))).toBe(false);

    const missing = await cli(['restore', path.join(work, 'nowhere.backup')], empty);
    expect(missing.code).toBe(2);
    const noFile = await cli(['backup'], live());
    expect([noFile.code, noFile.stderr]).toEqual([1, 'error: FILE: required: clientocracy backup FILE\n']);
  }, 60_000);

  it('refuses to restore over a database a running server has open, even one without organizations, and leaves the server working', async () => {
    // A backup to restore: an empty installation, migrated.
    const source = path.join(work, 'lock-source');
    expect((await cli(['migrate'], source)).code).toBe(0);
    const file = path.join(work, 'lock.backup');
    expect((await cli(['backup', file], source)).code).toBe(0);

    // A server freshly started on an empty data dir: no organization yet, the database open.
    const serving = path.join(work, 'lock-serving');
    const port = await freePort();
    const server = await startServer(serving, port, { CLIENTOCRACY_DEMO: '0' });
    try {
      const inode = statSync(sqliteFile(serving)).ino;
      const refused = await cli(['restore', file], serving);
      expect([refused.code, refused.stderr]).toEqual([
        3,
        `error: CLIENTOCRACY_DATA_DIR: ${sqliteFile(serving)}: the database is in use: stop the server first\n`,
      ]);
      // Its files are where they were, and it goes on reading and writing them.
      expect(statSync(sqliteFile(serving)).ino).toBe(inode);
      expect(existsSync(`${sqliteFile(serving)}-wal`)).toBe(true);
      const setup = await fetch(`http://127.0.0.1:${port}/api/v1/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          organization: { slug: 'after-refusal', name: 'After refusal', kind: 'business', locale: 'en', currency: 'EUR', timeZone: 'UTC' },
          admin: { email: 'admin@after-refusal.test', name: 'Admin', password: 'after-refusal-password' },
        }),
      });
      expect(setup.status).toBe(201);
      expect(await (await fetch(`http://127.0.0.1:${port}/api/v1/setup`)).json()).toEqual({ needed: false });
    } finally {
      await stopServer(server);
    }
    const database = await openDatabase({ sqlitePath: sqliteFile(serving) });
    try {
      const slugs = await database.db.selectFrom('organizations').select('slug').execute();
      expect(slugs).toEqual([{ slug: 'after-refusal' }]);
    } finally {
      await database.close();
    }

    // Once nothing has it open, a database without organizations is restored over.
    const empty = path.join(work, 'lock-stopped');
    expect((await cli(['migrate'], empty)).code).toBe(0);
    const restored = await cli(['restore', file], empty);
    expect(restored.code, restored.stderr).toBe(0);
  }, 60_000);

  it("reads the database it backs up without writing to it: a crashed server's -wal stays as it was", async () => {
    const dir = path.join(work, 'crashed');
    expect((await cli(['migrate'], dir)).code).toBe(0);
    // A writer that commits into the -wal (no checkpoint) and dies without closing, as a killed server would.
    const writer = spawnSync(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(process.argv[1]);
         db.pragma('journal_mode = WAL'); db.pragma('wal_autocheckpoint = 0');
         db.exec("create table crash_marker (note text); insert into crash_marker values ('in the wal only')");
         process.kill(process.pid, 'SIGKILL');`,
        sqliteFile(dir),
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(writer.signal).toBe('SIGKILL');
    const files = ['', '-wal'].map((suffix) => `${sqliteFile(dir)}${suffix}`);
    const before = files.map(sha256);

    const file = path.join(work, 'crashed.backup');
    const run = await cli(['backup', file], dir);
    expect(run.code, run.stderr).toBe(0);
    // Not checkpointed, not truncated, not deleted: the database and its -wal are byte for byte what the crash left.
    expect(files.map(sha256)).toEqual(before);
    // And the backup holds what was committed to the -wal.
    const copy = await openDatabase({ sqlitePath: file });
    try {
      expect(await sql<{ note: string }>`select note from crash_marker`.execute(copy.db)).toMatchObject({
        rows: [{ note: 'in the wal only' }],
      });
    } finally {
      await copy.close();
    }
  }, 60_000);

  it('refuses a target that is a symlink, even a dangling one, and writes nothing through it', async () => {
    const elsewhere = path.join(work, 'elsewhere.sqlite');
    const link = path.join(work, 'link.backup');
    symlinkSync(elsewhere, link);
    const run = await cli(['backup', link], live());
    expect([run.code, run.stderr]).toEqual([
      1,
      `error: ${link}: exists: a backup never overwrites a file; choose a new name or remove it first\n`,
    ]);
    expect(existsSync(elsewhere)).toBe(false);
    // No staging dir is left behind either.
    expect(readdirSync(work).filter((name) => name.startsWith('.clientocracy-backup-'))).toEqual([]);
  }, 60_000);
});

describe('the PostgreSQL commands never print a password', () => {
  it.each([
    ['postgres://cc:s3cret-pass@db.example:5432/cc', 'postgres://cc@db.example:5432/cc'],
    ['postgres://cc@db.example/cc?password=s3cret-pass', 'postgres://cc@db.example/cc'],
    [
      'postgres://cc@db.example/cc?sslmode=require&password=s3cret-pass&application_name=x',
      'postgres://cc@db.example/cc?sslmode=require&application_name=x',
    ],
    ['postgresql://cc@db.example/cc?PassWord=s3cret-pass', 'postgresql://cc@db.example/cc'],
    [
      'postgres://cc@db.example/cc?sslkey=/k.pem&sslpassword=s3cret-pass&passfile=/etc/pgpass',
      'postgres://cc@db.example/cc?sslkey=/k.pem&passfile=/etc/pgpass',
    ],
    ['postgres://cc:s3cret-pass@db.example/cc?password=s3cret-pass&password=again', 'postgres://cc@db.example/cc'],
    ['postgres://cc@db.example/cc?pass%77ord=s3cret-pass&sslmode=require', 'postgres://cc@db.example/cc?sslmode=require'],
  ])('%s → %s', (url, printed) => {
    expect(withoutPassword(url)).toEqual({ url: printed, hadPassword: true });
    for (const out of [pgBackupInstructions(url, '/b/cc.dump'), pgRestoreInstructions(url, '/b/cc.dump')]) {
      expect(out).toContain(`'${printed}'`);
      expect(out).not.toContain('s3cret');
      expect(out).toContain('the password is left out');
    }
  });

  it('leaves a URL without a password as it is', () => {
    const url = 'postgres://cc@db.example:5432/cc?sslmode=verify-full&passfile=/etc/pgpass';
    expect(withoutPassword(url)).toEqual({ url, hadPassword: false });
    expect(pgBackupInstructions(url, 'cc.dump')).not.toContain('the password is left out');
  });

  it.each([
    ['host=db.example user=cc password=s3cret-pass dbname=cc', 'host=db.example user=cc password=*** dbname=cc'],
    ["host=db.example password = 's3cret pass' dbname=cc", 'host=db.example password=*** dbname=cc'],
    ['host=db.example sslpassword=s3cret-pass dbname=cc', 'host=db.example sslpassword=*** dbname=cc'],
  ])('hides the password of a key=value string: %s', (conninfo, printed) => {
    expect(withoutPassword(conninfo)).toEqual({ url: printed, hadPassword: true });
  });
});

describe.skipIf(!postgres)('backup and restore on PostgreSQL', () => {
  it('print the pg_dump and pg_restore commands for the configured database, the password left out, and exit 0', async () => {
    const url = 'postgres://clientocracy:s3cret-pass@db.internal:5432/clientocracy';
    const backup = await cli(['backup', '/var/backups/cc.dump'], path.join(work, 'pg'), { DATABASE_URL: url });
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(
      "pg_dump --format=custom --file=/var/backups/cc.dump 'postgres://clientocracy@db.internal:5432/clientocracy'",
    );
    expect(backup.stdout).toContain(
      "pg_restore --no-owner --dbname='postgres://clientocracy@db.internal:5432/clientocracy' /var/backups/cc.dump",
    );
    expect(backup.stdout).not.toContain('s3cret');
    const restore = await cli(['restore', '/var/backups/cc.dump'], path.join(work, 'pg'), { DATABASE_URL: url });
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(
      "pg_restore --no-owner --dbname='postgres://clientocracy@db.internal:5432/clientocracy' /var/backups/cc.dump",
    );
    expect(restore.stdout).not.toContain('s3cret');
  });

  it('the printed commands work: pg_dump of one database, pg_restore into another, webhook secrets and all', async () => {
    const source = await createPostgresDatabase(process.env.DATABASE_URL!);
    const target = await createPostgresDatabase(process.env.DATABASE_URL!);
    const dir = path.join(work, 'pg-real');
    try {
      expect((await cli(['migrate'], dir, { DATABASE_URL: source.url })).code).toBe(0);
      const database = await openDatabase({ databaseUrl: source.url });
      await sql`insert into organizations (id, slug, name, kind, locale, currency, time_zone, created_at, updated_at)
        values ('org-pg', 'pg-backup', 'PG backup', 'business', 'en', 'EUR', 'UTC', 1, 1)`.execute(database.db);
      await sql`insert into webhook_endpoints (id, org_id, url, description, secret, event_types, disabled_at, created_by, created_at, updated_at)
        values ('wh-pg', 'org-pg', 'https://hooks.example.com/pg', '', ${WEBHOOK_SECRET}, '["promise.status_changed"]', 1, null, 1, 1)`.execute(
        database.db,
      );
      await database.close();
      const file = path.join(work, 'pg.dump');
      const commandIn = (out: string, tool: string) =>
        out
          .split('\n')
          .find((line) => line.startsWith(`  ${tool} `))!
          .trim();
      const shell = (line: string) => expect(spawnSync('sh', ['-c', line], { encoding: 'utf8' })).toMatchObject({ status: 0 });
      shell(commandIn((await cli(['backup', file], dir, { DATABASE_URL: source.url })).stdout, 'pg_dump'));
      shell(commandIn((await cli(['restore', file], dir, { DATABASE_URL: target.url })).stdout, 'pg_restore'));
      const restored = await openDatabase({ databaseUrl: target.url });
      try {
        const webhook = await restored.db
          .selectFrom('webhook_endpoints')
          .innerJoin('organizations', 'organizations.id', 'webhook_endpoints.org_id')
          .select(['organizations.slug', 'webhook_endpoints.secret'])
          .executeTakeFirstOrThrow();
        expect(webhook).toEqual({ slug: 'pg-backup', secret: WEBHOOK_SECRET });
      } finally {
        await restored.close();
      }
    } finally {
      await source.drop();
      await target.drop();
    }
  }, 60_000);
});
