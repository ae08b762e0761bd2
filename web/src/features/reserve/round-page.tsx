/** Built by issue 7 (client voice). */
export function RoundPage() {
  return null;
}
