import type { Db, PasswordResetsTable, Tx } from '../../db/schema.js';

export async function insertPasswordReset(tx: Tx, row: PasswordResetsTable): Promise<void> {
  await tx.insertInto('password_resets').values(row).execute();
}

/** The reset link whose secret has this hash, or undefined. */
export async function findPasswordResetByHash(db: Db, tokenHash: string): Promise<PasswordResetsTable | undefined> {
  return db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Marks the link used if it still was not (a conditional update); true when this call used it. */
export async function claimPasswordReset(tx: Tx, id: string, at: number): Promise<boolean> {
  const taken = await tx
    .updateTable('password_resets')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** Uses up every reset link of the person not used yet, so none of them works any more. */
export async function useUpPasswordResetsOf(tx: Tx, userId: string, at: number): Promise<void> {
  await tx.updateTable('password_resets').set({ used_at: at }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

/** Removes reset links that expired before `cutoff`; returns how many. */
export async function deletePasswordResetsExpiredBefore(db: Db, cutoff: number): Promise<number> {
  const result = await db.deleteFrom('password_resets').where('expires_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
