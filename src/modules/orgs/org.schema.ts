import { z } from 'zod';
import { ROLES } from '../../core/access/permissions.js';
import { isCurrencyCode, isTimeZone } from '../../core/org-rules.js';
import { ZName, ZOrgSlug, ZTime } from '../common.schema.js';

export const ORG_KINDS = ['business', 'government'] as const;
export const LOCALES = ['ru', 'en'] as const;

export const ZCurrency = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code such as RUB or EUR', params: { code: 'currency' } });
export const ZTimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Moscow', params: { code: 'time_zone' } });

export const ZCreateOrganization = z
  .object({
    slug: ZOrgSlug,
    name: ZName,
    kind: z.enum(ORG_KINDS),
    locale: z.enum(LOCALES),
    currency: ZCurrency,
    timeZone: ZTimeZone,
  })
  .meta({ id: 'CreateOrganization' });
export type TCreateOrganization = z.output<typeof ZCreateOrganization>;

export const ZUpdateOrganization = ZCreateOrganization.omit({ slug: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateOrganization' });
export type TUpdateOrganization = z.output<typeof ZUpdateOrganization>;

export const ZOrganization = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(ORG_KINDS),
    locale: z.enum(LOCALES),
    currency: z.string(),
    timeZone: z.string(),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .meta({ id: 'Organization' });
export type TOrganization = z.output<typeof ZOrganization>;

export const ZMyOrganization = ZOrganization.extend({ role: z.enum(ROLES) }).meta({ id: 'MyOrganization' });
