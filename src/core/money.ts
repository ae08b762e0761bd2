/**
 * Money is an integer of minor units (kopecks) with a currency; this is the one place that knows how
 * many minor units a currency's major unit has and converts between the two. Pure: no I/O.
 */

/** How many minor units a currency's major unit has, as a power of ten: RUB 2, JPY 0; unknown → 2. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Integer minor units as a decimal string of major units, exactly: 123456, 2 → "1234.56"; −5, 2 → "-0.05". */
export function minorToDecimal(minor: number, digits: number): string {
  const negative = minor < 0;
  const text = Math.abs(Math.trunc(minor))
    .toString()
    .padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * An amount in major units, as typed (1 500,50 — spaces and a decimal comma allowed) or as a number,
 * in whole minor units rounded half away from zero: 1500.5 RUB → 150050. Empty, null or not a number → null.
 */
export function toMinorUnits(value: number | string | null | undefined, currency: string): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const number = typeof value === 'number' ? value : Number(String(value).replace(/\s/g, '').replace(',', '.'));
  if (!Number.isFinite(number)) return null;
  return Math.round(number * 10 ** minorDigits(currency));
}

/** Minor units in major units, for an input field or a chart axis: 150050 RUB → 1500.5. */
export function toMajorUnits(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}
