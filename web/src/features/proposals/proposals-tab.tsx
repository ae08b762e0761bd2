/** Built by issue 7 (client voice). */
export function ProposalsTab() {
  return null;
}
