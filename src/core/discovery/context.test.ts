import { describe, expect, it } from 'vitest';
import { contextFilling } from './context.js';

const texts = (situation: string, regulations: string, market: string, channels: string) => ({ situation, regulations, market, channels });

describe('how far a segment context is filled', () => {
  it.each([
    ['never written', null, 0, ['situation', 'regulations', 'market', 'channels']],
    ['all empty', texts('', '', '', ''), 0, ['situation', 'regulations', 'market', 'channels']],
    ['whitespace is not text', texts('  \n', '\t', ' ', ''), 0, ['situation', 'regulations', 'market', 'channels']],
    ['situation and channels', texts('Renovating a first flat', '', '', 'Phone, messenger'), 2, ['regulations', 'market']],
    ['three of four', texts('a', 'b', '', 'd'), 3, ['market']],
    ['all four', texts('a', 'b', 'c', 'd'), 4, []],
  ] as const)('%s: %i of 4 filled', (_label, input, filledCount, missing) => {
    const result = contextFilling(input);
    expect(result).toEqual({ filledCount, fieldCount: 4, isComplete: filledCount === 4, missing });
  });
});
