import type { FastifyRequest } from 'fastify';
import { invalidField } from '../core/errors.js';

/** The path of the first string (or key) holding U+0000 inside a parsed value, or null. */
function findNul(value: unknown, path: string[]): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
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
    if (found) throw invalidField(found.length ? found.join('.') : where, 'must not contain the NUL character');
  }
}
