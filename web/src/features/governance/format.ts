import { useTranslation } from 'react-i18next';
import { formatMoney as formatFigureMoney } from '../../../../src/core/format/figures';
import { minorDigits } from '../../../../src/core/money';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import type { Limits } from './governance.api';

/** Minor units as money, e.g. 15000000 RUB → "150 000 ₽" (kopecks shown only when there are any; src/core/format). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return formatFigureMoney(minor, currency, intlLocale(locale), true);
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
