import { z } from 'zod';
import { ROLES } from '../../core/access/permissions.js';
import { id, int } from '../export-columns.js';
import { exportedTable, type ModuleTables } from '../module.js';

/** Who belongs to the organization, and in which role; each points at a reused account after an import. */
export const MEMBERSHIPS_TABLES = {
  exported: {
    memberships: exportedTable({
      table: 'memberships',
      orderBy: ['created_at', 'id'],
      importRows: (rows, people) => rows.map((m) => ({ ...m, user_id: people.user(m.user_id) })),
      file: z.array(z.object({ id, org_id: id, user_id: id, role: z.enum(ROLES), created_at: int, updated_at: int })),
    }),
  },
} as const satisfies ModuleTables;
