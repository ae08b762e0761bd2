import { type FormEvent, useCallback, useRef, useState } from 'react';
import type { ZodType } from 'zod';
import { zodToAppError } from '../../../src/http/errors';
import { ApiError, type FieldError } from './api/client';
import { notifySuccess } from './api/error-messages';
import { type FormErrors, useFormErrors } from './api/use-form-errors';

/** What to do around one call; every part is optional. */
export interface MutationOptions {
  /** Shown as a success notification once the call has succeeded. */
  success?: string;
  /**
   * Sees a failure first: returns the error the form should show (the same one, or a rewritten one),
   * or `null` when it has dealt with the failure itself.
   */
  onError?: (error: unknown) => unknown;
}

export interface MutationFormOptions {
  /** Rewrites every failure before the form shows it: a feature's own wording, paths collapsed to one field. */
  mapError?: (error: unknown) => unknown;
}

export interface MutationForm extends FormErrors {
  /** True while a call runs: the submit button shows progress. */
  isBusy: boolean;
  /**
   * Runs `action` while busy. On success the form's errors are cleared and `success` is notified;
   * a failure goes through `onError`, then `mapError`, onto the form's fields (or a notification).
   * Resolves true when the action succeeded; never rejects.
   */
  run: (action: () => Promise<unknown>, options?: MutationOptions) => Promise<boolean>;
  /** A form's onSubmit: stops the browser's own submit, then runs `action`. */
  submitWith: (action: () => Promise<unknown>, options?: MutationOptions) => (event?: FormEvent) => void;
}

/** The error a form shows for fields it checked itself, shaped like the server's 422 answer. */
export function validationError(fields: FieldError[]): ApiError {
  return new ApiError(422, 'validation_failed', '', fields);
}

/**
 * Checks `input` with the schema the server validates the same request with, and throws the error the
 * server would answer, fields and wording alike, so the form shows it before any request is sent.
 * The input is checked as the server receives it, after a JSON round trip (NaN arrives as null, an
 * undefined field not at all). `where` names the field of an error on the whole input, as the route
 * does (`body`).
 */
export function validateInput(schema: ZodType, input: unknown, where = 'body'): void {
  const result = schema.safeParse(input === undefined ? undefined : JSON.parse(JSON.stringify(input)));
  if (result.success) return;
  const error = zodToAppError(result.error, where);
  throw new ApiError(422, error.code, error.message, error.fields);
}

/** What `run` needs from React, so the sequence can be followed without a component. */
export interface MutationHandlers {
  setBusy: (isBusy: boolean) => void;
  clear: () => void;
  handle: (error: unknown) => void;
  notify: (message: string) => void;
  mapError?: (error: unknown) => unknown;
}

/** Busy, call, then success (clear, notify) or failure (onError, mapError, handle); resolves true on success. */
export async function runMutation(
  handlers: MutationHandlers,
  action: () => Promise<unknown>,
  options: MutationOptions = {},
): Promise<boolean> {
  handlers.setBusy(true);
  try {
    await action();
    handlers.clear();
    if (options.success !== undefined) handlers.notify(options.success);
    return true;
  } catch (error) {
    const shown = options.onError ? await options.onError(error) : error;
    if (shown !== null) handlers.handle(handlers.mapError ? handlers.mapError(shown) : shown);
    return false;
  } finally {
    handlers.setBusy(false);
  }
}

/**
 * One form's call to the server: busy state, field errors keyed by the API's paths (`fields`; an
 * error on any other path becomes a notification) and a success notification. Client-side checks
 * throw from inside the action (`validateInput`, `validationError`) and are shown like the server's.
 */
export function useMutationForm(fields: readonly string[], options: MutationFormOptions = {}): MutationForm {
  return useMutation(useFormErrors(fields), options);
}

/** useMutationForm over errors a feature keeps its own way (e.g. a message that carries a formatted amount). */
export function useMutation(errors: FormErrors, options: MutationFormOptions = {}): MutationForm {
  const [isBusy, setBusy] = useState(false);
  // The latest mapError without making `run` change identity on every render.
  const mapError = useRef(options.mapError);
  mapError.current = options.mapError;
  const { handle, clear } = errors;

  const run = useCallback(
    (action: () => Promise<unknown>, runOptions?: MutationOptions) =>
      runMutation(
        {
          setBusy,
          clear: () => clear(),
          handle,
          notify: notifySuccess,
          mapError: (error) => (mapError.current ? mapError.current(error) : error),
        },
        action,
        runOptions,
      ),
    [handle, clear],
  );

  const submitWith = useCallback(
    (action: () => Promise<unknown>, runOptions?: MutationOptions) => (event?: FormEvent) => {
      event?.preventDefault();
      // run never rejects: a failure is shown on the form.
      void run(action, runOptions);
    },
    [run],
  );

  return { ...errors, isBusy, run, submitWith };
}
