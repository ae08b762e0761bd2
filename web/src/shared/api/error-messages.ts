import { notifications } from '@mantine/notifications';
import { fieldErrorVars } from '../../../../src/i18n/field-error-vars';
import { i18n } from '../i18n';
import { ApiError, type FieldError } from './client';

/**
 * A field error in the interface language: `errors.<code>` with the error's params. A field error
 * without a code was made in the browser and is already translated; a code this app does not know
 * (a newer server) shows the server's message.
 */
export function translateFieldError(field: FieldError): string {
  if (!field.code) return field.message;
  const values = fieldErrorVars(field.code, field.params);
  const key = `errors.${field.code}`;
  return i18n.exists(key, values) ? i18n.t(key, values) : field.message;
}

/** A feature's own sentence for a field error: its translation key and the values it interpolates. */
export interface FieldSentence {
  key: string;
  values?: Record<string, unknown>;
}

/**
 * The same error with the fields a feature words itself put into the interface language: `sentenceOf`
 * chooses by the field's code, params and path (never by the English message) and returns undefined
 * to leave a field to `errors.<code>`. `pathOf` may move a field onto the one the form shows.
 */
export function localizeFields(
  error: unknown,
  sentenceOf: (field: FieldError) => FieldSentence | undefined,
  pathOf: (path: string) => string = (path) => path,
): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((field): FieldError => {
    const sentence = field.code ? sentenceOf(field) : undefined;
    const path = pathOf(field.path);
    // Without a code the field counts as already translated, so the shared table leaves it alone.
    return sentence ? { path, message: i18n.t(sentence.key, sentence.values) } : { ...field, path };
  });
  return new ApiError(error.status, error.code, error.message, fields);
}

/** The translated sentence for an error code, e.g. `forbidden` → "You do not have the right to do this". */
export function messageOfError(error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'internal';
  return i18n.t(`errors.codes.${code}`, { defaultValue: i18n.t('errors.codes.internal') });
}

/** Shows an error that belongs to no form field as a notification. */
export function notifyError(error: unknown): void {
  const detail = error instanceof ApiError && error.fields.length > 0 ? error.fields.map(describeField).join('; ') : undefined;
  notifications.show({
    color: 'red',
    title: messageOfError(error),
    message: detail ?? '',
    withBorder: true,
    closeButtonProps: closeLabel(),
  });
}

/** Shows a short success message. */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, withBorder: true, closeButtonProps: closeLabel() });
}

/** The notification's ✕ has a name for screen readers. */
function closeLabel(): { 'aria-label': string } {
  return { 'aria-label': i18n.t('common.close') };
}

/** A field error outside any form: the translated message alone when there is one, else path and message. */
function describeField(field: FieldError): string {
  const translated = translateFieldError(field);
  return translated === field.message ? `${field.path}: ${field.message}` : translated;
}
