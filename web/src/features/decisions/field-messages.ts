import { ApiError, type FieldError } from '../../shared/api/client';
import { localizeFields } from '../../shared/api/error-messages';
import { tk } from '../../shared/i18n';

/**
 * The governance forms' own sentence for a field error (decisions, advice, agreements, reviews), by
 * code and field; anything else is left to the shared `errors.<code>`.
 */
function governanceKeyOf(field: FieldError): string | undefined {
  const { path, code } = field;
  const entity = field.params?.entity;
  switch (code) {
    case 'required':
      if (path === 'nextReviewDate') return tk('reviews.errors.nextDateRequired');
      if (path === 'adviceDeadline') return tk('decisions.errors.deadlineRequired');
      return path === 'reason' || path === 'rationale' ? tk('decisions.errors.sayWhy') : undefined;
    case 'in_past':
      return tk('decisions.errors.notInPast');
    case 'not_in_future':
      return tk('reviews.errors.afterToday');
    case 'not_found':
      if (entity === 'role') return tk('agreements.errors.ownerNotInTeam');
      if (entity === 'right') return tk('decisions.errors.noRight');
      return entity === 'team' || entity === 'person' ? tk('decisions.errors.noAdviser') : undefined;
    case 'not_member':
      return field.params?.of === 'organization' ? tk('decisions.errors.noAdviser') : tk('agreements.errors.ownerNotInTeam');
    case 'out_of_range':
      return path === 'preferredOption' || path === 'chosenOption' ? tk('decisions.errors.noOption') : undefined;
    case 'not_integer':
      return tk('decisions.errors.wholeMinorUnits');
    case 'not_held':
      return tk('decisions.errors.rightNotHeld');
    case 'locked':
      return path === 'options' && field.params?.by === 'advice' ? tk('decisions.errors.optionsLocked') : undefined;
    default:
      return undefined;
  }
}

/** The same error with the governance API's field errors in the forms' words (the shared table says the rest). */
export function localizeGovernanceError(error: unknown): unknown {
  return localizeFields(error, (field) => {
    const key = governanceKeyOf(field);
    return key ? { key } : undefined;
  });
}

/** A validation error made in the browser, shaped like the server's so the form shows it the same way. */
export function fieldError(path: string, message: string): ApiError {
  return new ApiError(422, 'validation_failed', message, [{ path, message }]);
}
