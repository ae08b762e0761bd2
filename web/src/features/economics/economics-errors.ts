import { ApiError, type FieldError } from '../../shared/api/client';
import { type FieldSentence, localizeFields } from '../../shared/api/error-messages';
import { i18n, intlLocale, tk } from '../../shared/i18n';

/** A number as the interface language writes it (0.8 → "0,8" in Russian). */
function numberText(value: unknown): string {
  return typeof value === 'number'
    ? new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 6 }).format(value)
    : String(value ?? '');
}

/**
 * The economics forms' own sentence for a field error, chosen by its code, params and field; the
 * number a sentence names (what the points or weights add up to, what the reserve holds) comes from
 * `params`. Undefined leaves the field to the shared `errors.<code>`.
 */
function economicsSentenceOf(field: FieldError, money: (minor: number) => string): FieldSentence | undefined {
  const { path, code } = field;
  const params = field.params ?? {};
  const list = path.split('.')[0];
  const last = path.split('.').pop();
  switch (code) {
    case 'self_reference':
      if (list === 'points') return { key: tk('economics.errors.pointsSelf') };
      return path === 'buyerTeamId' ? { key: tk('economics.errors.tradeWithItself') } : undefined;
    case 'wrong_kind':
      return path === 'promiseId' ? { key: tk('economics.errors.tradePromise') } : undefined;
    case 'not_found':
      if (params.entity === 'promise') return { key: tk('economics.errors.noPromise') };
      if (params.entity === 'team' && typeof params.name === 'string')
        return { key: tk('economics.errors.noTeamNamed'), values: { value: params.name } };
      return params.entity === 'team' ? { key: tk('economics.errors.noTeam') } : undefined;
    case 'sum_mismatch': {
      const value = numberText(params.actual);
      if (path === 'points') return { key: tk('economics.errors.pointsTotal'), values: { value } };
      if (path === 'weights') return { key: tk('economics.errors.weightsSum'), values: { value } };
      return path === 'percentages' ? { key: tk('economics.errors.percentagesSum'), values: { value } } : undefined;
    }
    case 'not_member':
      return list === 'points' ? { key: tk('economics.errors.notTeammate') } : undefined;
    case 'not_integer':
      return { key: list === 'points' ? tk('economics.errors.pointsWhole') : tk('economics.errors.wholeMinorUnits') };
    case 'too_few':
      return path === 'weights' ? { key: tk('economics.errors.weightsEmpty') } : undefined;
    case 'out_of_range':
      if (path === 'weights') return { key: tk('economics.errors.weightRange') };
      return list === 'percentages' ? { key: tk('economics.errors.percentageRange') } : undefined;
    case 'required':
      if (path === 'weights') return { key: tk('economics.errors.weightsRequired') };
      if (path === 'percentages') return { key: tk('economics.errors.percentagesRequired') };
      if (path === 'teamId') return { key: tk('economics.errors.teamRequired') };
      if (path === 'purpose') return { key: tk('economics.errors.purposeRequired') };
      return path === 'reason' ? { key: tk('economics.errors.reasonRequired') } : undefined;
    case 'not_applicable':
      if (path === 'weights') return { key: tk('economics.errors.weightsOnlyMix') };
      return path === 'teamId' ? { key: tk('economics.errors.overheadNoTeam') } : undefined;
    case 'exceeds_reserve':
      return typeof params.available === 'number'
        ? { key: tk('economics.errors.moreThanReserve'), values: { amount: money(params.available) } }
        : undefined;
    case 'invalid_format':
      return params.format === 'amount' ? { key: tk('economics.errors.amountCsv') } : undefined;
    case 'too_small':
      return params.minimum === 1 ? { key: tk('economics.errors.positive') } : undefined;
    case 'too_big':
      return last === 'hours' && params.maximum === 744 ? { key: tk('economics.errors.hoursMax') } : undefined;
    case 'too_precise':
      if (params.decimals === 2) return { key: tk('economics.errors.twoDecimals') };
      return params.decimals === 6 ? { key: tk('economics.errors.sixDecimals') } : undefined;
    case 'unknown_column':
      return { key: tk('economics.errors.unknownColumn'), values: { value: params.column } };
    case 'missing_column':
      return { key: tk('economics.errors.amountColumn') };
    case 'no_rows':
      return { key: tk('economics.errors.noRows') };
    case 'too_many':
      return path === 'csv' ? { key: tk('economics.errors.tooManyRows') } : undefined;
    case 'wrong_status':
      return path === 'status' ? { key: tk('economics.errors.tradeAnswered') } : undefined;
    default:
      return undefined;
  }
}

/** The same error with the economics API's field errors in the interface language; `money` formats minor units. */
export function localizeEconomicsError(error: unknown, money: (minor: number) => string): unknown {
  return localizeFields(error, (field) => economicsSentenceOf(field, money));
}

/** The month is closed (409 `period_closed`): someone closed it meanwhile, or it was closed already. */
export function isPeriodClosed(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'period_closed';
}
