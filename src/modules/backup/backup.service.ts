import { constants, copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { AppError, conflict } from '../../core/errors.js';
import { openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { ensurePrivateDir, restrictFiles } from '../../db/private-files.js';

/**
 * A whole installation on SQLite, backed up and restored. Copying `clientocracy.sqlite` while the
 * server writes is not a backup: acknowledged writes may still be in the -wal file, and the copy may
 * catch a page half-written. SQLite's online backup API reads one consistent snapshot through the
 * database's own locks while the server, in another process, goes on writing.
 */

/** What a backup holds, read back from the file written. */
export interface BackupSummary {
  file: string;
  bytes: number;
  organizations: number;
  events: number;
  /** The last migration applied to the data: the version of the schema. */
  migration: string | null;
}

const MIGRATIONS_TABLE = 'kysely_migration';

function invalidFile(file: string, message: string): AppError {
  return new AppError('validation_failed', `${file}: ${message}`, [{ path: 'FILE', message }]);
}

function summaryOf(database: SQLite.Database, file: string): BackupSummary {
  const count = (table: string) => Number((database.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);
  const last = database.prepare(`select name from ${MIGRATIONS_TABLE} order by name desc limit 1`).get() as { name: string } | undefined;
  return {
    file,
    bytes: statSync(file).size,
    organizations: count('organizations'),
    events: count('promise_events'),
    migration: last?.name ?? null,
  };
}

/**
 * Writes a consistent copy of the database at `databasePath` to `file` (0600), never over an
 * existing file. Safe while the server runs: the copy is the database as one transaction saw it.
 */
export async function backupSqlite(databasePath: string, file: string): Promise<BackupSummary> {
  const target = path.resolve(file);
  if (existsSync(target)) throw invalidFile(target, 'exists: a backup never overwrites a file; choose a new name or remove it first');
  if (!existsSync(path.dirname(target))) throw invalidFile(target, `the directory ${path.dirname(target)} does not exist`);
  if (!existsSync(databasePath)) throw new AppError('not_found', `no database at ${databasePath} (CLIENTOCRACY_DATA_DIR) to back up`);
  const source = new SQLite(databasePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // All pages in one step: a step between the server's writes is one snapshot; in many small steps
    // every write by the server in between would restart the copy, and under steady ingest it might never end.
    await source.backup(target, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(target, { force: true });
    throw new AppError('internal', `backup to ${target} failed: ${(error as Error).message}`);
  } finally {
    source.close();
  }
  restrictFiles(target);
  const copy = new SQLite(target, { fileMustExist: true });
  try {
    // One self-contained file (no -wal beside it) that opens read-only anywhere.
    copy.pragma('journal_mode = DELETE');
    return summaryOf(copy, target);
  } finally {
    copy.close();
  }
}

/** What a restore installed, and the migrations it applied to bring an older backup up to date. */
export interface RestoreSummary extends BackupSummary {
  applied: string[];
}

/**
 * Installs the backup `file` as the database at `databasePath`: only where there is no database yet,
 * or one without any organization. The file is checked (a SQLite database, whole, with Clientocracy's
 * tables) and migrated on a private copy beside the target, which then takes its place in one rename.
 */
export async function restoreSqlite(file: string, databasePath: string): Promise<RestoreSummary> {
  const source = path.resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new AppError('not_found', `${source}: no such file to restore`);
  refuseOccupied(databasePath);
  ensurePrivateDir(path.dirname(databasePath));
  const staging = `${databasePath}.restoring`;
  removeDatabaseFiles(staging);
  try {
    copyFileSync(source, staging, constants.COPYFILE_EXCL);
    restrictFiles(staging);
    checkClientocracyDatabase(staging, source);
    const database = await openDatabase({ sqlitePath: staging });
    let applied: string[];
    try {
      applied = await migrateToLatest(database.db).catch((error: unknown) => {
        throw invalidFile(source, `its migrations cannot be brought up to this version (${(error as Error).message})`);
      });
      // Back to one file, so the rename below moves all of it.
      await sql`pragma journal_mode = DELETE`.execute(database.db);
    } finally {
      await database.close();
    }
    refuseOccupied(databasePath);
    removeDatabaseFiles(databasePath);
    renameSync(staging, databasePath);
    const restored = new SQLite(databasePath, { fileMustExist: true });
    try {
      restored.pragma('journal_mode = WAL');
      restrictFiles(databasePath, `${databasePath}-wal`, `${databasePath}-shm`);
      return { ...summaryOf(restored, databasePath), applied };
    } finally {
      restored.close();
    }
  } finally {
    removeDatabaseFiles(staging);
  }
}

/** Refuses (conflict) a target that already holds a database with any organization, or something else. */
function refuseOccupied(databasePath: string): void {
  if (!existsSync(databasePath)) return;
  let organizations: number;
  try {
    const existing = new SQLite(databasePath, { fileMustExist: true });
    try {
      organizations = Number((existing.prepare('select count(*) as n from organizations').get() as { n: number }).n);
    } finally {
      existing.close();
    }
  } catch {
    throw conflict('CLIENTOCRACY_DATA_DIR', `${databasePath} already holds something that is not an empty Clientocracy database`);
  }
  if (organizations > 0)
    throw conflict(
      'CLIENTOCRACY_DATA_DIR',
      `${databasePath} already holds a database with ${organizations} organization(s): restore into an empty data dir`,
    );
}

/** Checks the copy is a whole SQLite database with Clientocracy's migrations table; names the original file when not. */
function checkClientocracyDatabase(copy: string, original: string): void {
  let database: SQLite.Database;
  try {
    database = new SQLite(copy, { fileMustExist: true });
  } catch (error) {
    throw invalidFile(original, `not a SQLite database (${(error as Error).message})`);
  }
  try {
    let verdict: string;
    try {
      verdict = (database.pragma('integrity_check', { simple: true }) as string) ?? '';
    } catch (error) {
      throw invalidFile(original, `not a SQLite database (${(error as Error).message})`);
    }
    if (verdict !== 'ok') throw invalidFile(original, `damaged: integrity_check says ${verdict}`);
    const tables = new Set(
      (database.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    if (!tables.has(MIGRATIONS_TABLE) || !tables.has('organizations'))
      throw invalidFile(original, 'a SQLite database, but not a Clientocracy one (no migrations table or organizations)');
  } finally {
    database.close();
  }
}

function removeDatabaseFiles(databasePath: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${databasePath}${suffix}`, { force: true });
}
