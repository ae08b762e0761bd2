import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/schema.js';
import { hashPassword } from '../auth/password.js';
import { countUsers, insertUser } from '../auth/user.repository.js';
import { createOrganizationIn } from '../orgs/org.service.js';
import type { TSetup } from './setup.schema.js';

/** Setup is needed while the database has no person at all (first run without the demo). */
export async function isSetupNeeded(db: Db): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

/** Creates the first organization and its admin; refused with 409 once anyone exists. */
export async function runSetup(db: Db, input: TSetup, now: number) {
  const passwordHash = await hashPassword(input.admin.password);
  return db.transaction().execute(async (tx) => {
    if ((await countUsers(tx)) > 0) throw new AppError('conflict', 'setup: this installation is already set up; sign in instead');
    const userId = newId();
    await insertUser(tx, {
      id: userId,
      email: input.admin.email,
      name: input.admin.name,
      password_hash: passwordHash,
      locale: null,
      created_at: now,
      updated_at: now,
    });
    const actor = { type: 'user' as const, id: userId, label: input.admin.email };
    const organization = await createOrganizationIn(tx, input.organization, userId, actor, now);
    return { organization, userId };
  });
}
