import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Teams and governance (M5), second part: agreements (S3 records) and decisions taken by the advice
 * process, their reviews, and per-user in-app notifications.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
  const org = (c: ColumnDefinitionBuilder) => c.notNull().references('organizations.id');

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('owner_type', 'text', notNull)
    .addColumn('owner_id', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('driver', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('criteria', 'text', notNull)
    .addColumn('review_date', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('agreements_team').on('agreements').columns(['org_id', 'team_id']).execute();
  await db.schema.createIndex('agreements_review').on('agreements').columns(['org_id', 'status', 'review_date']).execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('right_id', 'text', (c) => c.notNull().references('decision_rights.id'))
    .addColumn('title', 'text', notNull)
    .addColumn('context', 'text', notNull)
    .addColumn('options', 'text', notNull)
    .addColumn('amount', 'bigint')
    .addColumn('advice_deadline', 'text')
    .addColumn('review_date', 'text')
    .addColumn('chosen_option', 'integer')
    .addColumn('rationale', 'text', notNull)
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_label', 'text')
    .addColumn('retired_at', 'bigint')
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_by_id', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('decisions_team').on('decisions').columns(['org_id', 'team_id']).execute();
  await db.schema.createIndex('decisions_review').on('decisions').columns(['org_id', 'review_date']).execute();

  await db.schema
    .createTable('advice_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('adviser_type', 'text', notNull)
    .addColumn('adviser_id', 'text', notNull)
    .addColumn('requested_at', 'bigint', notNull)
    .addColumn('answered_at', 'bigint')
    .addColumn('answered_by', 'text')
    .addColumn('answered_by_label', 'text')
    .addColumn('advice', 'text', notNull)
    .addColumn('preferred_option', 'integer')
    .addUniqueConstraint('advice_requests_adviser', ['decision_id', 'adviser_type', 'adviser_id'])
    .execute();
  await db.schema.createIndex('advice_requests_decision').on('advice_requests').columns(['org_id', 'decision_id']).execute();

  // Reviews of agreements and of decisions: what was concluded and when to look again.
  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('subject_type', 'text', notNull)
    .addColumn('subject_id', 'text', notNull)
    .addColumn('outcome', 'text', notNull)
    .addColumn('note', 'text', notNull)
    .addColumn('reviewed_date', 'text', notNull)
    .addColumn('next_review_date', 'text')
    .addColumn('actor_type', 'text', notNull)
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('reviews_subject').on('reviews').columns(['org_id', 'subject_type', 'subject_id']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('subject_type', 'text', notNull)
    .addColumn('subject_id', 'text', notNull)
    .addColumn('params', 'text', notNull)
    // One reminder per thing and occasion (an agreement due on a given date): a repeated sweep adds nothing.
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('read_at', 'bigint')
    .addUniqueConstraint('notifications_dedupe', ['org_id', 'user_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('notifications_inbox').on('notifications').columns(['org_id', 'user_id', 'created_at']).execute();
}
