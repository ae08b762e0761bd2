import type { FastifyRequest } from 'fastify';
import { invalidField } from '../core/errors.js';

/** U+0000, or half of a UTF-16 surrogate pair (not text: PostgreSQL would store it as U+FFFD, SQLite as is). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** The path of the first string (or key) holding an unstorable character inside a parsed value, or null. */
function findNul(value: unknown, path: string[]): string[] | null {
  if (typeof value === 'string') return unstorable(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    if (unstorable(key)) return [...path, key];
    const found = findNul(child, [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses the NUL character anywhere in the path, query or body. PostgreSQL text cannot hold it, so
 * it would fail there as a 500 while SQLite stored it; refusing it up front keeps both databases
 * alike and the answer a 422 naming the field.
 */
export async function rejectNulCharacters(req: FastifyRequest): Promise<void> {
  for (const [where, value] of [
    ['path', req.params],
    ['query', req.query],
    ['body', req.body],
  ] as const) {
    const found = findNul(value, []);
    if (found) throw invalidField(found.length ? found.join('.') : where, 'must not contain the NUL character or a broken UTF-16 pair');
  }
}
