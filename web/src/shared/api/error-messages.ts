import { notifications } from '@mantine/notifications';
import { i18n, tk } from '../i18n';
import { ApiError, type FieldError } from './client';

/**
 * The server names what is wrong with a field in English; these patterns turn the messages it is
 * known to send into the interface language. An unknown message is shown as the server wrote it.
 */
const FIELD_MESSAGES: [RegExp, string][] = [
  [/^must not be empty$|received undefined|^required$/i, tk('validation.required')],
  [/wrong e-mail or password/i, tk('validation.wrongCredentials')],
  [/must be an e-mail address|Invalid email/i, tk('validation.email')],
  [/at least 10 characters/i, tk('validation.passwordLength')],
  [/IANA time zone/i, tk('validation.timeZone')],
  [/ISO 4217/i, tk('validation.currency')],
  [/lowercase letters, digits/i, tk('validation.slug')],
  [/required for a person without an account/i, tk('validation.newPerson')],
  [/already a member of this organization/i, tk('validation.alreadyMember')],
  [/already a member of this team/i, tk('validation.alreadyTeamMember')],
  [/not a member of this organization/i, tk('validation.notOrgMember')],
  [/a client with e-mail .* already exists/i, tk('validation.clientEmailTaken')],
  [/a client with external id .* already exists/i, tk('validation.clientExternalIdTaken')],
  [/a team named .* already exists/i, tk('validation.teamNameTaken')],
  [/slug .* is taken/i, tk('validation.slugTaken')],
  [/choose at least one scope/i, tk('validation.scopes')],
  [/last admin/i, tk('validation.lastAdmin')],
  [/^must be 1–5$/, tk('validation.score')],
  [/^must be 0–10$/, tk('validation.level')],
  [/must be a whole number|expected int/i, tk('validation.wholeNumber')],
  [/expected number, received NaN/i, tk('validation.number')],
  [/must be a date YYYY-MM-DD|not a real date/i, tk('validation.date')],
  [/two factors have this name/i, tk('validation.factorNameTaken')],
  [/levels, one per competitor/i, tk('validation.competitorLevels')],
  [/no (pain|gain) with this id in the segment/i, tk('validation.notInSegment')],
  [/no segment with this id/i, tk('validation.noSegment')],
  [/must be need or pain/i, tk('validation.csvType')],
  [/the header needs a/i, tk('validation.csvHeader')],
  [/^no data rows$/i, tk('validation.csvNoRows')],
  [/closing quote|quoted field is not closed/i, tk('validation.csvQuotes')],
  [/a segment named .* already exists/i, tk('validation.segmentNameTaken')],
  [/not a (factor|competitor) of this canvas/i, tk('validation.notInCanvas')],
  [/^given twice$/i, tk('validation.givenTwice')],
  [/send at least one field to change/i, tk('validation.nothingToChange')],
  [/NUL character/i, tk('validation.nulCharacter')],
  [/no (need|pain|gain) with this id in the organization/i, tk('validation.noSubject')],
  [/^Too big: expected number/i, tk('validation.tooBig')],
  [/^Too big/i, tk('validation.tooLong')],
  [/^Too small/i, tk('validation.tooShort')],
  [/^Invalid option/i, tk('validation.invalidOption')],
];

/** A field error in the interface language. */
export function translateFieldMessage(message: string): string {
  for (const [pattern, key] of FIELD_MESSAGES) if (pattern.test(message)) return i18n.t(key);
  return message;
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
  const translated = translateFieldMessage(field.message);
  return translated === field.message ? `${field.path}: ${field.message}` : translated;
}
