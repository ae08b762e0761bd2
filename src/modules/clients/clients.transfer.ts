import { z } from 'zod';
import { ZEmail, ZName } from '../common.schema.js';
import { derived, id, idOrNull, int, intOrNull, textOf } from '../export-columns.js';
import { exportedTable, type ModuleTables } from '../module.js';
import { ZCreateClient } from './client.schema.js';

const email = textOf(ZEmail);

/** The organization's clients and the links they were invited with; their portal sign-ins stay on this server. */
export const CLIENTS_TABLES = {
  exported: {
    clients: exportedTable({
      table: 'clients',
      orderBy: ['created_at', 'id'],
      file: z.array(
        z.object({
          id,
          org_id: id,
          name: textOf(ZName),
          email: email.nullable(),
          external_id: textOf(ZCreateClient.shape.externalId).nullable(),
          // Files written before client voice have neither: as the migration fills them in.
          email_confirmed_at: intOrNull.default(null),
          origin: z.enum(['staff', 'self']).default('staff'),
          created_at: int,
          updated_at: int,
        }),
      ),
    }),
    clientInvitations: exportedTable({
      table: 'client_invitations',
      orderBy: ['created_at', 'id'],
      file: z.array(
        z.object({
          id,
          org_id: id,
          client_id: id,
          token_hash: derived,
          // Files written before client voice have neither: as the migration fills them in.
          purpose: z.enum(['invite', 'confirm', 'sign_in']).default('invite'),
          sent_to: email.nullable().default(null),
          created_by: idOrNull,
          created_at: int,
          expires_at: int,
          used_at: intOrNull,
          revoked_at: intOrNull,
        }),
      ),
    }),
  },
  excluded: {
    client_sessions: "each client's sign-in to this server's portal",
  },
} as const satisfies ModuleTables;
