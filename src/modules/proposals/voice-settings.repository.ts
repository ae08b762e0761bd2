import { dialectOf } from '../../db/database.js';
import type { Tx, VoiceSettingsTable } from '../../db/schema.js';

/** The organization's saved voice settings, or undefined while it runs on the defaults. */
export async function findVoiceSettingsRow(tx: Tx, orgId: string): Promise<VoiceSettingsTable | undefined> {
  return tx.selectFrom('voice_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

/** Saves the settings an admin chose; the answer promise's id is not theirs to change. */
export async function saveVoiceSettings(tx: Tx, row: VoiceSettingsTable): Promise<void> {
  const { org_id: _org, answer_promise_id: _promise, ...changes } = row;
  await tx
    .insertInto('voice_settings')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet(changes))
    .execute();
}

/** Stores `defaults` unless the organization has a settings row, then holds the row until the transaction ends (PostgreSQL). */
export async function lockVoiceSettings(tx: Tx, defaults: VoiceSettingsTable): Promise<void> {
  await tx
    .insertInto('voice_settings')
    .values(defaults)
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  if (dialectOf(tx) === 'postgres')
    await tx.selectFrom('voice_settings').select('org_id').where('org_id', '=', defaults.org_id).forUpdate().execute();
}

export async function setAnswerPromiseId(tx: Tx, orgId: string, promiseId: string): Promise<void> {
  await tx.updateTable('voice_settings').set({ answer_promise_id: promiseId }).where('org_id', '=', orgId).execute();
}
