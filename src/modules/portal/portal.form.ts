import type { DocumentedPage } from '../../http/openapi.js';

/**
 * Parses an url-encoded form body into an object without a prototype: a field given once is a
 * string, a field given more than once (checkboxes) a list of strings.
 */
export function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    const had = out[key];
    if (had === undefined) out[key] = value;
    else out[key] = Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

/** A form field as a list (checkboxes): absent is empty, one value is a list of one. */
export function formList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** A form field as one string; a repeated field takes its last value; absent is ''. */
export function formText(value: unknown): string {
  if (Array.isArray(value)) return formText(value[value.length - 1]);
  return typeof value === 'string' ? value : '';
}

/** A portal page as the OpenAPI document lists it (an HTML page, tagged `client portal`). */
export function portalPageDoc(method: 'GET' | 'POST', url: string, summary: string): DocumentedPage {
  return { method, url, summary, tag: 'client portal', contentType: 'text/html' };
}
