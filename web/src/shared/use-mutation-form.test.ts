import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZCreateTeam } from '../../../src/modules/teams/team.schema';
import { ApiError } from './api/client';
import { type MutationHandlers, runMutation, validateInput, validationError } from './use-mutation-form';

/** Handlers that write down what the form was told, in order. */
function recorder(mapError?: (error: unknown) => unknown) {
  const log: string[] = [];
  const handled: unknown[] = [];
  const handlers: MutationHandlers = {
    setBusy: (isBusy) => log.push(isBusy ? 'busy' : 'idle'),
    clear: () => log.push('clear'),
    handle: (error) => {
      log.push('handle');
      handled.push(error);
    },
    notify: (message) => log.push(`notify ${message}`),
    mapError,
  };
  return { log, handled, handlers };
}

describe('runMutation: one call of a form', () => {
  it('is busy while the call runs, then clears the old errors and says it worked', async () => {
    const { log, handlers } = recorder();
    const succeeded = await runMutation(
      handlers,
      async () => {
        log.push('call');
      },
      { success: 'Saved' },
    );
    expect(succeeded).toBe(true);
    expect(log).toEqual(['busy', 'call', 'clear', 'notify Saved', 'idle']);
  });

  it('shows a failure on the form, keeps what was typed (no clear), says nothing of success and never rejects', async () => {
    const { log, handled, handlers } = recorder();
    const failure = new ApiError(422, 'validation_failed', 'name: too long', [{ path: 'name', message: 'Too big' }]);
    const succeeded = await runMutation(
      handlers,
      async () => {
        throw failure;
      },
      { success: 'Saved' },
    );
    expect(succeeded).toBe(false);
    expect(log).toEqual(['busy', 'handle', 'idle']);
    expect(handled).toEqual([failure]);
  });

  it('lets the caller see a failure first: rewrite it, or deal with it and show nothing', async () => {
    const rewritten = recorder();
    await runMutation(rewritten.handlers, () => Promise.reject(new Error('raw')), {
      onError: async (error) => new Error(`seen ${(error as Error).message}`),
    });
    expect((rewritten.handled[0] as Error).message).toBe('seen raw');

    const dealtWith = recorder();
    await runMutation(dealtWith.handlers, () => Promise.reject(new Error('raw')), { onError: () => null });
    expect(dealtWith.log).toEqual(['busy', 'idle']);
  });

  it('passes every failure through the form’s own mapping, after onError', async () => {
    const { handled, handlers } = recorder((error) => `mapped ${(error as Error).message}`);
    await runMutation(handlers, () => Promise.reject(new Error('raw')), { onError: () => new Error('seen') });
    expect(handled).toEqual(['mapped seen']);
  });
});

describe('client-side checks look like the server’s answer', () => {
  it('a team without a name fails with the same 422, path and message the route gives', () => {
    let thrown: unknown;
    try {
      validateInput(ZCreateTeam, { name: '', kind: 'autonomous' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    const error = thrown as ApiError;
    expect(error.status).toBe(422);
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((field) => field.path)).toEqual(['name']);
    expect(error.message.startsWith('name: ')).toBe(true);
  });

  it('a valid input passes without a word; an error on the whole input is named by `where`', () => {
    expect(() => validateInput(ZCreateTeam, { name: 'Склад', kind: 'council', purpose: 'Отгрузки' })).not.toThrow();
    try {
      validateInput(ZCreateTeam, 'not an object');
      expect.unreachable();
    } catch (error) {
      expect((error as ApiError).fields[0]?.path).toBe('body');
    }
  });

  it('checks what the server receives: a number that is not one arrives as null', () => {
    expect(() => validateInput(z.object({ size: z.number().nullable() }), { size: Number.NaN })).not.toThrow();
    expect(() => validateInput(z.object({ size: z.number() }), { size: Number.NaN })).toThrow(ApiError);
  });

  it('a check the schema cannot express is shaped the same way', () => {
    const error = validationError([{ path: 'amountMinor', message: 'Must be positive' }]);
    expect(error).toMatchObject({ status: 422, code: 'validation_failed', fields: [{ path: 'amountMinor', message: 'Must be positive' }] });
  });
});
