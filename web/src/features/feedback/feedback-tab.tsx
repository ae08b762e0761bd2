/** Built by issue 7 (client voice). */
export function FeedbackTab() {
  return null;
}
