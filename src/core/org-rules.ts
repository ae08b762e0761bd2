/** Rules on organization settings that zod alone cannot state. Pure: uses only the ICU data. */

/** True for an ISO 4217 currency code that this runtime knows, e.g. RUB, EUR. */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return (Intl.supportedValuesOf('currency') as string[]).includes(code);
}

/** True for an IANA time zone name, e.g. Europe/Moscow or UTC. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
