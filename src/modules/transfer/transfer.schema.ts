import { z } from 'zod';
import { ROLES } from '../../core/access/permissions.js';
import { ZCreateClient } from '../clients/client.schema.js';
import { ZEmail, ZName, ZOrgSlug } from '../common.schema.js';
import { LOCALES, ORG_KINDS, ZCurrency, ZTimeZone } from '../orgs/org.schema.js';
import { TEAM_KINDS, ZCreateTeam } from '../teams/team.schema.js';
import { ZCreateToken } from '../tokens/token.schema.js';
import { derived, derivedn, id, idn, jsonOf, storedJson, t, textOf, tn, upTo } from './transfer.columns.js';
import { DISCOVERY_EXPORT } from './transfer.discovery.schema.js';
import { ECONOMICS_EXPORT } from './transfer.economics.schema.js';
import { GOVERNANCE_EXPORT } from './transfer.governance.schema.js';
import { PROMISES_EXPORT } from './transfer.promises.schema.js';
import { VOICE_EXPORT } from './transfer.voice.schema.js';

/** The versioned export format of one whole organization: database rows, as stored. */
export const EXPORT_FORMAT = 'clientocracy.organization';
/**
 * The version an export writes. A version adds sections; an import reads every version so far:
 * - 1: everything up to the audit log (files written before client voice or before the manifest are
 *   version 1 as well: their missing sections are empty, allowed only with `--no-manifest`);
 * - 2: adds `promiseRequests`.
 * A file of an older version must not carry a newer section, and its manifest states exactly the
 * sections of its version; the sections it lacks import as empty.
 */
export const EXPORT_VERSION = 2;
export const EXPORT_VERSIONS = [1, 2] as const;

/** The version each section appeared in; a section not listed is in every version. */
export const SECTION_SINCE: Readonly<Record<string, number>> = { promiseRequests: 2 };

/**
 * What the file says it holds: the rows of every section and a SHA-256 of its content (see
 * transfer.manifest.ts for exactly what is hashed). Files written before the manifest have none.
 */
export const ZManifest = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
  counts: z.record(z.string(), z.number().int().min(0)),
});
export type TManifest = z.output<typeof ZManifest>;

const email = textOf(ZEmail);

export const ZExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSIONS),
  exportedAt: t,
  manifest: ZManifest.optional(),
  organization: z.object({
    id,
    slug: textOf(ZOrgSlug),
    name: textOf(ZName),
    kind: z.enum(ORG_KINDS),
    locale: z.enum(LOCALES),
    currency: textOf(ZCurrency),
    time_zone: textOf(ZTimeZone),
    created_at: t,
    updated_at: t,
  }),
  users: z.array(
    z.object({ id, email, name: textOf(ZName), password_hash: derived, locale: z.enum(LOCALES).nullable(), created_at: t, updated_at: t }),
  ),
  memberships: z.array(z.object({ id, org_id: id, user_id: id, role: z.enum(ROLES), created_at: t, updated_at: t })),
  teams: z.array(
    z.object({
      id,
      org_id: id,
      name: textOf(ZName),
      kind: z.enum(TEAM_KINDS),
      purpose: upTo(ZCreateTeam.shape.purpose),
      created_at: t,
      updated_at: t,
    }),
  ),
  teamMembers: z.array(z.object({ id, org_id: id, team_id: id, user_id: id, created_at: t })),
  clients: z.array(
    z.object({
      id,
      org_id: id,
      name: textOf(ZName),
      email: email.nullable(),
      external_id: textOf(ZCreateClient.shape.externalId).nullable(),
      // Files written before client voice have neither: as the migration fills them in.
      email_confirmed_at: tn.default(null),
      origin: z.enum(['staff', 'self']).default('staff'),
      created_at: t,
      updated_at: t,
    }),
  ),
  clientInvitations: z.array(
    z.object({
      id,
      org_id: id,
      client_id: id,
      token_hash: derived,
      // Files written before client voice have neither: as the migration fills them in.
      purpose: z.enum(['invite', 'confirm', 'sign_in']).default('invite'),
      sent_to: email.nullable().default(null),
      created_by: idn,
      created_at: t,
      expires_at: t,
      used_at: tn,
      revoked_at: tn,
    }),
  ),
  apiTokens: z.array(
    z.object({
      id,
      org_id: id,
      name: textOf(ZName),
      prefix: derived,
      token_hash: derived,
      scopes: jsonOf(ZCreateToken.shape.scopes),
      created_by: idn,
      created_at: t,
      last_used_at: tn,
      revoked_at: tn,
    }),
  ),
  ...DISCOVERY_EXPORT,
  ...GOVERNANCE_EXPORT,
  ...PROMISES_EXPORT,
  ...ECONOMICS_EXPORT,
  ...VOICE_EXPORT,
  audit: z.array(
    z.object({
      id,
      org_id: id,
      at: t,
      actor_type: z.enum(['user', 'token', 'client', 'system']),
      actor_id: derivedn,
      actor_label: derived,
      action: derived,
      entity_type: derived,
      entity_id: derived,
      before_json: storedJson.nullable(),
      after_json: storedJson.nullable(),
    }),
  ),
});
export type TExportFile = z.output<typeof ZExportFile>;
