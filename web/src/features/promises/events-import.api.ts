import type { z } from 'zod';
import type { ZImportError, ZImportInput, ZImportPreview, ZImportResult } from '../../../../src/modules/promises/import.schema';
import { api, orgPath } from '../../shared/api/client';
import { i18n } from '../../shared/i18n';

export type ImportInput = z.input<typeof ZImportInput>;
export type ImportPreview = z.input<typeof ZImportPreview>;
export type ImportResult = z.input<typeof ZImportResult>;
export type ImportError = z.input<typeof ZImportError>;
export type ImportMapping = NonNullable<ImportInput['mapping']>;
export type ImportField = keyof ImportMapping;
export type DateFormatChoice = NonNullable<ImportInput['dateFormat']>;

export const importApi = {
  preview: (org: string, id: string, input: ImportInput) =>
    api.post<ImportPreview>(orgPath(org, 'promises', id, 'events', 'import', 'preview'), input),
  import: (org: string, id: string, input: ImportInput) => api.post<ImportResult>(orgPath(org, 'promises', id, 'events', 'import'), input),
};

/** The bytes of a file as base64, in slices (a spread of megabytes overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** An error of the import in the interface language: the row, the column, what is wrong, the cell. */
export function describeImportError(error: ImportError): string {
  const message = i18n.t(`promises.import.errors.${error.code}`);
  if (error.row === null) {
    const field = error.field ? i18n.t(`promises.import.fields.${error.field}`) : '';
    return i18n.t('promises.import.mappingError', { field, message });
  }
  // A refusal by the ingest carries its English reason in `value`: the translated code says it.
  const showValue = error.value !== '' && !['occurred_future', 'occurred_too_old', 'refused'].includes(error.code);
  return i18n.t(showValue ? 'promises.import.rowErrorValue' : 'promises.import.rowError', {
    row: error.row,
    column: error.column ?? '—',
    message: error.code === 'refused' ? `${message}: ${error.value}` : message,
    value: error.value,
  });
}
