import { z } from 'zod';
import { ZName } from '../common.schema.js';
import { id, int, textOf, upTo } from '../export-columns.js';
import { exportedTable, type ModuleTables } from '../module.js';
import { TEAM_KINDS, ZCreateTeam } from './team.schema.js';

/** Teams and their members. */
export const TEAMS_TABLES = {
  exported: {
    teams: exportedTable({
      table: 'teams',
      orderBy: ['created_at', 'id'],
      file: z.array(
        z.object({
          id,
          org_id: id,
          name: textOf(ZName),
          kind: z.enum(TEAM_KINDS),
          purpose: upTo(ZCreateTeam.shape.purpose),
          created_at: int,
          updated_at: int,
        }),
      ),
    }),
    teamMembers: exportedTable({
      table: 'team_members',
      orderBy: ['created_at', 'id'],
      importRows: (rows, people) => rows.map((m) => ({ ...m, user_id: people.user(m.user_id) })),
      file: z.array(z.object({ id, org_id: id, team_id: id, user_id: id, created_at: int })),
    }),
  },
} as const satisfies ModuleTables;
