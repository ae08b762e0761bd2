import { ApiError } from '../../shared/api/client';

/**
 * The same error with field paths under `prefixes` shortened to the prefix (`targetIds.3` →
 * `targetIds`), so that a form showing one field for a list can place the message under it.
 */
export function collapseFieldPaths(error: unknown, prefixes: readonly string[]): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((field) => {
    const prefix = prefixes.find((p) => field.path.startsWith(`${p}.`));
    return prefix ? { ...field, path: prefix } : field;
  });
  return new ApiError(error.status, error.code, error.message, fields);
}
