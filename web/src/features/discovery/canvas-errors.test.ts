import { describe, expect, it } from 'vitest';
import { canvasMessageKeyOf } from './canvas-errors';

describe('canvas field messages', () => {
  it('translate what the server says about a factor’s promise and leave the rest to the shared table', () => {
    expect(canvasMessageKeyOf('no promise with this id in the organization')).toBe('canvas.binding.errors.noPromise');
    expect(canvasMessageKeyOf('only a client promise can measure a canvas factor')).toBe('canvas.binding.errors.notClient');
    expect(canvasMessageKeyOf('a retired promise is no longer measured')).toBe('canvas.binding.errors.retired');
    expect(canvasMessageKeyOf('two factors have this name')).toBeUndefined();
  });
});
