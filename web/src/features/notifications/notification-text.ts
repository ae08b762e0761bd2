import type { TFunction } from 'i18next';
import type { AppNotification } from './notifications.api';

interface Formatters {
  day: (date: string) => string;
  money: (minor: number) => string;
  /** A month `YYYY-MM` as words inside a sentence ("ноябрь 2026 г."). */
  month: (period: string) => string;
}

/** The sentence of a notification in the reader's language, from its kind and params (names, dates, money). */
export function notificationText(t: TFunction, notification: AppNotification, format: Formatters): string {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(notification.params)) params[key] = value === null ? '' : String(value);
  if (typeof notification.params.reviewDate === 'string') params.reviewDate = format.day(notification.params.reviewDate);
  const cap = notification.params.spendingCap;
  params.cap = typeof cap === 'number' ? t('notifications.withCap', { cap: format.money(cap) }) : '';
  const deadline = notification.params.deadline;
  params.until = typeof deadline === 'string' && deadline ? t('notifications.until', { date: format.day(deadline) }) : '';
  const amount = notification.params.amountMinor;
  params.amount = typeof amount === 'number' ? format.money(amount) : '';
  const period = notification.params.period;
  params.month = typeof period === 'string' ? format.month(period) : '';
  params.because = params.reason ? t('notifications.because', { reason: params.reason }) : '';
  return t(`notifications.kinds.${notification.kind}`, params);
}
