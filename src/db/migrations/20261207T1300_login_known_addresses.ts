import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * Who is trusted at sign-in: each account's epoch, raised by a
 * password change, a password reset and "sign out everywhere else" (device cookies are signed with
 * it, so those of before stop counting; no row means epoch 0), and the addresses the account signed
 * in from successfully, with the epoch and the instant of the last success — an address is "usual"
 * for 30 days, then pruned. In the database, so every app process shares them.
 *
 * Device cookies set before carry no epoch and count no more; so that the first sign-in after the
 * upgrade is not an untrusted one for everybody, the addresses open sessions were signed in from are
 * usual from the start.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
  await db.schema
    .createTable('login_epochs')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('epoch', 'integer', notNull)
    .addColumn('changed_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createTable('login_known_addresses')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('ip', 'text', notNull)
    .addColumn('epoch', 'integer', notNull)
    .addColumn('last_success_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('login_known_addresses_pk', ['user_id', 'ip'])
    .execute();
  await db.schema.createIndex('login_known_addresses_last_success').on('login_known_addresses').column('last_success_at').execute();
  await sql`insert into login_known_addresses (user_id, ip, epoch, last_success_at)
    select user_id, ip, 0, max(created_at) from sessions where ip is not null group by user_id, ip`.execute(db);
}
