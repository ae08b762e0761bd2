import { randomUUID } from 'node:crypto';
import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * Account security: sessions get a public id (what the sessions list and
 * "sign out this session" use — never the hash the cookie is looked up by), their last use (for the
 * idle timeout, written at most once a minute), the address and browser they were opened from;
 * single-use password reset links, stored hashed; and the progressive sign-in backoff per key
 * (e-mail and address, e-mail alone, trusted device), kept here so every app process shares it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

  await db.schema.alterTable('sessions').addColumn('id', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'bigint').execute();
  await db.schema.alterTable('sessions').addColumn('ip', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  // Sessions open at the upgrade keep working: each gets a public id, and its last use is its start.
  await sql`update sessions set last_seen_at = created_at`.execute(db);
  const open = await db.selectFrom('sessions').select('id_hash').execute();
  for (const row of open) {
    await db.updateTable('sessions').set({ id: randomUUID() }).where('id_hash', '=', row.id_hash).execute();
  }
  await db.schema.createIndex('sessions_public_id').unique().on('sessions').column('id').execute();
  await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // SHA-256 of the link's secret: the link itself is only in the e-mail.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('expires_at', 'bigint', notNull)
    .addColumn('used_at', 'bigint')
    .addColumn('requested_ip', 'text')
    .execute();
  await db.schema.createIndex('password_resets_user').on('password_resets').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('login_throttle')
    // `pair:<email>:<ip>`, `account:<email>` or `device:<nonce>`.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', notNull)
    .addColumn('last_failure_at', 'bigint', notNull)
    .addColumn('blocked_until', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('login_throttle_last_failure').on('login_throttle').columns(['last_failure_at']).execute();
}
