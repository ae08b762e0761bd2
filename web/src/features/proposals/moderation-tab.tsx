/** Built by issue 7 (client voice). */
export function ModerationTab() {
  return null;
}
