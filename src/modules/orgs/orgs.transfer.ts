import { z } from 'zod';
import { ZName, ZOrgSlug } from '../common.schema.js';
import { id, int, textOf } from '../export-columns.js';
import { exportedTable, type ModuleTables } from '../module.js';
import { LOCALES, ORG_KINDS, ZCurrency, ZTimeZone } from './org.schema.js';

/** The organization itself, one row; the migrator's own bookkeeping stays with each database. */
export const ORGS_TABLES = {
  exported: {
    organization: exportedTable({
      table: 'organizations',
      scope: 'organization',
      orderBy: ['id'],
      file: z.object({
        id,
        slug: textOf(ZOrgSlug),
        name: textOf(ZName),
        kind: z.enum(ORG_KINDS),
        locale: z.enum(LOCALES),
        currency: textOf(ZCurrency),
        time_zone: textOf(ZTimeZone),
        created_at: int,
        updated_at: int,
      }),
    }),
  },
  excluded: {
    // Kysely's own bookkeeping of which migrations ran: the target database has its own.
    kysely_migration: "the migrator's record of this database",
    kysely_migration_lock: "the migrator's lock",
  },
} as const satisfies ModuleTables;
