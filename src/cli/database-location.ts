import path from 'node:path';
import { redact } from '../db/database.js';

/** Where the CLI reads and writes, and which setting chose it, for messages an operator can act on. */
export interface DatabaseLocation {
  /** The SQLite file, or null on PostgreSQL. */
  sqliteFile: string | null;
  /** E.g. `SQLite ./data/clientocracy.sqlite (CLIENTOCRACY_DATA_DIR)` or `PostgreSQL postgres://…@host/db (DATABASE_URL)`. */
  description: string;
}

/** A path as the operator would type it: relative to the working directory when inside it. */
function shown(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? `./${relative}` : file;
}

/**
 * The database the environment points at, read the way loadConfig does (DATABASE_URL, else
 * CLIENTOCRACY_DATA_DIR, else ./data), without creating anything.
 */
export function databaseLocation(env: NodeJS.ProcessEnv, cwd: string): DatabaseLocation {
  if (env.DATABASE_URL) return { sqliteFile: null, description: `PostgreSQL ${redact(env.DATABASE_URL)} (DATABASE_URL)` };
  const dataDir = path.resolve(cwd, env.CLIENTOCRACY_DATA_DIR || './data');
  const sqliteFile = path.join(dataDir, 'clientocracy.sqlite');
  const source = env.CLIENTOCRACY_DATA_DIR
    ? 'CLIENTOCRACY_DATA_DIR'
    : 'the default data directory; set CLIENTOCRACY_DATA_DIR or DATABASE_URL';
  return { sqliteFile, description: `SQLite ${shown(sqliteFile, cwd)} (${source})` };
}
