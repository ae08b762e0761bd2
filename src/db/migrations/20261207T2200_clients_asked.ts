import type { Kysely } from 'kysely';

/**
 * Clients' influence binds (issue 17): a decision names the client segments it touches and the
 * segments whose advice it asks, and records why clients were not asked when the decider says so;
 * clients of an asked segment give advice through the portal (one row per client and decision);
 * the voice settings name the decision rights under which a counting client poll binds the decider.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('decisions')
    .addColumn('touches_segment_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('decisions')
    .addColumn('advice_segment_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('decisions').addColumn('clients_not_asked_reason', 'text').execute();
  await db.schema
    .createTable('decision_client_advice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('advice', 'text', (c) => c.notNull())
    .addColumn('preferred_option', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('decision_client_advice_client', ['decision_id', 'client_id'])
    .execute();
  await db.schema.createIndex('decision_client_advice_decision').on('decision_client_advice').columns(['org_id', 'decision_id']).execute();
  await db.schema
    .alterTable('voice_settings')
    .addColumn('binding_poll_right_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}
