/**
 * Short names (slugs) suggested from an organization's name. Cyrillic is transliterated the way
 * Russian names are usually written in Latin letters (ГОСТ 7.79 system B / passport style, with
 * the familiar ж→zh, х→kh, ц→ts, щ→shch, ю→yu, я→ya); soft and hard signs are dropped.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian and Belarusian letters that Russian lacks, so their names do not lose letters.
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
};

/** Lowercase Latin for a text: Cyrillic letters transliterated, accents dropped (é → e); other characters kept. */
export function transliterate(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  for (const char of lower) out += CYRILLIC[char] ?? char;
  return out
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The longest a slug may be (ZOrgSlug). */
export const SLUG_MAX_LENGTH = 40;

/**
 * A slug for a name under the rules of ZOrgSlug: lowercase letters and digits, words joined by
 * single hyphens, at most 40 characters (cut at a word boundary when one is near). «РемонтПро» →
 * `remontpro`, «Строй Дом» → `stroy-dom`. Empty when fewer than 2 usable characters remain.
 */
export function suggestSlug(name: string): string {
  const words = transliterate(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = words;
  if (slug.length > SLUG_MAX_LENGTH) {
    const cut = slug.slice(0, SLUG_MAX_LENGTH + 1);
    const boundary = cut.lastIndexOf('-');
    slug = boundary >= SLUG_MAX_LENGTH / 2 ? cut.slice(0, boundary) : slug.slice(0, SLUG_MAX_LENGTH).replace(/-+$/, '');
  }
  return slug.length >= 2 ? slug : '';
}
