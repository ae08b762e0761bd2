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
