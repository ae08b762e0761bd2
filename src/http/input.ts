import type { FastifyRequest } from 'fastify';
import { AppError, fieldError, invalidField } from '../core/errors.js';

/**
 * The deepest nesting of arrays and objects a request may carry. Every schema here is at most a few
 * levels deep; 64 leaves room and keeps any later recursive step (zod, JSON.stringify) far from the
 * stack's end.
 */
export const MAX_INPUT_DEPTH = 64;

/**
 * U+0000, or half of a UTF-16 surrogate pair (not text: PostgreSQL would store it as U+FFFD, SQLite
 * as is). `isWellFormed` (Node 20, ES2024) finds a lone surrogate without a regular expression.
 */
const unstorable = (text: string) => text.includes('\u0000') || !(text as string & { isWellFormed(): boolean }).isWellFormed();

export type InputProblem = { kind: 'unstorable' | 'too_deep'; path: string[] };

interface Frame {
  value: unknown;
  /** The key or index that led here from the parent frame; '' for the root. */
  key: string;
  parent: Frame | null;
  depth: number;
}

function pathOf(frame: Frame): string[] {
  const path: string[] = [];
  for (let f: Frame | null = frame; f?.parent; f = f.parent) path.push(f.key);
  return path.reverse();
}

/**
 * The first problem inside a parsed value, or null: a string (or key) holding an unstorable
 * character, or nesting deeper than MAX_INPUT_DEPTH. Walks with its own stack — a body nested a
 * million levels deep cannot overflow the call stack — and builds the path only on a find, so a
 * clean body of 10,000 events allocates one small frame per value and no strings.
 */
export function findInputProblem(root: unknown): InputProblem | null {
  const stack: Frame[] = [{ value: root, key: '', parent: null, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { value } = frame;
    if (typeof value === 'string') {
      if (unstorable(value)) return { kind: 'unstorable', path: pathOf(frame) };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (frame.depth >= MAX_INPUT_DEPTH) return { kind: 'too_deep', path: pathOf(frame) };
    const depth = frame.depth + 1;
    // Pushed in reverse, so the first problem in document order is the one reported.
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: String(i), parent: frame, depth });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      if (unstorable(key)) return { kind: 'unstorable', path: [...pathOf(frame), key] };
      stack.push({ value: (value as Record<string, unknown>)[key], key, parent: frame, depth });
    }
  }
  return null;
}

/**
 * Refuses the NUL character anywhere in the path, query or body, and bodies nested deeper than
 * MAX_INPUT_DEPTH. PostgreSQL text cannot hold NUL, so it would fail there as a 500 while SQLite
 * stored it; refusing it up front keeps both databases alike and the answer a 422 naming the field.
 * A body nested too deep is not a body any operation takes: 400, like malformed JSON.
 */
export async function rejectUnacceptableInput(req: FastifyRequest): Promise<void> {
  for (const [where, value] of [
    ['path', req.params],
    ['query', req.query],
    ['body', req.body],
  ] as const) {
    const found = findInputProblem(value);
    if (!found) continue;
    const path = found.path.length ? found.path.join('.') : where;
    if (found.kind === 'unstorable') throw invalidField(path, 'unstorable', 'must not contain the NUL character or a broken UTF-16 pair');
    const message = `nested deeper than ${MAX_INPUT_DEPTH} levels of arrays and objects`;
    throw new AppError('invalid_json', `${where}: ${message}`, [fieldError(where, 'invalid', message, { maximumDepth: MAX_INPUT_DEPTH })]);
  }
}
