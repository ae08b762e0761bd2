/** Pain priority (M2): severity × frequency, both 1–5, so 1–25. */
export function painPriority(pain: { severity: number; frequency: number }): number {
  return pain.severity * pain.frequency;
}

/**
 * Orders pains for every list: highest priority first; ties by higher severity, then by the order
 * they were recorded (older first), so the order is stable.
 */
export function comparePains<T extends { severity: number; frequency: number; createdAt: number; id: string }>(a: T, b: T): number {
  return (
    painPriority(b) - painPriority(a) || b.severity - a.severity || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
