import type { TFunction } from 'i18next';
import { durationMs, formatDuration, formatNumber, formatPercent, formatTarget } from './promise-format';
import type { HistoryEntry } from './promises.api';

/** What one evaluation recorded: its instant and its entries. */
export interface HistoryInstant {
  /** ISO 8601, as the API writes it. */
  at: string;
  entries: HistoryEntry[];
}

const KIND_ORDER: Record<HistoryEntry['kind'], number> = { status_changed: 0, alert_fired: 1, alert_resolved: 2 };

/**
 * Groups entries (newest first, as the API pages them) by the evaluation that recorded them. Within
 * one the API has no order: the status change comes first, then alerts fired, then resolved, the
 * pages before the tickets and the shorter windows first.
 */
export function groupHistory(entries: readonly HistoryEntry[]): HistoryInstant[] {
  const groups: HistoryInstant[] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (last && last.at === entry.at) last.entries.push(entry);
    else groups.push({ at: entry.at, entries: [entry] });
  }
  for (const group of groups) {
    group.entries.sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        (a.alert?.severity ?? '').localeCompare(b.alert?.severity ?? '') ||
        durationMs(a.alert?.longWindow ?? 'PT0S') - durationMs(b.alert?.longWindow ?? 'PT0S'),
    );
  }
  return groups;
}

/** An entry in words: "Status changed: Kept → Broken", "Alert fired: Act now", with its detail line, if any. */
export function describeHistoryEntry(entry: HistoryEntry, t: TFunction, locale: string): { text: string; detail: string | null } {
  if (entry.kind === 'status_changed') {
    const word = (status: string | null) => (status ? t(`promises.fulfillment.${status}`) : '—');
    return { text: t('promises.history.statusChanged', { from: word(entry.fromStatus), to: word(entry.toStatus) }), detail: null };
  }
  const alert = entry.alert;
  const severity = alert ? t(`promises.alerts.severities.${alert.severity}`) : '—';
  const params = alert
    ? {
        threshold: formatNumber(alert.threshold, locale, 2),
        long: formatDuration(alert.longWindow, t),
        short: formatDuration(alert.shortWindow, t),
      }
    : null;
  if (entry.kind === 'alert_fired')
    return { text: t('promises.history.alertFired', { severity }), detail: params ? t('promises.history.alertDetail', params) : null };
  return {
    text: t('promises.history.alertResolved', { severity }),
    detail: params ? t('promises.history.alertResolvedDetail', params) : null,
  };
}

/** The figures at the time: attainment against the target, good of total, the budget left, the version. */
export function describeFigures(figures: HistoryEntry['figures'], t: TFunction, locale: string): string {
  return t('promises.history.figures', {
    attainment: formatPercent(figures.attainment, locale),
    target: formatTarget(figures.target, locale),
    good: formatNumber(figures.good, locale, 0),
    total: formatNumber(figures.total, locale, 0),
    budget: formatPercent(figures.budgetRemaining, locale, 0),
    version: figures.version,
  });
}
