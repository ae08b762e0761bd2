/**
 * Labels broken into lines between words, never inside one: a word longer than a line stays whole
 * on its own line (it may stick out; cutting «Согласование» into «Согласова-/ние» is what this
 * avoids). Hyphenated words may break after their hyphen. Pure: characters are counted, not measured.
 */

/** Lines of at most `maxChars` characters (but whole words), in order; an empty or blank text gives []. */
export function wrapWords(text: string, maxChars: number): string[] {
  const limit = Math.max(1, Math.floor(maxChars));
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
    // «сервис-центр» may end a line after its hyphen; a lone hyphen or dash stays with its words.
    .flatMap((word) => word.replace(/(\p{L})-(?=\p{L})/gu, '$1-\u0000').split('\u0000'));
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const glue = line === '' || line.endsWith('-') ? '' : ' ';
    if (line !== '' && line.length + glue.length + word.length > limit) {
      lines.push(line);
      line = word;
    } else {
      line += glue + word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** How many characters of an 11–12 px sans-serif fit in `widthPx`: Cyrillic letters are about 0.6 em wide. */
export function charsThatFit(widthPx: number, fontSizePx: number): number {
  return Math.max(1, Math.floor(widthPx / (fontSizePx * 0.6)));
}
