import { ApiError, type FieldError } from '../../shared/api/client';
import { i18n, tk } from '../../shared/i18n';

/**
 * Field messages the promises API sends, in the interface language (the shared table in
 * shared/api/error-messages.ts knows the general ones). By path first where one message serves two
 * fields ("say what the client gets" is both the statement's and the redress text's).
 */
const BY_PATH: [RegExp, RegExp, string][] = [[/^redress\.text$/, /say what the client gets/i, tk('promises.errors.redressTextRequired')]];

const MESSAGES: [RegExp, string][] = [
  [/say what the client gets/i, tk('promises.errors.statementRequired')],
  [/a compensation needs an amount/i, tk('promises.errors.amountRequired')],
  [/must be above 0|must be below 1/i, tk('promises.errors.targetRange')],
  [/no team with this id/i, tk('promises.errors.noTeam')],
  [/a team does not promise to itself/i, tk('promises.errors.notToItself')],
  [/a pain of another segment/i, tk('promises.errors.painOtherSegment')],
  [/no pain with this id/i, tk('promises.errors.noPain')],
  [/no (capability|decision right) with this id/i, tk('promises.errors.noBacking')],
  [/no promise with this id/i, tk('promises.errors.noPromise')],
  [/a client promise is made to a client segment|no segment with this id/i, tk('promises.errors.segmentRequired')],
  [/an internal promise is made to a team/i, tk('promises.errors.promiseeTeamRequired')],
  [/say why the promise may be kept without declared backing/i, tk('promises.errors.waiverReasonRequired')],
  [/only an admin may waive/i, tk('promises.errors.waiverAdminOnly')],
  [/nothing to waive/i, tk('promises.errors.nothingToWaive')],
  [/only (an internal|a client) promise/i, tk('promises.errors.wrongPromisee')],
  [/say why the terms change/i, tk('promises.errors.reasonRequired')],
  [/change at least one term/i, tk('promises.errors.nothingChanged')],
  [/^say why$/i, tk('promises.errors.reasonRequired')],
  [/say what you ask for/i, tk('promises.requests.errors.statementRequired')],
  [/a team does not ask itself/i, tk('promises.requests.errors.notToItself')],
];

function translate(field: FieldError): string | null {
  for (const [path, pattern, key] of BY_PATH) if (path.test(field.path) && pattern.test(field.message)) return i18n.t(key);
  for (const [pattern, key] of MESSAGES) if (pattern.test(field.message)) return i18n.t(key);
  return null;
}

/**
 * The same error with the promises API's field messages translated, and array items folded onto
 * their list (`painIds.2` → `painIds`), where the form shows them.
 */
export function localizePromiseError(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((field) => {
    const path = field.path.replace(/^(painIds|requiredCapabilityIds|requiredRightIds)\.\d+$/, '$1');
    return { path, message: translate(field) ?? field.message };
  });
  return new ApiError(error.status, error.code, error.message, fields);
}

/**
 * A refused backing waiver, for the reason dialog: the API's `backingWaiver` and
 * `backingWaiver.reason` fields are the dialog's `reason`.
 */
export function localizeWaiverError(error: unknown): unknown {
  const localized = localizePromiseError(error);
  if (!(localized instanceof ApiError)) return localized;
  const fields = localized.fields.map((field) => (/^backingWaiver(\.reason)?$/.test(field.path) ? { ...field, path: 'reason' } : field));
  return new ApiError(localized.status, localized.code, localized.message, fields);
}

/** "The request is already answered": someone answered it meanwhile (409 on `id`). */
export function isAlreadyAnswered(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'conflict' && /already answered/i.test(error.message);
}

/** "Only the team's members or an admin may …": the server's 403 for someone outside the promiser team. */
export function isNotPromiser(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'forbidden' && /promises only its own behaviour/i.test(error.message);
}
