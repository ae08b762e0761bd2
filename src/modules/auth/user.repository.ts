import type { Tx, UsersTable } from '../../db/schema.js';

export async function findUserByEmail(tx: Tx, email: string): Promise<UsersTable | undefined> {
  return tx.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserById(tx: Tx, id: string): Promise<UsersTable | undefined> {
  return tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(tx: Tx, row: UsersTable): Promise<void> {
  await tx.insertInto('users').values(row).execute();
}

export async function countUsers(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Names of the users with these ids (a user id matches no row once the user is gone). */
export async function listUserNames(tx: Tx, ids: string[]): Promise<{ id: string; name: string }[]> {
  const rows: { id: string; name: string }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await tx
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

/** Sets a new password hash. */
export async function updateUserPassword(tx: Tx, id: string, passwordHash: string, at: number): Promise<void> {
  await tx.updateTable('users').set({ password_hash: passwordHash, updated_at: at }).where('id', '=', id).execute();
}

/** Sets the person's interface language (null follows the organization). */
export async function updateUserLocale(tx: Tx, id: string, locale: UsersTable['locale'], at: number): Promise<void> {
  await tx.updateTable('users').set({ locale, updated_at: at }).where('id', '=', id).execute();
}

/** The e-mail of a user who must exist (throws when the row is missing). */
export async function loadUserEmail(tx: Tx, id: string): Promise<string> {
  const row = await tx.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow();
  return row.email;
}
