import { Badge, type CSSVariablesResolver, createTheme, DEFAULT_THEME, type MantineColorsTuple } from '@mantine/core';

/**
 * The staff app's Mantine theme, readable by everyone (WCAG 2.1 AA, 4.5:1 for text). Mantine's default palette fails:
 * its shade 6 (links, filled buttons with white text, "light" badges, dimmed text) is 2–3.6:1 for most colours. Here
 * shades 6–9 of every colour are darkened just enough that shade 6 reads at 4.5:1 or better on white, on the page's
 * grey and on its own 10 % tint (the "light" variant's background); shades 0–5 are Mantine's.
 */

/** Text against the lightest and darkest background it is drawn on: white, the page grey and a 10 % tint. */
const TARGET = 4.7;

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** `top` at `opacity` over `bottom`, as the browser blends it. */
function over(top: string, opacity: number, bottom: string): string {
  const [t, b] = [channels(top), channels(bottom)];
  return toHex([0, 1, 2].map((i) => (t[i] as number) * opacity + (b[i] as number) * (1 - opacity)) as [number, number, number]);
}

function darken(hex: string, step: number): string {
  return toHex(channels(hex).map((v) => v * (1 - step)) as [number, number, number]);
}

function readable(shade: string): boolean {
  return ['#ffffff', '#f1f3f5', over(shade, 0.12, '#ffffff'), over(shade, 0.12, '#f8f9fa')].every((bg) => contrast(shade, bg) >= TARGET);
}

/** Shades 6–9 darkened until shade 6 is readable; each of 7–9 at least as dark as the one before. */
export function accessibleShades(colors: MantineColorsTuple): MantineColorsTuple {
  const shades = [...colors];
  let six = shades[6] as string;
  while (!readable(six)) six = darken(six, 0.04);
  shades[6] = six;
  for (let i = 7; i <= 9; i++) {
    let shade = shades[i] as string;
    while (luminance(shade) > luminance(shades[i - 1] as string) * 0.8) shade = darken(shade, 0.04);
    shades[i] = shade;
  }
  return shades as unknown as MantineColorsTuple;
}

const colors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, tuple]) => [name, name === 'dark' ? tuple : accessibleShades(tuple)]),
);

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 6,
  colors,
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  // A focus ring whenever the keyboard moves focus, never hidden.
  focusRing: 'auto',
  components: {
    // Sentence case reads better than capitals in Russian, and a badge never hides its own words.
    Badge: Badge.extend({ defaultProps: { tt: 'none' }, styles: { root: { minWidth: 'max-content' } } }),
  },
});

/** Placeholders dark enough to read (Mantine's grey 5 is 2:1 on white); dimmed text is grey 6, readable above. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-placeholder': 'var(--mantine-color-gray-6)' },
  dark: {},
});
