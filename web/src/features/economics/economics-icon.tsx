/** The navigation icon of the economics pages: a rising bar chart with a coin (24×24, stroke = currentColor). */
export function EconomicsIcon({ size = 18 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M4 20h16M6 16v-3M10 16V9M14 16v-5" />
      <circle cx="18.5" cy="6.5" r="2.5" />
    </svg>
  );
}
