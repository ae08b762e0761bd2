import { ApiError } from '../../shared/api/client';
import { i18n, tk } from '../../shared/i18n';

/**
 * Field messages the governance API sends that the shared table (shared/api/error-messages.ts) does
 * not know yet, in the interface language. Anything else passes through to the shared table.
 */
const GOVERNANCE_MESSAGES: [RegExp, string][] = [
  [/required unless.*retire|next review date/i, tk('reviews.errors.nextDateRequired')],
  [/required when (advice|advisers)|advice is asked|needs a deadline/i, tk('decisions.errors.deadlineRequired')],
  [/in the past|not before today|today or later/i, tk('decisions.errors.notInPast')],
  [/after today/i, tk('reviews.errors.afterToday')],
  [/not a (role|member) of this team|no role with this id/i, tk('agreements.errors.ownerNotInTeam')],
  [/no (right|decision right) with this id/i, tk('decisions.errors.noRight')],
  [/no (team|user|person|adviser) with this id|not a member of this organization/i, tk('decisions.errors.noAdviser')],
  [/say why/i, tk('decisions.errors.sayWhy')],
  [/not an option|no option with this index|option index/i, tk('decisions.errors.noOption')],
  [/must be whole minor units/i, tk('decisions.errors.wholeMinorUnits')],
  [/holds this right neither/i, tk('decisions.errors.rightNotHeld')],
  [/advice has been given on these options/i, tk('decisions.errors.optionsLocked')],
];

/** The same error with the field messages above already translated (the shared table leaves them as they are). */
export function localizeGovernanceError(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((field) => {
    const match = GOVERNANCE_MESSAGES.find(([pattern]) => pattern.test(field.message));
    return match ? { ...field, message: i18n.t(match[1]) } : field;
  });
  return new ApiError(error.status, error.code, error.message, fields);
}

/** A validation error made in the browser, shaped like the server's so the form shows it the same way. */
export function fieldError(path: string, message: string): ApiError {
  return new ApiError(422, 'validation_failed', message, [{ path, message }]);
}
