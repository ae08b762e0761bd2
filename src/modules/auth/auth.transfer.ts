import { z } from 'zod';
import { ZEmail, ZName } from '../common.schema.js';
import { derived, id, int, textOf } from '../export-columns.js';
import { exportedTable, type ModuleTables } from '../module.js';
import { LOCALES } from '../orgs/org.schema.js';

/**
 * The organization's people travel with it (an import reuses an account with the same e-mail); their
 * sign-ins to this server do not: after an import everyone signs in again.
 */
export const AUTH_TABLES = {
  exported: {
    users: exportedTable({
      table: 'users',
      scope: 'people',
      orderBy: ['created_at', 'id'],
      file: z.array(
        z.object({
          id,
          email: textOf(ZEmail),
          name: textOf(ZName),
          password_hash: derived,
          locale: z.enum(LOCALES).nullable(),
          created_at: int,
          updated_at: int,
        }),
      ),
    }),
  },
  excluded: {
    sessions: "each person's sign-in to this server",
    password_resets: 'one-time password reset links, secrets meant for one reader',
    login_throttle: "this server's count of failed sign-ins",
    login_epochs: "each person's trusted-device epoch on this server",
    login_known_addresses: 'the addresses each person signed in from to this server',
    rate_limits: "this server's request counters",
    // Where each person last worked: a convenience of the sign-in, about people, not the organization.
    org_visits: 'when each person last opened the organization in the staff app',
  },
} as const satisfies ModuleTables;
