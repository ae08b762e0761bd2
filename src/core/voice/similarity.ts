/**
 * How alike two proposals are, in Russian and English, so a client sees the existing ones before
 * adding a duplicate. Pure: no I/O.
 *
 * Text is normalised (lower case, ё → е, anything but letters and digits a space), cut into words
 * of three letters or more, and each word is crudely stemmed: one common Russian or English ending
 * is taken off while three letters remain («лавочки» → «лавочк», «дворе» → «двор», "benches" →
 * "bench"). The score is the mean of two Jaccard indices, each from 0 to 1:
 * - over the stems, where two stems count as the same when one begins with the other or they share
 *   their first three letters and both have four or more («лавочк» ~ «лавк», not «установ» ~ «постав»);
 * - over the character trigrams of the stems (each padded with a space on both sides), which
 *   catches words that share a root but not a beginning («лавочк» and «лавк» share « ла», «лав»).
 */

/** Lower case, ё → е, only letters and digits kept (the rest become single spaces). */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Longest first, so «ами» is taken before «и». One ending is removed, never more.
const RU_ENDINGS = [
  'иями',
  'ться',
  'ями',
  'ами',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ать',
  'ять',
  'ить',
  'еть',
  'уть',
  'ете',
  'ите',
  'ьте',
  'тся',
  'ешь',
  'ишь',
  'ый',
  'ий',
  'ой',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ую',
  'юю',
  'ах',
  'ях',
  'ам',
  'ям',
  'ом',
  'ем',
  'ов',
  'ев',
  'ей',
  'ает',
  'яет',
  'ают',
  'яют',
  'ует',
  'уют',
  'ию',
  'ия',
  'ии',
  'те',
  'а',
  'я',
  'о',
  'е',
  'и',
  'ы',
  'у',
  'ю',
  'ь',
  'й',
];
const EN_ENDINGS = ['ations', 'ation', 'ings', 'ing', 'ies', 'es', 'ed', 'ly', 's', 'e'];
const MIN_STEM = 3;

/** The word without one common ending, keeping at least three letters. */
export function stem(word: string): string {
  const endings = /[а-я]/.test(word) ? RU_ENDINGS : EN_ENDINGS;
  for (const ending of endings) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  }
  return word;
}

/** Words that say nothing about what is proposed. */
const STOP_WORDS = new Set([
  'the',
  'and',
  'for',
  'with',
  'please',
  'our',
  'you',
  'your',
  'this',
  'that',
  'are',
  'not',
  'can',
  'could',
  'would',
  'should',
  'наш',
  'наша',
  'наше',
  'наши',
  'нашем',
  'нашей',
  'ваш',
  'это',
  'как',
  'для',
  'что',
  'чтобы',
  'пожалуйста',
  'нас',
  'вас',
  'все',
  'всех',
  'еще',
  'уже',
  'или',
  'при',
  'над',
  'под',
  'без',
  'очень',
  'нужно',
  'надо',
  'просим',
  'прошу',
]);

/** The stems of the words of three letters or more (not stop words), each once, in order of appearance. */
export function stemsOf(text: string): string[] {
  const words = normalizeText(text)
    .split(' ')
    .filter((w) => w.length >= MIN_STEM && !STOP_WORDS.has(w));
  return [...new Set(words.map(stem))];
}

/** Character trigrams of the stems, each stem padded with a space on both sides. */
export function trigramsOf(stems: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (const s of stems) {
    const padded = ` ${s} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

function sameStem(a: string, b: string): boolean {
  if (a.startsWith(b) || b.startsWith(a)) return true;
  return a.length >= 4 && b.length >= 4 && a.slice(0, 3) === b.slice(0, 3);
}

/** Jaccard over stems with `sameStem`: matched pairs ÷ (|A| + |B| − matched), each stem matched once. */
function stemJaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const used = new Set<number>();
  let matched = 0;
  for (const x of a) {
    const j = b.findIndex((y, k) => !used.has(k) && sameStem(x, y));
    if (j >= 0) {
      used.add(j);
      matched += 1;
    }
  }
  return matched / (a.length + b.length - matched);
}

function setJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common += 1;
  return common / (a.size + b.size - common);
}

/** A text prepared once for comparing with many: its stems and their trigrams. */
export interface Fingerprint {
  stems: string[];
  trigrams: Set<string>;
}

export function fingerprint(text: string): Fingerprint {
  const stems = stemsOf(text);
  return { stems, trigrams: trigramsOf(stems) };
}

/** Similarity from 0 (nothing shared) to 1 (the same words): the mean of the two Jaccard indices. */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  return (stemJaccard(a.stems, b.stems) + setJaccard(a.trigrams, b.trigrams)) / 2;
}

/** Shown as similar from this score up: the known pairs in the tests sit above it, unrelated ones below. */
export const SIMILAR_FROM = 0.25;

/**
 * The candidates most like the new proposal, best first, at most `limit`, each with its score
 * rounded to two decimals; only those scoring `SIMILAR_FROM` or more. A proposal is compared by each
 * of its texts (its title alone, and its title with its body) with each of the candidate's, and the
 * best pair counts: a short title is not drowned by a long body. Ties keep the candidates' order.
 */
export function mostSimilar<T extends { texts: readonly string[] }>(
  texts: readonly string[],
  candidates: readonly T[],
  limit: number,
): { item: T; score: number }[] {
  const mine = texts.map(fingerprint).filter((f) => f.stems.length > 0);
  if (mine.length === 0) return [];
  const best = (item: T) => {
    let top = 0;
    for (const theirs of item.texts.map(fingerprint)) for (const m of mine) top = Math.max(top, similarity(m, theirs));
    return top;
  };
  return candidates
    .map((item, index) => ({ item, index, score: best(item) }))
    .filter((x) => x.score >= SIMILAR_FROM)
    .sort((x, y) => y.score - x.score || x.index - y.index)
    .slice(0, limit)
    .map(({ item, score }) => ({ item, score: Math.round(score * 100) / 100 }));
}
