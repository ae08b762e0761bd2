/** Built by issue 7 (client voice). */
export function OutboxTab() {
  return null;
}
