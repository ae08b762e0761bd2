import { useCallback, useState } from 'react';
import { ApiError } from '../../shared/api/client';
import { type FormErrors, useFormErrors } from '../../shared/api/use-form-errors';
import { tk } from '../../shared/i18n';

/**
 * The server's words for a grant form's fields that the shared table does not know, because they
 * carry an amount in minor units ("wider than the granter's own cap of 15000000"): the form shows its
 * own sentence with the cap formatted as money instead.
 */
const GRANT_MESSAGES: [RegExp, string][] = [
  [/wider than the granter's own cap|set a cap of at most/i, tk('governance.grants.capTooWide')],
  [/narrowing may only lower the cap/i, tk('governance.grants.capOnlyLower')],
  [/^say why$/i, tk('governance.grants.reasonRequired')],
  [/parent grant is revoked/i, tk('governance.grants.parentRevoked')],
];

/** The translation key of a grant field message the form words itself, or null. */
export function grantMessageKey(message: string): string | null {
  for (const [pattern, key] of GRANT_MESSAGES) if (pattern.test(message)) return key;
  return null;
}

/**
 * useFormErrors for a grant form, with `render(key)` turning the messages above into the form's
 * sentence (so it can put the cap in).
 */
export function useGrantFormErrors(fields: readonly string[], render: (key: string) => string): FormErrors {
  const errors = useFormErrors(fields);
  const [keys, setKeys] = useState<Record<string, string>>({});
  const handle = useCallback(
    (error: unknown) => {
      const next: Record<string, string> = {};
      if (error instanceof ApiError) {
        for (const field of error.fields) {
          const key = grantMessageKey(field.message);
          if (key && next[field.path] === undefined) next[field.path] = key;
        }
      }
      setKeys(next);
      errors.handle(error);
    },
    [errors.handle],
  );
  const clear = useCallback(
    (field?: string) => {
      setKeys((current) => {
        if (field === undefined) return {};
        const { [field]: _removed, ...rest } = current;
        return rest;
      });
      errors.clear(field);
    },
    [errors.clear],
  );
  const errorOf = (field: string) => {
    const message = errors.errorOf(field);
    if (message === undefined) return undefined;
    const key = keys[field];
    return key ? render(key) : message;
  };
  return { errorOf, handle, clear };
}
