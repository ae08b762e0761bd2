import { type Config, sqlitePath } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

/** Opens the configured database and applies pending migrations. */
export async function openAndMigrate(config: Config): Promise<Database> {
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqlitePath: sqlitePath(config) });
  await migrateToLatest(database.db);
  return database;
}
