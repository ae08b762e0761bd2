import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../core/pagination.js';

// Shared pieces of the per-module schemas.

/** An organization's short name in URLs; a field that breaks it is answered with the code `slug_format`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A calendar day's shape; a field that breaks it is answered with the code `invalid_date`. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const ZId = z.string().min(1).max(64).describe('identifier');
export const ZOrgSlug = z.string().min(2).max(40).regex(SLUG_PATTERN, 'use lowercase letters, digits and single hyphens');
export const ZOrgParams = z.object({ org: ZOrgSlug });
/**
 * `{org, …}` with each named id beside it: a path parameter is named for what it identifies
 * (`/promises/:promiseId`, `/teams/:teamId/members/:userId`), the same name in every route.
 */
export function orgParamsWith<const K extends string>(...names: K[]) {
  return ZOrgParams.extend(Object.fromEntries(names.map((name) => [name, ZId])) as Record<K, typeof ZId>);
}

export const ZName = z.string().trim().min(1, 'must not be empty').max(200);
export const ZEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('must be an e-mail address'))
  .transform((value) => value.toLowerCase());
export const ZPassword = z.string().min(10, 'must be at least 10 characters').max(200);
/** A calendar day `YYYY-MM-DD` (review dates, deadlines): read in the organization's time zone. */
export const ZDate = z
  .string()
  .regex(DAY_PATTERN, 'must be a date YYYY-MM-DD')
  .refine(
    (v) => {
      // Date.parse rolls 2024-02-31 over to March: a real date survives the round trip unchanged.
      const parsed = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === v;
    },
    { message: 'not a real date', params: { code: 'invalid_date' } },
  )
  .meta({ examples: ['2027-03-01', '2027-09-01'] });
/** An instant as the API writes it: ISO 8601 in UTC with milliseconds, `2026-11-01T10:00:00.000Z`. */
export const encodeInstant = (epochMs: number): string => new Date(epochMs).toISOString();

/**
 * An instant: epoch milliseconds inside the server (what services compute and the database stores),
 * an ISO 8601 UTC string on the wire — in every answer, webhook and CLI JSON (`toWire`), and read
 * from one where a request carries it. One codec, so the OpenAPI document says `date-time`.
 */
export const ZTime = z
  .codec(z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-11-01T10:00:00Z' }), z.number().int(), {
    decode: (iso) => Date.parse(iso),
    encode: encodeInstant,
  })
  .describe('an instant, ISO 8601 in UTC')
  .meta({ examples: ['2026-11-01T10:00:00.000Z', '2026-11-03T14:30:00.000Z'] });

export const ZPageQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
export type TPageQuery = z.output<typeof ZPageQuery>;

const pages = new WeakMap<z.ZodType, z.ZodType>();

/**
 * `{items, nextCursor}`: the shape of every list endpoint. A page of a named schema is named after
 * it (`Promise` → `PromisePage`) and made once, so the OpenAPI document lists it as one component.
 */
export function ZPage<T extends z.ZodType>(item: T) {
  const known = pages.get(item);
  if (known) return known as ReturnType<typeof page<T>>;
  const id = z.globalRegistry.get(item)?.id;
  const made = id ? page(item).meta({ id: `${id}Page` }) : page(item);
  pages.set(item, made);
  return made;
}

function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last'),
  });
}

export const ZOk = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });
