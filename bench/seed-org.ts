import { newId } from '../src/core/ids.js';
import type { Db, OrganizationsTable } from '../src/db/schema.js';
import { DUMMY_HASH } from '../src/modules/auth/password.js';
import { insertUser } from '../src/modules/auth/user.repository.js';
import { SYSTEM_ACTOR } from '../src/modules/context.js';
import { findOrgBySlug } from '../src/modules/orgs/org.repository.js';
import { createOrganization } from '../src/modules/orgs/org.service.js';

/** A benchmark's organization and its admin, made through the services at `made`. */
export async function seedBenchOrganization(
  db: Db,
  made: number,
  org: { slug: string; name: string; timeZone: string },
): Promise<{ userId: string; org: OrganizationsTable }> {
  const userId = newId();
  await insertUser(db, {
    id: userId,
    email: 'bench@example.test',
    name: 'Bench',
    password_hash: DUMMY_HASH,
    locale: null,
    created_at: made,
    updated_at: made,
  });
  await createOrganization(
    db,
    { slug: org.slug, name: org.name, kind: 'business', locale: 'en', currency: 'RUB', timeZone: org.timeZone },
    userId,
    SYSTEM_ACTOR,
    made,
  );
  const row = await findOrgBySlug(db, org.slug);
  if (!row) throw new Error(`the bench organization ${org.slug} was not made`);
  return { userId, org: row };
}
