import { z } from 'zod';

/** Column types of the export file's rows, as stored: integers (times, money), text, JSON in text. */
export const t = z.number().int();
export const tn = t.nullable();
export const s = z.string();
export const sn = s.nullable();
/** A text column holding JSON that must parse as `schema`: stored data the services read back. */
export const jsonOf = (schema: z.ZodType) =>
  s.refine((v) => {
    try {
      return schema.safeParse(JSON.parse(v)).success;
    } catch {
      return false;
    }
  }, 'not valid JSON of the expected shape');
