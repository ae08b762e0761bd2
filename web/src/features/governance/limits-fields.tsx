import { Checkbox, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toMajorUnits, toMinorUnits } from '../../../../src/core/money';
import type { FormErrors } from '../../shared/api/use-form-errors';
import { useGovernanceFormat } from './format';
import type { Limits } from './governance.api';

/** The limits as typed: the cap in major units (roubles, euros), or none. */
export interface LimitsValues {
  hasCap: boolean;
  cap: number | string;
  scope: string;
}

interface LimitsFieldsProps {
  values: LimitsValues;
  onChange: (values: LimitsValues) => void;
  errors: FormErrors;
  /** Under the cap: the widest cap allowed (the grant passed on or narrowed), in minor units. */
  widest?: number | null;
}

/** Spending cap (money in the organization's currency, or no cap) and scope of a grant. */
export function LimitsFields({ values, onChange, errors, widest = null }: LimitsFieldsProps) {
  const { t } = useTranslation();
  const format = useGovernanceFormat();
  const set = (patch: Partial<LimitsValues>, path: string) => {
    onChange({ ...values, ...patch });
    errors.clear(path);
  };
  return (
    <Stack gap="sm">
      <Group align="flex-start" gap="md" wrap="wrap">
        <NumberInput
          label={t('governance.limits.spendingCap', { currency: format.currency })}
          description={
            widest === null ? t('governance.limits.spendingCapHint') : t('governance.limits.atMost', { amount: format.money(widest) })
          }
          min={0}
          decimalScale={format.digits}
          thousandSeparator=" "
          hideControls
          value={values.hasCap ? values.cap : ''}
          onChange={(cap) => set({ cap, hasCap: true }, 'limits.spendingCap')}
          disabled={!values.hasCap}
          error={errors.errorOf('limits.spendingCap')}
          style={{ flex: '1 1 240px' }}
          data-testid="cap-input"
        />
        <Checkbox
          label={t('governance.limits.noCap')}
          checked={!values.hasCap}
          onChange={(event) => set({ hasCap: !event.currentTarget.checked }, 'limits.spendingCap')}
          mt={{ base: 0, xs: 34 }}
        />
      </Group>
      <TextInput
        label={t('governance.limits.scope')}
        description={t('governance.limits.scopeHint')}
        value={values.scope}
        onChange={(event) => set({ scope: event.currentTarget.value }, 'limits.scope')}
        error={errors.errorOf('limits.scope')}
      />
    </Stack>
  );
}

/** True when a cap is asked for but none is typed: the form says so instead of sending “no cap”. */
export function isCapMissing(values: LimitsValues): boolean {
  return values.hasCap && (values.cap === '' || Number.isNaN(Number(values.cap)));
}

/** Limits as the API takes them: the cap in whole minor units, an empty scope as none. */
export function limitsOf(values: LimitsValues, currency: string): Limits {
  const typed = values.cap === '' ? null : Number(values.cap);
  return {
    spendingCap: values.hasCap ? toMinorUnits(typed, currency) : null,
    scope: values.scope.trim() === '' ? null : values.scope.trim(),
  };
}

/** The form values showing existing limits; a new grant (none) starts with a cap to fill in, not “no cap”. */
export function valuesOf(limits: Limits | null, currency: string): LimitsValues {
  if (!limits) return { hasCap: true, cap: '', scope: '' };
  return {
    hasCap: limits.spendingCap !== null,
    cap: limits.spendingCap === null ? '' : toMajorUnits(limits.spendingCap, currency),
    scope: limits.scope ?? '',
  };
}
