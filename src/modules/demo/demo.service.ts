import { randomBytes } from 'node:crypto';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/schema.js';
import { hashPassword } from '../auth/password.js';
import { findUserByEmail, insertUser } from '../auth/user.repository.js';
import { createClient } from '../clients/client.service.js';
import type { Actor, OrgContext } from '../context.js';
import { addMembership } from '../memberships/membership.service.js';
import { findOrgBySlug } from '../orgs/org.repository.js';
import { createOrganization } from '../orgs/org.service.js';
import { addTeamMember, createTeam } from '../teams/team.service.js';
import { DEMO_EMAIL, DEMO_ORGANIZATIONS, DEMO_PASSWORD } from './demo.data.js';

const DEMO_ACTOR: Actor = { type: 'system', id: null, label: 'demo seed' };

/**
 * Seeds the demo organizations through the same services the API uses (so the audit log tells how
 * they were made). Idempotent: an organization whose slug exists is left as it is.
 */
export async function seedDemo(db: Db, now: number): Promise<string[]> {
  const created: string[] = [];
  let demoUser = await findUserByEmail(db, DEMO_EMAIL);
  if (!demoUser) {
    await insertUser(db, {
      id: newId(),
      email: DEMO_EMAIL,
      name: 'Demo Admin',
      password_hash: await hashPassword(DEMO_PASSWORD),
      locale: null,
      created_at: now,
      updated_at: now,
    });
    demoUser = await findUserByEmail(db, DEMO_EMAIL);
  }
  const demoUserId = (demoUser as { id: string }).id;
  // One millisecond per record keeps the lists in the order the demo describes them.
  let clock = now;
  for (const demo of DEMO_ORGANIZATIONS) {
    if (await findOrgBySlug(db, demo.organization.slug)) continue;
    await createOrganization(db, demo.organization, demoUserId, DEMO_ACTOR, ++clock);
    const org = (await findOrgBySlug(db, demo.organization.slug))!;
    const ctx = (): OrgContext => ({ db, org, actor: DEMO_ACTOR, now: ++clock });
    const userIds = new Map<string, string>([[DEMO_EMAIL, demoUserId]]);
    for (const person of demo.people) {
      // Demo staff cannot sign in: their passwords are random and never shown.
      const existing = await findUserByEmail(db, person.email);
      const m = await addMembership(
        ctx(),
        existing ? { email: person.email, role: person.role } : { ...person, password: randomBytes(18).toString('base64url') },
      );
      userIds.set(person.email, m.userId);
    }
    for (const team of demo.teams) {
      const created = await createTeam(ctx(), { name: team.name, kind: team.kind, purpose: team.purpose });
      for (const email of team.members) await addTeamMember(ctx(), created.id, userIds.get(email) as string);
    }
    for (const client of demo.clients) await createClient(ctx(), client);
    created.push(org.slug);
  }
  return created;
}
