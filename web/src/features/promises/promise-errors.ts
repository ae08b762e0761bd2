import { ApiError, type FieldError } from '../../shared/api/client';
import { type FieldSentence, localizeFields } from '../../shared/api/error-messages';
import { tk } from '../../shared/i18n';

/** Who a form speaks for: a promise's own fields, or a request that asks a team for one (or is declined). */
export type PromiseSubject = 'promise' | 'request';

/** Item paths the promise form shows on their list (`painIds.2` → `painIds`). */
const LIST_ITEM = /^(painIds|requiredCapabilityIds|requiredRightIds)\.\d+$/;

/**
 * The promises API's field errors the forms word themselves, by code and by the field it is on (the
 * shared `errors.<code>` says the rest): "required" on the statement asks for the promise's words,
 * on a request's statement for what is asked.
 */
function promiseKeyOf(field: FieldError, subject: PromiseSubject): string | undefined {
  const { path, code } = field;
  const list = path.replace(/\.\d+$/, '');
  const entity = field.params?.entity;
  switch (code) {
    case 'required':
      if (path === 'statement')
        return subject === 'request' ? tk('promises.requests.errors.statementRequired') : tk('promises.errors.statementRequired');
      if (path === 'redress.text') return tk('promises.errors.redressTextRequired');
      if (path === 'redress.amount' || path === 'amount') return tk('promises.errors.amountRequired');
      if (path === 'promiseeSegmentId') return tk('promises.errors.segmentRequired');
      if (path === 'promiseeTeamId') return tk('promises.errors.promiseeTeamRequired');
      if (path === 'backingWaiver.reason') return tk('promises.errors.waiverReasonRequired');
      if (path === 'reason')
        return subject === 'request' ? tk('promises.requests.errors.reasonRequired') : tk('promises.errors.reasonRequired');
      return undefined;
    case 'too_small':
    case 'too_big':
      return path === 'target' ? tk('promises.errors.targetRange') : undefined;
    case 'not_found':
      if (entity === 'team') return tk('promises.errors.noTeam');
      if (entity === 'pain') return tk('promises.errors.noPain');
      if (entity === 'capability' || entity === 'right') return tk('promises.errors.noBacking');
      if (entity === 'promise') return tk('promises.errors.noPromise');
      if (entity === 'segment') return tk('promises.errors.segmentRequired');
      return undefined;
    case 'self_reference':
      if (path === 'toTeamId') return tk('promises.requests.errors.notToItself');
      return path === 'promiseeTeamId' ? tk('promises.errors.notToItself') : undefined;
    case 'mismatch':
      return list === 'painIds' ? tk('promises.errors.painOtherSegment') : undefined;
    case 'not_allowed':
      return path === 'backingWaiver' ? tk('promises.errors.waiverAdminOnly') : undefined;
    case 'unnecessary':
      return path === 'backingWaiver' ? tk('promises.errors.nothingToWaive') : undefined;
    case 'not_applicable':
      return tk('promises.errors.wrongPromisee');
    case 'nothing_to_change':
      return tk('promises.errors.nothingChanged');
    default:
      return undefined;
  }
}

/**
 * The same error with the promises API's field errors in the interface language, and list items
 * folded onto their list (`painIds.2` → `painIds`), where the form shows them.
 */
export function localizePromiseError(error: unknown, subject: PromiseSubject = 'promise'): unknown {
  return localizeFields(
    error,
    (field): FieldSentence | undefined => {
      const key = promiseKeyOf(field, subject);
      return key ? { key } : undefined;
    },
    (path) => path.replace(LIST_ITEM, '$1'),
  );
}

/** localizePromiseError for a request's forms: asking a team, declining what it was asked. */
export function localizeRequestError(error: unknown): unknown {
  return localizePromiseError(error, 'request');
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

/** "The request is already answered": someone answered it meanwhile (409, `wrong_status` on `id`). */
export function isAlreadyAnswered(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.code === 'conflict' &&
    error.fields.some((field) => field.path === 'id' && field.code === 'wrong_status' && field.params?.status === 'answered')
  );
}

/**
 * "Only the team's members or an admin may …": the server's 403 for someone outside the promiser
 * team, told by its `not_member` field (a role's refusal names no field).
 */
export function isNotPromiser(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.code === 'forbidden' &&
    error.fields.some((field) => field.code === 'not_member' && field.params?.of === 'team')
  );
}
