/** The param a field-error code's sentence counts by, so Russian picks its plural form ("не длиннее 5 символов"). */
const COUNT_PARAM: Record<string, string> = {
  too_long: 'maximum',
  too_short: 'minimum',
  too_many: 'maximum',
  too_few: 'minimum',
  too_precise: 'decimals',
};

/**
 * What a field error's sentence (`fieldErrors.<code>` here, `errors.<code>` in the web app)
 * interpolates: its params, a list joined with commas, and `count` for a code that counts. The web
 * app and the portal both call it, so a code reads the same in both.
 */
export function fieldErrorVars(code: string, params: Record<string, unknown> = {}): Record<string, string | number> {
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    vars[name] = Array.isArray(value) ? value.join(', ') : typeof value === 'number' ? value : String(value);
  }
  const countParam = COUNT_PARAM[code];
  if (countParam && typeof params[countParam] === 'number') vars.count = params[countParam] as number;
  return vars;
}
