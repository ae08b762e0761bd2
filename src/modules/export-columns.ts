import { z } from 'zod';
import { ZId } from './common.schema.js';

/**
 * Column types of the export file's rows, as stored: integers (times, money), text, JSON in text.
 *
 * An import re-applies the API's limits to every column, so a file cannot bring in what the API
 * would refuse (a 5 MB proposal title). Columns a person types are checked against the API schema
 * of that field itself (`like`, `upTo`): its length, range, format and refinements, never a copy of
 * its numbers. Columns the server fills in (ids, hashes, labels, stored JSON) have their own caps below.
 */
export const int = z.number().int();
export const intOrNull = int.nullable();
export const text = z.string();
export const textOrNull = text.nullable();

/** Ids: as the API takes them (`ZId`). */
export const id = text.min(1).max(maxLengthOf(ZId));
export const idOrNull = id.nullable();

/** Text the server derives, never typed as such (hashes, labels "token:name", action names): a sanity cap. */
export const DERIVED_TEXT_MAX = 1000;
export const derived = text.max(DERIVED_TEXT_MAX);
export const derivedOrNull = derived.nullable();

/**
 * JSON the server writes whole (audit snapshots, a closed month's frozen figures): a sanity cap, well
 * above what any request can produce (the request body limit is 1 MiB by default).
 */
export const STORED_JSON_MAX = 8_000_000;
export const storedJson = text.max(STORED_JSON_MAX);

/** A text column holding JSON that must parse as `schema`: stored data the services read back. */
export const jsonOf = (schema: z.ZodType) =>
  storedJson.refine((v) => {
    try {
      return schema.safeParse(JSON.parse(v)).success;
    } catch {
      return false;
    }
  }, 'not valid JSON of the expected shape');

/**
 * A column the API schema `api` accepts as it is (length, range, format, refinements): the stored
 * value is checked, never transformed (no trimming or lower-casing on import), so the round trip
 * stays exact. Errors carry the API's own message.
 */
export function like<T extends z.ZodString | z.ZodNumber>(base: T, api: z.ZodType): T {
  return base.superRefine((value, ctx) => {
    const result = api.safeParse(value);
    if (!result.success)
      for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }) as unknown as T;
}

/** Text the API takes through `api`, stored as typed. */
export const textOf = (api: z.ZodType) => like(text, api);
/** A whole number the API takes through `api`. */
export const intOf = (api: z.ZodType) => like(int, api);
/** A number the API takes through `api`. */
export const numberOf = (api: z.ZodType) => like(z.number(), api);

/**
 * Text capped at the length `api` allows, without its other rules: for columns stored empty until
 * filled (a rationale before the decision is taken) or kept past the rule (a withdrawn reason).
 */
export const upTo = (api: z.ZodType) => text.max(maxLengthOf(api));

/** The most characters `api` (a string schema, possibly optional, nullable, defaulted or piped) allows. */
export function maxLengthOf(api: z.ZodType): number {
  let inner: z.ZodType = api;
  for (;;) {
    const def = inner.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type)) inner = def.innerType;
    else if (def.type === 'pipe' && def.in) inner = def.in;
    else break;
  }
  const max = inner instanceof z.ZodString ? inner.maxLength : null;
  // At module load: an API field losing its cap must not silently lift the import's.
  if (max === null) throw new Error('transfer: the API schema of this column has no maximum length');
  return max;
}

/** Rows ordered so that every parent comes before its children (an unknown parent counts as placed). */
export function parentsFirst<T extends { id: string; parent_id: string | null }>(rows: T[]): T[] {
  const placed = new Set<string>();
  const ordered: T[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const ready = pending.filter((r) => r.parent_id === null || placed.has(r.parent_id) || !rows.some((x) => x.id === r.parent_id));
    if (ready.length === 0) return [...ordered, ...pending];
    for (const r of ready) {
      ordered.push(r);
      placed.add(r.id);
    }
    pending = pending.filter((r) => !placed.has(r.id));
  }
  return ordered;
}
