import { ApiError } from '../../shared/api/client';
import { i18n, intlLocale, tk } from '../../shared/i18n';

/**
 * Field messages the economics API sends, in the interface language; a number the message carries
 * (what the points or weights add up to, what the reserve holds) is passed on. Messages the shared
 * table knows (too long, not an option…) pass through to it.
 */
const MESSAGES: [RegExp, string][] = [
  [/a team does not trade with itself/i, tk('economics.errors.tradeWithItself')],
  [/a trade pays for an internal promise the seller made/i, tk('economics.errors.tradePromise')],
  [/no promise with this id/i, tk('economics.errors.noPromise')],
  [/no team "(.*)" in the organization/i, tk('economics.errors.noTeamNamed')],
  [/no team with this id|not a team of the organization/i, tk('economics.errors.noTeam')],
  [/give exactly 100 points in all \(these add up to (-?[\d.]+)\)/i, tk('economics.errors.pointsTotal')],
  [/never to themselves/i, tk('economics.errors.pointsSelf')],
  [/not a member of this team in the period/i, tk('economics.errors.notTeammate')],
  [/points are whole and not negative/i, tk('economics.errors.pointsWhole')],
  [/the weights must sum to 1 \(they sum to ([\d.]+)\)/i, tk('economics.errors.weightsSum')],
  [/give a weight to at least one/i, tk('economics.errors.weightsEmpty')],
  [/each weight is between 0 and 1/i, tk('economics.errors.weightRange')],
  [/required for a mix/i, tk('economics.errors.weightsRequired')],
  [/only a mix has weights/i, tk('economics.errors.weightsOnlyMix')],
  [/the percentages must sum to 100% \(they sum to ([\d.]+)%\)/i, tk('economics.errors.percentagesSum')],
  [/a percentage between 0 and 100/i, tk('economics.errors.percentageRange')],
  [/required for fixed percentages/i, tk('economics.errors.percentagesRequired')],
  [/more than the reserve holds \((\d+)/i, tk('economics.errors.moreThanReserve')],
  [/say what it is for/i, tk('economics.errors.purposeRequired')],
  [/^say why$/i, tk('economics.errors.reasonRequired')],
  [/a positive amount with at most 2 decimals/i, tk('economics.errors.amountCsv')],
  [/^must be positive$/i, tk('economics.errors.positive')],
  [/a month has at most 744 hours/i, tk('economics.errors.hoursMax')],
  [/^at most 2 decimals$/i, tk('economics.errors.twoDecimals')],
  [/at most 6 decimals/i, tk('economics.errors.sixDecimals')],
  [/must be whole minor units/i, tk('economics.errors.wholeMinorUnits')],
  [/required for revenue, expense and labour/i, tk('economics.errors.teamRequired')],
  [/overhead belongs to the organization/i, tk('economics.errors.overheadNoTeam')],
  [/unknown column "(.*)"/i, tk('economics.errors.unknownColumn')],
  [/a column amount \(or amountMinor\) is required/i, tk('economics.errors.amountColumn')],
  [/no rows under the header/i, tk('economics.errors.noRows')],
  [/at most 5,000 rows/i, tk('economics.errors.tooManyRows')],
  [/not a person of the organization/i, tk('economics.errors.notPerson')],
  [/^already (confirmed|declined)$/i, tk('economics.errors.tradeAnswered')],
];

/** One field message in the interface language; `money` formats the minor units a message names. */
export function translateEconomicsMessage(message: string, money: (minor: number) => string): string {
  for (const [pattern, key] of MESSAGES) {
    const match = pattern.exec(message);
    if (!match) continue;
    const raw = match[1] ?? '';
    const isNumber = /^-?\d+(\.\d+)?$/.test(raw);
    const value = isNumber ? new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 6 }).format(Number(raw)) : raw;
    const amount = /^\d+$/.test(raw) ? money(Number(raw)) : raw;
    return i18n.t(key, { value, amount });
  }
  return message;
}

/** The same error with the economics API's field messages translated. */
export function localizeEconomicsError(error: unknown, money: (minor: number) => string): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((field) => ({ ...field, message: translateEconomicsMessage(field.message, money) }));
  return new ApiError(error.status, error.code, error.message, fields);
}

/** The month is closed (409 `period_closed`): someone closed it meanwhile, or it was closed already. */
export function isPeriodClosed(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'period_closed';
}
