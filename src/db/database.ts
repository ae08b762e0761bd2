import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { AppError } from '../core/errors.js';
import { ensurePrivateDir, restrictFiles } from './private-files.js';
import type { DB, Dialect } from './schema.js';

// int8 (bigint) columns hold epoch milliseconds and counts, all well inside Number's safe range.
pg.types.setTypeParser(20, (value) => Number(value));

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded SQLite database is used. */
  databaseUrl?: string;
  /** File for SQLite, or ':memory:'. */
  sqlitePath?: string;
}

/** Opens the configured database and checks that it answers; `db_unavailable` when it does not. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, connectionTimeoutMillis: 5000 });
    // An idle client losing its connection must not crash the process.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    await ping(db, options.databaseUrl);
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = options.sqlitePath ?? ':memory:';
  if (file !== ':memory:') ensurePrivateDir(path.dirname(file));
  let database: SQLite.Database;
  try {
    database = new SQLite(file);
  } catch (error) {
    throw new AppError('db_unavailable', `cannot open SQLite database ${file}: ${(error as Error).message}`);
  }
  database.pragma('journal_mode = WAL');
  // Password hashes and personal data: the service's alone. See private-files.ts for why chmod as well as umask.
  if (file !== ':memory:') restrictFiles(file, `${file}-wal`, `${file}-shm`);
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // SQLite's lower() folds ASCII only; PostgreSQL's folds every letter. Searches lower both sides, so a
  // Cyrillic name must fold the same way on either database.
  database.function('lower', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value));
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database }) });
  sqliteHandles.set(db.getExecutor().adapter, { database, statements: new Map() });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

async function ping(db: Kysely<DB>, url: string): Promise<void> {
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new AppError('db_unavailable', `cannot reach the database at ${redact(url)}: ${(error as Error).message}`);
  }
}

/** Hides the password of a connection string before it is printed. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** The better-sqlite3 connection behind a Kysely instance, keyed by its adapter (a transaction shares it). */
const sqliteHandles = new WeakMap<object, { database: SQLite.Database; statements: Map<string, SQLite.Statement> }>();

/**
 * A prepared statement on the SQLite connection behind `db` (a Kysely instance or an open
 * transaction), prepared once and kept: for the one hot path, ingest, that runs a statement per row
 * the way a raw better-sqlite3 loop does. Only inside a Kysely transaction callback, so the
 * connection is held and every run is part of that transaction; never across an await.
 */
export function sqliteStatement(db: Pick<Kysely<DB>, 'getExecutor'>, text: string): SQLite.Statement {
  const handle = sqliteHandles.get(db.getExecutor().adapter);
  if (!handle) throw new Error('not a SQLite database opened by openDatabase');
  let statement = handle.statements.get(text);
  if (!statement) {
    statement = handle.database.prepare(text);
    handle.statements.set(text, statement);
  }
  return statement;
}

/** Which database a connection or transaction talks to, for the few statements written per dialect. */
export function dialectOf(db: Pick<Kysely<DB>, 'getExecutor'>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
