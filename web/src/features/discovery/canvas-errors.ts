import type { FieldError } from '../../shared/api/client';
import { tk } from '../../shared/i18n';

/** What the canvas save says about a factor's promise (canvas.service.ts), by code, as translation keys. */
const BINDING_KEYS: Record<string, string> = {
  not_found: tk('canvas.binding.errors.noPromise'),
  wrong_kind: tk('canvas.binding.errors.notClient'),
  wrong_status: tk('canvas.binding.errors.retired'),
};

/** The translation key of a factor's promise error, or undefined for the shared ones (translateFieldError). */
export function canvasMessageKeyOf(field: FieldError): string | undefined {
  return /^factors\.\d+\.promiseId$/.test(field.path) && field.code ? BINDING_KEYS[field.code] : undefined;
}
