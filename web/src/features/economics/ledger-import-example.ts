import type { Locale } from '../../shared/api/types';
import { intlLocale } from '../../shared/i18n';

type Translate = (key: string) => string;

/** A CSV cell, quoted when it holds a comma, a quote or a line break. */
function cell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The example ledger file shown in the import dialog, in the organization's language (`t` fixed to
 * it) and number format: «1 500 000,00» in Russian, "1,500,000.00" in English. The import reads it
 * back as written (ledger-csv.ts).
 */
export function ledgerImportExample(t: Translate, locale: Locale): string {
  const amount = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const row = (...cells: string[]) => cells.map(cell).join(',');
  return [
    t('economics.import.example.header'),
    row(
      t('economics.import.example.team'),
      t('economics.import.example.revenue'),
      amount.format(1_500_000),
      t('economics.import.example.revenueNote'),
    ),
    row('', t('economics.import.example.overhead'), amount.format(350_000), t('economics.import.example.overheadNote')),
  ].join('\n');
}
