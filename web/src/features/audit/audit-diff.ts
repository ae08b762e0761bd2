export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  isChanged: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The fields of a before/after pair, changed ones first: a created entity has only `after`, a
 * deleted one only `before`. Values that are not objects are compared as a whole (`value`).
 */
export function diffOf(before: unknown, after: unknown): DiffRow[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before == null && after == null) return [];
    return [{ field: 'value', before, after, isChanged: JSON.stringify(before) !== JSON.stringify(after) }];
  }
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  const rows = fields.map((field) => ({
    field,
    before: left[field],
    after: right[field],
    isChanged: JSON.stringify(left[field]) !== JSON.stringify(right[field]),
  }));
  return [...rows.filter((row) => row.isChanged), ...rows.filter((row) => !row.isChanged)];
}

/** Snapshot fields that hold an instant, by the server's rule: `at`, `since`, `…At`, `…_at`. */
const INSTANT_FIELD = /^(at|since)$|At$|_at$/;
/** An instant as the API writes it: ISO 8601 with a time and a zone (`2026-11-01T10:00:00.000Z`). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant a snapshot field holds (an ISO 8601 string under an instant's name), or null when it holds something else. */
export function instantOf(field: string, value: unknown): string | null {
  if (!INSTANT_FIELD.test(field) || typeof value !== 'string' || !ISO_INSTANT.test(value)) return null;
  return Number.isNaN(Date.parse(value)) ? null : value;
}
