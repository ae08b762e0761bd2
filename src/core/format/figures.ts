/**
 * One way to write figures — percentages, money, plain numbers — for every surface: the staff app,
 * the portal, the public board, the CLI and SVG charts. Pure: no clock, no I/O.
 *
 * The rounding, stated once:
 * - a figure is rounded **half up** (half away from zero) on its exact decimal value — the shortest
 *   decimal that reads back as the same number (0.99945 is 0.99945, not 0.99944999…), so a value
 *   exactly on a .x5 boundary rounds up and float noise never decides a digit;
 * - percentages of measured figures (attainment, budget, shares) show **at most 1 decimal**,
 *   trailing zero dropped: 0.97777 → «97,8 %» / "97.8%", 0.9 → «90 %», 0.99945 → «99,9 %»,
 *   0.99955 → «100 %»; the same on the board and in the staff app;
 * - a target is a value someone set, shown exactly (up to 3 decimals): 0.9995 → «99,95 %»;
 * - money is integer minor units shown with every minor digit: 123456 RUB → «1 234,56 ₽» /
 *   "RUB 1,234.56" (or, where asked, without them when they are all zero: «500 ₽»).
 * Russian uses Intl's ru-RU (non-breaking spaces between groups and before % and ₽); English en-GB
 * with the currency as Intl writes it.
 */

import { minorDigits, minorToDecimal } from '../money.js';

/** Decimal places measured percentages show everywhere (board, staff app, portal, CLI, SVG). */
export const PERCENT_DECIMALS = 1;

/** The Intl locale of a language or locale tag: ru → ru-RU, en → en-GB, others as given (ru-RU stays). */
export function intlLocaleOf(locale: string): string {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  if (locale.includes('-')) return locale;
  if (base === 'ru') return 'ru-RU';
  if (base === 'en') return 'en-GB';
  return locale;
}

/**
 * The exact decimal a number stands for, as a string Intl reads as a decimal (not a binary double):
 * the shortest that reads back as the same number. 0.99945 → "0.99945".
 */
export function exactDecimal(value: number): string {
  return String(value);
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  // halfExpand is Intl's default; named so the rule is stated where it is applied.
  return new Intl.NumberFormat(intlLocaleOf(locale), { roundingMode: 'halfExpand', ...options } as Intl.NumberFormatOptions);
}

function formatExact(format: Intl.NumberFormat, value: number): string {
  // Intl reads a numeric string as an exact decimal (ECMA-402 v3), so the rounding is decimal.
  return format.format(exactDecimal(value) as unknown as number);
}

/**
 * A share (0.97777) as a percentage, half up to `decimals` places (default 1, trailing zeros
 * dropped unless `fixed`): «97,8 %» / "97.8%". Null, undefined or not finite → "—".
 */
export function formatPercent(
  share: number | null | undefined,
  locale: string,
  decimals: number = PERCENT_DECIMALS,
  fixed = false,
): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return formatExact(
    numberFormat(locale, { style: 'percent', minimumFractionDigits: fixed ? decimals : 0, maximumFractionDigits: decimals }),
    share,
  );
}

/** Decimals a share needs to show in percent exactly, up to 3: 0.95 → 0, 0.999 → 1, 0.9995 → 2. */
export function exactPercentDecimals(share: number): number {
  const match = /\.(\d+)$/.exec(exactDecimal(share));
  const digits = match ? (match[1] as string).length : 0;
  return Math.min(3, Math.max(0, digits - 2));
}

/** A target (a set value) as a percentage shown exactly, up to 3 decimals: 0.95 → «95 %», 0.9995 → «99,95 %». */
export function formatTarget(share: number | null | undefined, locale: string): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return formatPercent(share, locale, exactPercentDecimals(share));
}

/**
 * Attainment beside its target: like `formatPercent` (half up, 1 decimal), except that a figure
 * below the target never reads as reaching it — 0.9496 against 0.95 is «94,96 %», not «95 %» next to
 * "broken". Decimals are added (up to 4) only until the rounded figure stays below the target.
 * No target (or no attainment) → plain `formatPercent`.
 */
export function formatAttainment(attainment: number | null | undefined, target: number | null | undefined, locale: string): string {
  if (attainment === null || attainment === undefined || !Number.isFinite(attainment)) return '—';
  if (target === null || target === undefined || !Number.isFinite(target) || attainment >= target) {
    return formatPercent(attainment, locale);
  }
  for (let decimals = PERCENT_DECIMALS; decimals < 4; decimals++) {
    // Rounded at these decimals, in percent, exactly (strings, not floats): below the target?
    const rounded = Number(
      numberFormat('en', { maximumFractionDigits: decimals, useGrouping: false }).format(
        exactDecimal(attainment * 100) as unknown as number,
      ),
    );
    if (rounded < Number((target * 100).toFixed(6))) return formatPercent(attainment, locale, decimals);
  }
  return formatPercent(attainment, locale, 4);
}

/**
 * Integer minor units as money with every minor digit: 123456 RUB → «1 234,56 ₽» / "RUB 1,234.56".
 * `trimWhole`: an amount with no minor part shows none (50000 RUB → «500 ₽»). An unknown currency
 * code is written after the number.
 */
export function formatMoney(minor: number, currency: string, locale: string, trimWhole = false): string {
  const digits = minorDigits(currency);
  const isWhole = minor % 10 ** digits === 0;
  const decimal = minorToDecimal(minor, digits);
  try {
    return numberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: trimWhole && isWhole ? 0 : digits,
      maximumFractionDigits: digits,
    }).format(decimal as unknown as number);
  } catch {
    return `${decimal} ${currency}`;
  }
}

/** A plain number, half up to at most `decimals` places (default 2): 14.45 → «14,45», 1280 → «1 280». */
export function formatNumber(value: number, locale: string, decimals = 2): string {
  if (!Number.isFinite(value)) return '—';
  return formatExact(numberFormat(locale, { maximumFractionDigits: decimals }), value);
}
