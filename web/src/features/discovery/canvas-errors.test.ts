import { describe, expect, it } from 'vitest';
import { canvasMessageKeyOf } from './canvas-errors';

describe('canvas field messages', () => {
  it('translate what the server says about a factor’s promise and leave the rest to the shared table', () => {
    const field = (path: string, code: string, message: string) => ({ path, code, params: {}, message });
    expect(canvasMessageKeyOf(field('factors.0.promiseId', 'not_found', 'no promise with this id in the organization'))).toBe(
      'canvas.binding.errors.noPromise',
    );
    expect(canvasMessageKeyOf(field('factors.1.promiseId', 'wrong_kind', 'only a client promise can measure a canvas factor'))).toBe(
      'canvas.binding.errors.notClient',
    );
    expect(canvasMessageKeyOf(field('factors.2.promiseId', 'wrong_status', 'a retired promise is no longer measured'))).toBe(
      'canvas.binding.errors.retired',
    );
    expect(canvasMessageKeyOf(field('factors.1.name', 'taken', 'two factors have this name'))).toBeUndefined();
  });
});
