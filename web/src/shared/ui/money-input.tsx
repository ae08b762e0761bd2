import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { minorDigits, toMajorUnits } from '../../../../src/core/money';
import { useOrg } from '../session/org-context';

/** An amount in the organization's currency, typed in major units with the interface language's separators. */
export function MoneyInput(
  props: Omit<NumberInputProps, 'decimalScale' | 'thousandSeparator' | 'decimalSeparator' | 'hideControls' | 'min'>,
) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  return (
    <NumberInput
      label={t('decisions.amount', { currency: org.currency })}
      min={0}
      decimalScale={minorDigits(org.currency)}
      thousandSeparator={i18n.language === 'ru' ? ' ' : ','}
      decimalSeparator={i18n.language === 'ru' ? ',' : '.'}
      hideControls
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...props}
    />
  );
}

/** Integer minor units as the number a MoneyInput shows (150 050 → 1 500,50); null → empty. */
export function fromMinorUnits(minor: number | null, currency: string): number | string {
  return minor === null ? '' : toMajorUnits(minor, currency);
}
