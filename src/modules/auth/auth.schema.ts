import { z } from 'zod';
import { ROLES } from '../../core/access/permissions.js';
import { ZEmail, ZOrgSlug, ZPassword, ZTime } from '../common.schema.js';
import { LOCALES, ZOrganization } from '../orgs/org.schema.js';

export const ZLogin = z
  .object({
    email: ZEmail,
    password: z.string().min(1, 'must not be empty').max(200),
  })
  .meta({ id: 'Login' });
export type TLogin = z.output<typeof ZLogin>;

export const ZUser = z.object({ id: z.string(), email: z.string(), name: z.string(), locale: z.enum(LOCALES).nullable() });

export const ZMe = z
  .object({
    user: ZUser,
    organizations: z.array(
      ZOrganization.extend({
        role: z.enum(ROLES),
        lastUsedAt: ZTime.nullable().describe('when this person last opened the organization in the staff app (any browser)'),
      }),
    ),
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });

export const ZUpdateMe = z
  .object({
    locale: z.enum(LOCALES).nullable().optional().describe('the interface language; null follows the organization'),
    lastOrg: ZOrgSlug.optional().describe('the organization the person opened now (one of theirs): where they land after the next sign-in'),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'send locale or lastOrg', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateMe' });

/** Change the signed-in person's password: the current one proves it is them; the new one follows the account rules. */
export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, 'must not be empty').max(200),
    newPassword: ZPassword,
  })
  .meta({ id: 'ChangePassword' });
export type TChangePassword = z.output<typeof ZChangePassword>;

export const ZPasswordChanged = z
  .object({
    /** Sessions of this person ended by the change (every one but the one that asked). */
    endedSessions: z.number().int(),
  })
  .meta({ id: 'PasswordChanged' });

const ZInstant = z.iso.datetime().describe('ISO-8601 instant, UTC');

/** One session of the signed-in person, by its public id (never the secret or the hash the cookie is looked up by). */
export const ZSession = z
  .object({
    id: z.string(),
    createdAt: ZInstant,
    lastSeenAt: ZInstant.describe('last request made with it, to the minute'),
    expiresAt: ZInstant.describe('when it ends at the latest, however much it is used'),
    idleExpiresAt: ZInstant.describe('when it ends if it is not used before'),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    browser: z.string().nullable().describe('short name of the browser and system, e.g. "Firefox 133 · Linux"; null when unknown'),
    isCurrent: z.boolean().describe('the session this request was made with'),
  })
  .meta({ id: 'Session' });
export type TSession = z.output<typeof ZSession>;

export const ZSessionsEnded = z.object({ endedSessions: z.number().int() }).meta({ id: 'SessionsEnded' });

export const ZPasswordResetRequest = z.object({ email: ZEmail }).meta({ id: 'PasswordResetRequest' });

/** The link's secret and the new password; the secret is the `token` of the e-mailed link. */
export const ZPasswordResetConfirm = z
  .object({
    token: z.string().min(1, 'must not be empty').max(200),
    password: ZPassword,
  })
  .meta({ id: 'PasswordResetConfirm' });
export type TPasswordResetConfirm = z.output<typeof ZPasswordResetConfirm>;

export const ZAccepted = z.object({ accepted: z.literal(true) }).meta({ id: 'Accepted' });
