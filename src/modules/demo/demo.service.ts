import { randomBytes } from 'node:crypto';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/schema.js';
import { hashPassword } from '../auth/password.js';
import { findUserByEmail, insertUser } from '../auth/user.repository.js';
import { createClient } from '../clients/client.service.js';
import type { Actor, OrgContext } from '../context.js';
import { addMembership } from '../memberships/membership.service.js';
import type { DemoSeeder, ModuleManifest } from '../module.js';
import { findOrgBySlug } from '../orgs/org.repository.js';
import { createOrganization } from '../orgs/org.service.js';
import { addTeamMember, createTeam } from '../teams/team.service.js';
import { DEMO_EMAIL, DEMO_ORGANIZATIONS, DEMO_PASSWORD, type DemoOrganization } from './demo.data.js';
import { staffByEmail } from './demo.repository.js';

const DEMO_ACTOR: Actor = { type: 'system', id: null, label: 'demo seed' };

/**
 * The demo seeders of these modules in the order they run: the registry's, except that a seeder
 * naming `after` runs right after the last seeder of that module.
 */
export function demoSeedersOf(modules: readonly ModuleManifest[]): DemoSeeder[] {
  const ordered: DemoSeeder[] = [];
  const deferred = new Map<string, DemoSeeder[]>();
  for (const module of modules) {
    for (const seeder of module.demo ?? []) {
      if (seeder.after && !modules.slice(0, modules.indexOf(module) + 1).some((m) => m.name === seeder.after))
        deferred.set(seeder.after, [...(deferred.get(seeder.after) ?? []), seeder]);
      else ordered.push(seeder);
    }
    ordered.push(...(deferred.get(module.name) ?? []));
    deferred.delete(module.name);
  }
  if (deferred.size > 0) throw new Error(`demo: seeders wait for modules that are not registered: ${[...deferred.keys()].join(', ')}`);
  return ordered;
}

/**
 * Seeds the demo organizations through the same services the API uses (so the audit log tells how
 * they were made): the foundation (people, teams, clients), then each module's part, in the
 * registry's order. Idempotent: an organization whose slug exists is left as it is.
 */
export async function seedDemoWith(
  seeders: readonly DemoSeeder[],
  db: Db,
  now: number,
  publicUrl = 'http://localhost:3000',
): Promise<string[]> {
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
    const seeded: string[] = [];
    if (!(await findOrgBySlug(db, demo.organization.slug))) {
      await seedFoundation(db, demo, demoUserId, () => ++clock);
      seeded.push('organization');
    }
    const org = (await findOrgBySlug(db, demo.organization.slug))!;
    // Module data goes only into organizations the demo made (the demo user is their admin).
    const isDemoOrg = (await staffByEmail(db, org.id)).get(DEMO_EMAIL)?.role === 'admin';
    const ctx = (): OrgContext => ({ db, org, actor: DEMO_ACTOR, now: ++clock });
    if (isDemoOrg) for (const seeder of seeders) if (await seeder.seed(ctx, { publicUrl })) seeded.push(seeder.label);
    if (seeded.length) created.push(`${org.slug} (${seeded.join(', ')})`);
  }
  return created;
}

async function seedFoundation(db: Db, demo: DemoOrganization, demoUserId: string, tick: () => number): Promise<void> {
  await createOrganization(db, demo.organization, demoUserId, DEMO_ACTOR, tick());
  const org = (await findOrgBySlug(db, demo.organization.slug))!;
  const ctx = (): OrgContext => ({ db, org, actor: DEMO_ACTOR, now: tick() });
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
}
