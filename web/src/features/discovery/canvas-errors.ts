import { tk } from '../../shared/i18n';

/** The messages the canvas save sends about a factor's promise (canvas.service.ts), as translation keys. */
const BINDING_MESSAGES: [RegExp, string][] = [
  [/no promise with this id/i, tk('canvas.binding.errors.noPromise')],
  [/only a client promise/i, tk('canvas.binding.errors.notClient')],
  [/retired promise/i, tk('canvas.binding.errors.retired')],
];

/** The translation key of a canvas-only field message, or undefined for the shared ones (translateFieldMessage). */
export function canvasMessageKeyOf(message: string): string | undefined {
  return BINDING_MESSAGES.find(([pattern]) => pattern.test(message))?.[1];
}
