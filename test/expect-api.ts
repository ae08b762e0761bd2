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
