import { formatDateTime } from '../../shared/format';

/** The browser's own time zone: the account belongs to no one organization, so its times are the viewer's. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** An ISO instant of the API in the interface language and the browser's time zone. */
export function formatInstant(iso: string, locale: string): string {
  return formatDateTime(Date.parse(iso), locale, browserTimeZone());
}

/** "12 s" or "3 min" for a wait. */
export function waitText(seconds: number, t: (key: string, vars?: Record<string, unknown>) => string): string {
  return seconds < 120 ? t('passwordReset.seconds', { count: seconds }) : t('passwordReset.minutes', { count: Math.ceil(seconds / 60) });
}
