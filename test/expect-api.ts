/** Assertions on API answers shared by the feature tests: a creation, an error in the one error shape. */
import { expect } from 'vitest';
import { type Agent, errorOf, show } from './harness.js';

type Answer = Awaited<ReturnType<Agent['post']>>;

/** Expects 201 and returns the created thing. */
export async function created(res: Answer) {
  expect(res.statusCode, show(res)).toBe(201);
  return res.json();
}

/** Expects an error of `status` with `code`, naming `field` when given. */
export function expectApiError(res: Answer, status: number, code: string, field?: string) {
  expect(res.statusCode, show(res)).toBe(status);
  const error = errorOf(res);
  expect(error.code).toBe(code);
  if (field) expect(error.fields.map((f) => f.path)).toContain(field);
}

/** An instant on the wire: its exact ISO 8601 UTC form, at or after `from`, at or before `to` (epoch ms). */
export function expectInstantWithin(value: unknown, from: number, to: number) {
  expect(typeof value).toBe('string');
  const ms = Date.parse(value as string);
  expect(new Date(ms).toISOString()).toBe(value);
  expect(ms).toBeGreaterThanOrEqual(from);
  expect(ms).toBeLessThanOrEqual(to);
}
