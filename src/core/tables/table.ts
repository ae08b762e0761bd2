/**
 * A table of figures as typed cells, ready to be written as CSV or a spreadsheet. The cell types
 * keep the units explicit: money stays an integer of minor units, a percentage a fraction.
 */
export type Cell =
  | { type: 'text'; value: string }
  | { type: 'integer'; value: number }
  /** A decimal shown with `scale` digits after the point, e.g. an hourly efficiency. */
  | { type: 'decimal'; value: number; scale: number }
  /** A fraction (0.9778 = 97.78 %) shown with `scale` digits after the point of the percent. */
  | { type: 'percent'; value: number; scale: number }
  /** An integer of minor units (kopecks, cents) of an ISO 4217 currency. */
  | { type: 'money'; minor: number; currency: string }
  /** A calendar date, `yyyy-mm-dd`. */
  | { type: 'date'; value: string }
  /** An instant, UTC epoch milliseconds, shown in the organization's time zone. */
  | { type: 'instant'; value: number }
  /** No value (no data yet): an empty cell. */
  | null;

export interface TableColumn {
  /** The i18n key of the header, e.g. `tables.promises.attainment`. */
  header: string;
}

export interface Table {
  /** The first part of the file name, e.g. `promises`. */
  name: string;
  columns: TableColumn[];
  rows: Cell[][];
}

export type TableLocale = 'ru' | 'en';

/** How to present a table: the language, the organization's time zone, a header translator. */
export interface TableFormat {
  locale: TableLocale;
  timeZone: string;
  translate: (key: string) => string;
}

export const text = (value: string): Cell => ({ type: 'text', value });
export const integer = (value: number): Cell => ({ type: 'integer', value });
export const decimal = (value: number | null, scale: number): Cell => (value === null ? null : { type: 'decimal', value, scale });
export const percent = (value: number | null, scale = 2): Cell => (value === null ? null : { type: 'percent', value, scale });
export const money = (minor: number | null, currency: string): Cell => (minor === null ? null : { type: 'money', minor, currency });
export const date = (value: string): Cell => ({ type: 'date', value });
export const instant = (value: number | null): Cell => (value === null ? null : { type: 'instant', value });

const ZERO_DECIMAL_CURRENCIES = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'HUF']);

/** Digits of a currency's minor unit: 2 for RUB, USD, EUR; 0 for JPY. */
export function currencyDigits(currency: string): number {
  return ZERO_DECIMAL_CURRENCIES.has(currency.toUpperCase()) ? 0 : 2;
}

/** The file name of an export: `promises-stroydom-2026-12-07.xlsx` (the day in the organization's zone). */
export function exportFileName(table: string, orgSlug: string, day: string, extension: 'csv' | 'xlsx'): string {
  return `${table}-${orgSlug}-${day}.${extension}`;
}
