import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * Promises may come first (steps 4 before 5): an intention is a draft promise to a segment with no
 * team yet, so `promises.promiser_team_id` and the versions' copy of it become nullable. The
 * organization's answer promise belongs to the team that accepted it: `voice_settings` records when
 * and by whom the proposed answering team accepted (null: proposed, not yet owned). `promises.overrides`
 * records, as JSON, each act for the promiser team by someone not in it (an admin, the council, a
 * token), with the reason they gave.
 *
 * SQLite cannot drop a NOT NULL: the two tables are rebuilt as its documentation prescribes
 * (foreign keys off, copy, drop, rename, indexes again, foreign keys checked). Kysely runs SQLite
 * migrations outside a transaction, so the pragma takes effect; the rebuild is its own transaction.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await addOverrides(db);
  await db.schema.alterTable('voice_settings').addColumn('answer_team_accepted_at', 'bigint').execute();
  await db.schema.alterTable('voice_settings').addColumn('answer_team_accepted_by', 'text').execute();
  // Existing answer promises were owned by their team from the start: that team counts as having accepted.
  await db
    .updateTable('voice_settings')
    .set({ answer_team_accepted_at: sql`updated_at`, answer_team_accepted_by: 'proposal answers' })
    .where('answer_promise_id', 'is not', null)
    .execute();
  if (dialectOf(db) === 'postgres') {
    await db.schema
      .alterTable('promises')
      .alterColumn('promiser_team_id', (c) => c.dropNotNull())
      .execute();
    await db.schema
      .alterTable('promise_versions')
      .alterColumn('promiser_team_id', (c) => c.dropNotNull())
      .execute();
    return;
  }
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await sql`BEGIN`.execute(db);
    try {
      await dropNotNullSqlite(db, 'promises', 'promiser_team_id');
      await dropNotNullSqlite(db, 'promise_versions', 'promiser_team_id');
      const broken = await sql`PRAGMA foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error(`foreign keys broken by the rebuild: ${JSON.stringify(broken.rows.slice(0, 5))}`);
      await sql`COMMIT`.execute(db);
    } catch (error) {
      await sql`ROLLBACK`.execute(db);
      throw error;
    }
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: as above
async function dropNotNullSqlite(db: Kysely<any>, table: string, column: string): Promise<void> {
  const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = ${table}`.execute(db);
  const create = rows.find((r) => r.type === 'table')?.sql;
  if (!create) throw new Error(`no table ${table}`);
  const pattern = new RegExp(`("${column}"\\s+text)\\s+not null`, 'i');
  if (!pattern.test(create)) throw new Error(`${table}.${column} is not a NOT NULL text column: ${create}`);
  const temporary = `${table}_rebuilt`;
  const rebuilt = create.replace(pattern, '$1').replace(new RegExp(`^CREATE TABLE\\s+"?${table}"?`, 'i'), `CREATE TABLE "${temporary}"`);
  await sql.raw(rebuilt).execute(db);
  await sql.raw(`INSERT INTO "${temporary}" SELECT * FROM "${table}"`).execute(db);
  await sql.raw(`DROP TABLE "${table}"`).execute(db);
  await sql.raw(`ALTER TABLE "${temporary}" RENAME TO "${table}"`).execute(db);
  for (const index of rows.filter((r) => r.type === 'index' && r.sql)) await sql.raw(index.sql as string).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
async function addOverrides(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('promises')
    .addColumn('overrides', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}
