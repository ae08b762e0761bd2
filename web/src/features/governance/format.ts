import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import type { Limits } from './governance.api';

/** How many minor units a currency's major unit has, as a power of ten: RUB 2, JPY 0. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as money, e.g. 15000000 RUB → "150 000 ₽" (kopecks shown only when there are any). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const major = minor / 10 ** digits;
  const isWhole = minor % 10 ** digits === 0;
  try {
    return new Intl.NumberFormat(intlLocale(locale), {
      style: 'currency',
      currency,
      minimumFractionDigits: isWhole ? 0 : digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${major} ${currency}`;
  }
}

/** A typed amount in major units (150000.5) as whole minor units (15000050); null stays null. */
export function toMinor(major: number | null, currency: string): number | null {
  if (major === null || !Number.isFinite(major)) return null;
  return Math.round(major * 10 ** minorDigits(currency));
}

export function toMajor(minor: number | null, currency: string): number | null {
  return minor === null ? null : minor / 10 ** minorDigits(currency);
}

/** Money and limits in the interface language and the organization's currency. */
export function useGovernanceFormat() {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const money = (minor: number) => formatMoney(minor, org.currency, i18n.language);
  return {
    money,
    /** "up to 150 000 ₽" or "no cap". */
    cap: (limits: Pick<Limits, 'spendingCap'>) =>
      limits.spendingCap === null ? t('governance.limits.noCap') : t('governance.limits.upTo', { amount: money(limits.spendingCap) }),
    /** The short cap for diagram labels: "≤ 150 000 ₽" or "no cap". */
    shortCap: (limits: Pick<Limits, 'spendingCap'>) =>
      limits.spendingCap === null ? t('governance.limits.noCap') : `≤ ${money(limits.spendingCap)}`,
    currency: org.currency,
    digits: minorDigits(org.currency),
  };
}
