import type { Kysely } from 'kysely';

/**
 * Backing waivers: a client promise publishes only
 * when it declares at least one capability and one decision right its team holds — or an admin
 * records a waiver with a reason, shown on the promise as "backing waived". The columns hold why,
 * by whom and when. The organization's own answer promise (made by the system, kept by the
 * answering team) carries a system waiver: existing ones get it here, in the organization's language.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('promises').addColumn('backing_waiver_reason', 'text').execute();
  await db.schema.alterTable('promises').addColumn('backing_waived_by', 'text').execute();
  await db.schema.alterTable('promises').addColumn('backing_waived_at', 'bigint').execute();
  const answers = await db
    .selectFrom('voice_settings')
    .innerJoin('promises', 'promises.id', 'voice_settings.answer_promise_id')
    .innerJoin('organizations', 'organizations.id', 'promises.org_id')
    .select(['promises.id as id', 'promises.published_at as publishedAt', 'organizations.locale as locale'])
    .where('promises.published_at', 'is not', null)
    .execute();
  for (const a of answers) {
    await db
      .updateTable('promises')
      .set({
        backing_waiver_reason: a.locale === 'ru' ? REASON_RU : REASON_EN,
        backing_waived_by: 'proposal answers',
        backing_waived_at: a.publishedAt,
      })
      .where('id', '=', a.id)
      .execute();
  }
}

// The words the answer service writes today (`voiceProposals.answerPromise.waiver`), as they were.
const REASON_EN =
  "The organization's own promise to answer client proposals: made by the system and kept by the team that answers proposals.";
const REASON_RU =
  'Собственное обещание организации отвечать на предложения клиентов: создано системой, его держит команда, отвечающая на предложения.';
