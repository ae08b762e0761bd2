import type { Config } from '../config.js';
import type { Db, Dialect } from '../db/schema.js';

/** What the HTTP layer is built from. */
export interface AppDeps {
  db: Db;
  dialect: Dialect;
  config: Config;
}
