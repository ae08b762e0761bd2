import { AppError, conflict, fieldError, notFound } from '../../core/errors.js';
import type { Db, OrganizationsTable, UsersTable } from '../../db/schema.js';
import type { ImportPeople } from '../module.js';
import { findOrgBySlug } from '../orgs/org.repository.js';
import { type ExportFormat, rowSections } from './transfer.format.js';
import { manifestOf } from './transfer.manifest.js';
import {
  exportRows,
  findUserIdByEmail,
  insertOrganizationRow,
  insertRows,
  insertUserRow,
  organizationIdExists,
  userIdExists,
} from './transfer.repository.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from './transfer.schema.js';

/**
 * The whole organization as one versioned document: every row that belongs to it — every table the
 * modules export, in the registry's order, each in a stable order of its own — so two exports of the
 * same data are equal but for `exportedAt`, with a manifest (counts per section, a hash of the
 * content) that an import checks. Includes password and token hashes (never secrets): the file is
 * an operator's backup and must be kept as such.
 */
export async function exportOrganizationWith(format: ExportFormat, db: Db, slug: string, now: number): Promise<Record<string, unknown>> {
  const organization = await findOrgBySlug(db, slug);
  if (!organization) throw notFound('organization', slug);
  const content: Record<string, unknown> = { format: EXPORT_FORMAT, version: EXPORT_VERSION };
  for (const section of format.sections) content[section.key] = await exportRows(db, organization, section.spec);
  const { format: name, version, ...data } = content;
  return { format: name, version, exportedAt: now, manifest: manifestOf(format, content), ...data };
}

/** Refuses a file whose rows name another organization than the one it carries. */
function checkOwnership(format: ExportFormat, file: Readonly<Record<string, unknown>>, orgId: string): void {
  for (const section of rowSections(format)) {
    if (section.spec.scope === 'people') continue;
    const rows = (file[section.key] ?? []) as readonly { org_id?: string }[];
    const index = rows.findIndex((row) => row.org_id !== orgId);
    if (index >= 0)
      throw new AppError('validation_failed', `${section.key}.${index}.org_id: does not match organization.id`, [
        fieldError(`${section.key}.${index}.org_id`, 'mismatch', 'does not match organization.id', { entity: 'organization' }),
      ]);
  }
}

/**
 * Imports an exported organization into this database, all or nothing. The slug must be free.
 * People are matched by e-mail: an existing account is reused (its password unchanged) and the
 * file's rows are re-pointed at it; ids of everything else are kept.
 */
export async function importOrganizationWith(
  format: ExportFormat,
  db: Db,
  file: Readonly<Record<string, unknown>>,
): Promise<{ slug: string; counts: Record<string, number> }> {
  const organization = file.organization as OrganizationsTable;
  const orgId = organization.id;
  checkOwnership(format, file, orgId);
  return db.transaction().execute(async (tx) => {
    if (await findOrgBySlug(tx, organization.slug))
      throw conflict('organization.slug', 'taken', `an organization with slug ${organization.slug} already exists`, {
        entity: 'organization',
      });
    if (await organizationIdExists(tx, orgId)) {
      throw conflict('organization.id', 'taken', `an organization with id ${orgId} already exists (imported before under another slug?)`, {
        entity: 'organization',
      });
    }
    const people = new Map<string, string>();
    const peopleSections = rowSections(format).filter((s) => s.spec.scope === 'people');
    for (const section of peopleSections) {
      for (const user of (file[section.key] ?? []) as UsersTable[]) {
        const existing = await findUserIdByEmail(tx, user.email);
        if (existing) {
          people.set(user.id, existing);
        } else {
          if (await userIdExists(tx, user.id))
            throw conflict('users.id', 'taken', `a different person already has id ${user.id}`, { entity: 'user' });
          await insertUserRow(tx, user);
          people.set(user.id, user.id);
        }
      }
    }
    await insertOrganizationRow(tx, organization);
    const mapped = importPeople(people);
    const counts: Record<string, number> = {};
    for (const section of rowSections(format)) {
      const rows = (file[section.key] ?? []) as object[];
      counts[section.key] = rows.length;
      if (section.spec.scope === 'people') continue;
      const importRows = section.spec.importRows as ((rows: object[], people: ImportPeople) => object[]) | undefined;
      await insertRows(tx, section.spec.table, importRows ? importRows(rows, mapped) : rows);
    }
    for (const rebuild of format.afterImport) await rebuild(tx, orgId, file);
    return { slug: organization.slug, counts };
  });
}

/** The file's people as the target knows them: reused accounts, or the file's own ids for new ones. */
function importPeople(people: ReadonlyMap<string, string>): ImportPeople {
  return {
    user(id) {
      const mapped = people.get(id);
      if (!mapped)
        throw new AppError('validation_failed', `user_id: ${id} is not among the file's users`, [
          fieldError('users', 'not_found', `missing user ${id}`, { entity: 'user' }),
        ]);
      return mapped;
    },
    has: (id) => people.has(id),
    // People recorded beside rows (who decided, who answered) may have left the organization since:
    // their names stay in the labels, their ids are dropped.
    person: (id) => (id === null ? null : (people.get(id) ?? null)),
    // Rows that name people without a foreign key keep an unknown id as it was.
    keep: (id) => (id === null ? null : (people.get(id) ?? id)),
  };
}
