/** Built by issue 7 (client voice). */
export function ReserveRoundsTab() {
  return null;
}
