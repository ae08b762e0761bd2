/** Built by issue 7 (client voice). */
export function ProposalPage() {
  return null;
}
