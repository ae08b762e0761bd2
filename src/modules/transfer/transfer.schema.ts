import { z } from 'zod';

/** The versioned export format of one whole organization: database rows, as stored. */
export const EXPORT_FORMAT = 'clientocracy.organization';
export const EXPORT_VERSION = 1;

const t = z.number().int();
const tn = t.nullable();
const s = z.string();
const sn = s.nullable();

export const ZExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: t,
  organization: z.object({
    id: s,
    slug: s,
    name: s,
    kind: z.enum(['business', 'government']),
    locale: z.enum(['ru', 'en']),
    currency: s,
    time_zone: s,
    created_at: t,
    updated_at: t,
  }),
  users: z.array(z.object({ id: s, email: s, name: s, password_hash: s, locale: sn, created_at: t, updated_at: t })),
  memberships: z.array(
    z.object({ id: s, org_id: s, user_id: s, role: z.enum(['admin', 'council', 'member', 'viewer']), created_at: t, updated_at: t }),
  ),
  teams: z.array(
    z.object({ id: s, org_id: s, name: s, kind: z.enum(['autonomous', 'council']), purpose: s, created_at: t, updated_at: t }),
  ),
  teamMembers: z.array(z.object({ id: s, org_id: s, team_id: s, user_id: s, created_at: t })),
  clients: z.array(z.object({ id: s, org_id: s, name: s, email: sn, external_id: sn, created_at: t, updated_at: t })),
  clientInvitations: z.array(
    z.object({ id: s, org_id: s, client_id: s, token_hash: s, created_by: sn, created_at: t, expires_at: t, used_at: tn, revoked_at: tn }),
  ),
  apiTokens: z.array(
    z.object({
      id: s,
      org_id: s,
      name: s,
      prefix: s,
      token_hash: s,
      scopes: s,
      created_by: sn,
      created_at: t,
      last_used_at: tn,
      revoked_at: tn,
    }),
  ),
  audit: z.array(
    z.object({
      id: s,
      org_id: s,
      at: t,
      actor_type: z.enum(['user', 'token', 'client', 'system']),
      actor_id: sn,
      actor_label: s,
      action: s,
      entity_type: s,
      entity_id: s,
      before_json: sn,
      after_json: sn,
    }),
  ),
});
export type TExportFile = z.output<typeof ZExportFile>;
