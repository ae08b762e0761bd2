import { useCallback, useRef } from 'react';
import type { FieldError } from '../../shared/api/client';
import { type FieldSentence, localizeFields } from '../../shared/api/error-messages';
import { type FormErrors, useFormErrors } from '../../shared/api/use-form-errors';
import { tk } from '../../shared/i18n';

/**
 * A grant form's own sentence for a field error, by code and field: a cap above the limit names the
 * limit the server sends in `params.maximum` (minor units), formatted as money — the granter's own
 * cap (`limit: 'granter'`) or the grant's current one (`limit: 'current'`).
 */
function grantSentenceOf(field: FieldError, money: (minor: number) => string): FieldSentence | undefined {
  const params = field.params ?? {};
  const cap = typeof params.maximum === 'number' ? money(params.maximum) : '';
  if (field.code === 'too_big' && field.path === 'limits.spendingCap') {
    if (params.limit === 'granter') return { key: tk('governance.grants.capTooWide'), values: { cap } };
    if (params.limit === 'current') return { key: tk('governance.grants.capOnlyLower'), values: { cap } };
  }
  if (field.code === 'required' && field.path === 'reason') return { key: tk('governance.grants.reasonRequired') };
  if (field.code === 'wrong_status' && field.path === 'parentGrantId') return { key: tk('governance.grants.parentRevoked') };
  return undefined;
}

/** The same error with the grant API's field errors in the form's words; `money` formats a cap. */
export function localizeGrantError(error: unknown, money: (minor: number) => string): unknown {
  return localizeFields(error, (field) => grantSentenceOf(field, money));
}

/** useFormErrors for a grant form: its fields in the form's own words (see grantSentenceOf). */
export function useGrantFormErrors(fields: readonly string[], money: (minor: number) => string = String): FormErrors {
  const errors = useFormErrors(fields);
  // The latest formatter without giving `handle` a new identity on every render.
  const format = useRef(money);
  format.current = money;
  const handle = useCallback((error: unknown) => errors.handle(localizeGrantError(error, format.current)), [errors.handle]);
  return { ...errors, handle };
}
