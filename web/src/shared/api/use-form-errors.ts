import { useCallback, useState } from 'react';
import { ApiError } from './client';
import { notifyError, translateFieldError } from './error-messages';

export interface FormErrors {
  /** The message for a form field, or undefined. */
  errorOf: (field: string) => string | undefined;
  /** Maps the API's `fields` onto the form's fields; anything else becomes a notification. */
  handle: (error: unknown) => void;
  clear: (field?: string) => void;
}

/**
 * Errors of one form, keyed by the API's field path (`name`, `organization.slug`). `fields` lists
 * the paths the form shows; an error on another path is shown as a notification instead.
 */
export function useFormErrors(fields: readonly string[]): FormErrors {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const known = fields.join('|');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `known` stands for `fields`
  const handle = useCallback(
    (error: unknown) => {
      const next: Record<string, string> = {};
      if (error instanceof ApiError) {
        for (const field of error.fields) {
          if (fields.includes(field.path) && next[field.path] === undefined) next[field.path] = translateFieldError(field);
        }
      }
      setErrors(next);
      if (Object.keys(next).length === 0) notifyError(error);
    },
    [known],
  );

  const clear = useCallback((field?: string) => {
    setErrors((current) => {
      if (field === undefined) return {};
      if (!(field in current)) return current;
      const { [field]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  const errorOf = useCallback((field: string) => errors[field], [errors]);
  return { errorOf, handle, clear };
}
