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
