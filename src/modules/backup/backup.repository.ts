import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';

/**
 * Switches an SQLite database from write-ahead logging back to a rollback journal, which folds the
 * WAL into the main file: the database is one file again and can be moved by a rename.
 */
export async function switchToRollbackJournal(db: Db): Promise<void> {
  await sql`pragma journal_mode = DELETE`.execute(db);
}
