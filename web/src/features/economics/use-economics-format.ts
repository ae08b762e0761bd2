import { useTranslation } from 'react-i18next';
import { useOrg } from '../../shared/session/org-context';
import {
  formatDecimal,
  formatHours,
  formatMoney,
  formatMoneyShort,
  formatShare,
  periodInSentence,
  periodLabel,
  periodShortLabel,
} from './economics-format';

/** The economics formatters bound to the interface language and the organization's currency. */
export function useEconomicsFormat() {
  const { i18n } = useTranslation();
  const { org } = useOrg();
  const locale = i18n.language;
  return {
    locale,
    currency: org.currency,
    money: (minor: number) => formatMoney(minor, org.currency, locale),
    moneyShort: (minor: number) => formatMoneyShort(minor, org.currency, locale),
    hours: (hours: number) => formatHours(hours, locale),
    share: (ratio: number) => formatShare(ratio, locale),
    decimal: (value: number) => formatDecimal(value, locale),
    period: (period: string) => periodLabel(period, locale),
    /** The month as it reads inside a sentence: "ноябрь 2026 г.". */
    monthInSentence: (period: string) => periodInSentence(period, locale),
    periodShort: (period: string) => periodShortLabel(period, locale),
  };
}

export type EconomicsFormat = ReturnType<typeof useEconomicsFormat>;
