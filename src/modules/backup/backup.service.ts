import { constants, copyFileSync, existsSync, linkSync, lstatSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { AppError, conflict, fieldError } from '../../core/errors.js';
import { openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { ensurePrivateDir, restrictFiles } from '../../db/private-files.js';
import { switchToRollbackJournal } from './backup.repository.js';

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
  return new AppError('validation_failed', `${file}: ${message}`, [fieldError('FILE', 'invalid', message)]);
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

const existsError = (target: string) =>
  invalidFile(target, 'exists: a backup never overwrites a file; choose a new name or remove it first');

/**
 * Writes a consistent copy of the database at `databasePath` to `file` (0600), never over anything
 * already at that path — a file, a directory, or a symlink, dangling or not, which a write would
 * follow. Safe while the server runs: the copy is the database as one transaction saw it. The source
 * is opened read-only: the backup never writes to (or checkpoints) the database it copies.
 */
export async function backupSqlite(databasePath: string, file: string): Promise<BackupSummary> {
  const target = path.resolve(file);
  if (lstatSync(target, { throwIfNoEntry: false })) throw existsError(target);
  if (!existsSync(path.dirname(target))) throw invalidFile(target, `the directory ${path.dirname(target)} does not exist`);
  if (!existsSync(databasePath)) throw new AppError('not_found', `no database at ${databasePath} (CLIENTOCRACY_DATA_DIR) to back up`);
  // Written in a private dir beside the target, then linked into place: link() creates the name
  // exclusively, so nothing that appears at the target meanwhile is overwritten or followed.
  const staging = mkdtempSync(path.join(path.dirname(target), '.clientocracy-backup-'));
  try {
    const copyPath = path.join(staging, 'backup.sqlite');
    const source = new SQLite(databasePath, { readonly: true, fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      // All pages in one step: a step between the server's writes is one snapshot; in many small steps
      // every write by the server in between would restart the copy, and under steady ingest it might never end.
      await source.backup(copyPath, { progress: () => 0x7fffffff });
    } catch (error) {
      throw new AppError('internal', `backup to ${target} failed: ${(error as Error).message}`);
    } finally {
      source.close();
    }
    restrictFiles(copyPath);
    const copy = new SQLite(copyPath, { fileMustExist: true });
    let summary: BackupSummary;
    try {
      // One self-contained file (no -wal beside it) that opens read-only anywhere.
      copy.pragma('journal_mode = DELETE');
      summary = { ...summaryOf(copy, copyPath), file: target };
    } finally {
      copy.close();
    }
    placeExclusively(copyPath, target);
    return summary;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Gives the finished copy the name `target`, failing if anything has that name by now. */
function placeExclusively(copyPath: string, target: string): void {
  try {
    linkSync(copyPath, target);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw existsError(target);
  }
  // A file system without hard links: copy, creating the target with O_EXCL (which never follows a symlink).
  try {
    copyFileSync(copyPath, target, constants.COPYFILE_EXCL);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw existsError(target);
    throw new AppError('internal', `backup to ${target} failed: ${(error as Error).message}`);
  }
}

/** What a restore installed, and the migrations it applied to bring an older backup up to date. */
export interface RestoreSummary extends BackupSummary {
  applied: string[];
}

/**
 * Installs the backup `file` as the database at `databasePath`: only where there is no database yet,
 * or one without any organization that no other process has open (a server that has just started on
 * an empty data dir holds one). The file is checked (a SQLite database, whole, with Clientocracy's
 * tables) and migrated on a private copy beside the target, which then takes its place in one rename,
 * made while this process holds the old database exclusively.
 */
export async function restoreSqlite(file: string, databasePath: string): Promise<RestoreSummary> {
  const source = path.resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new AppError('not_found', `${source}: no such file to restore`);
  claimTarget(databasePath)?.close();
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
      await switchToRollbackJournal(database.db);
    } finally {
      await database.close();
    }
    const held = claimTarget(databasePath);
    try {
      removeDatabaseFiles(databasePath);
      renameSync(staging, databasePath);
    } finally {
      held?.close();
    }
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

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code));

/**
 * Takes the database at `databasePath` for this process alone and returns the connection holding it
 * (null when there is no database yet); refuses (conflict) one another process has open, one with any
 * organization, or something that is not a Clientocracy database.
 *
 * How "open elsewhere" is seen: in WAL mode every connection keeps a shared lock on the database file
 * for as long as it is open, idle or not. A plain `BEGIN EXCLUSIVE` does not notice it (in WAL mode it
 * only excludes other writers, and an idle server is not writing); a connection in exclusive locking
 * mode must lock the whole file before its first read, which fails at once (busy_timeout 0) while
 * any other process — a running server — has the database open.
 */
function claimTarget(databasePath: string): SQLite.Database | null {
  if (!existsSync(databasePath)) return null;
  const notEmpty = () =>
    conflict('CLIENTOCRACY_DATA_DIR', 'not_empty', `${databasePath} already holds something that is not an empty Clientocracy database`);
  let held: SQLite.Database;
  try {
    held = new SQLite(databasePath, { fileMustExist: true });
  } catch {
    throw notEmpty();
  }
  try {
    let organizations: number;
    try {
      held.pragma('busy_timeout = 0');
      held.pragma('locking_mode = EXCLUSIVE');
      held.exec('BEGIN EXCLUSIVE');
      organizations = Number((held.prepare('select count(*) as n from organizations').get() as { n: number }).n);
    } catch (error) {
      if (isBusy(error)) throw conflict('CLIENTOCRACY_DATA_DIR', 'busy', `${databasePath}: the database is in use: stop the server first`);
      throw notEmpty();
    }
    if (organizations > 0)
      throw conflict(
        'CLIENTOCRACY_DATA_DIR',
        'not_empty',
        `${databasePath} already holds a database with ${organizations} organization(s): restore into an empty data dir`,
      );
    return held;
  } catch (error) {
    held.close();
    throw error;
  }
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
