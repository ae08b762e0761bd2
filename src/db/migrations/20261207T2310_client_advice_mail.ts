import type { Kysely } from 'kysely';

/**
 * Clients asked for advice hear of it once (issue 17): when a decision asks segments for advice, each
 * of their clients with a confirmed e-mail gets one e-mail through the outbox; this table records who
 * was told of which decision, so a change that asks the same client again (a segment removed and
 * added back, or another of their segments) does not e-mail twice.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('decision_advice_mails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('mailed_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('decision_advice_mails_client', ['decision_id', 'client_id'])
    .execute();
}
