/**
 * The README and docs/ must stand alone in a clone: every relative link resolves to a file of the
 * repository (and a `#fragment` to a heading of it), none climbs out with `../`, and nothing points
 * at the team's internal documents outside the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const PAGES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text outside fenced code blocks and inline code: links are not looked for in code. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Targets of Markdown links and images `[text](target "title")` and of reference definitions `[id]: target`. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] as string);
  const references = [...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1] as string);
  return [...inline, ...references];
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor a Markdown file offers, with GitHub's -1, -2 … for repeated headings. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const m of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug((m[1] as string).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** What is wrong with one link of `page`, or null. */
function linkProblem(page: string, target: string): string | null {
  if (isExternal(target)) return null;
  if (target.startsWith('../') || target.startsWith('/')) return `${target}: points outside the page's folder or at the server's root`;
  const [path = '', fragment] = target.split('#');
  const file = path === '' ? join(ROOT, page) : resolve(dirname(join(ROOT, page)), decodeURIComponent(path));
  if (relative(ROOT, file).startsWith('..')) return `${target}: outside the repository`;
  if (!existsSync(file)) return `${target}: no such file in the repository`;
  if (fragment && file.endsWith('.md') && statSync(file).isFile() && !anchors(readFileSync(file, 'utf8')).has(fragment)) {
    return `${target}: no heading #${fragment} in ${relative(ROOT, file)}`;
  }
  return null;
}

describe('README.md and docs/*.md stand alone', () => {
  it('there are pages to check, each with links', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['README.md', 'docs/model.md', 'docs/formulas.md', 'docs/api.md']));
    expect(linkTargets(readFileSync(join(ROOT, 'README.md'), 'utf8'))).toEqual(expect.arrayContaining(['docs/model.md']));
  });

  it.each(PAGES)('every relative link of %s resolves to a file of the repository', (page) => {
    const targets = linkTargets(readFileSync(join(ROOT, page), 'utf8'));
    const problems = targets.map((target) => linkProblem(page, target)).filter((p) => p !== null);
    expect(problems).toEqual([]);
  });

  it.each(PAGES)('%s never mentions the internal documents outside the repository', (page) => {
    expect(readFileSync(join(ROOT, page), 'utf8')).not.toMatch(/\.\.\/shared|\/work\/shared|docs\/design\.md|docs\/conventions\.md/);
  });

  it('the checker finds what it must', () => {
    expect(linkTargets('[a](docs/x.md) `[b](no.md)` [c](https://e.org) [d](#top)\n```\n[e](code.md)\n```\n[f]: ../shared/y.md')).toEqual([
      'docs/x.md',
      'https://e.org',
      '#top',
      '../shared/y.md',
    ]);
    expect(linkProblem('README.md', '../shared/DESIGN.md')).toContain('outside');
    expect(linkProblem('README.md', 'docs/missing.md')).toContain('no such file');
    expect(linkProblem('README.md', 'docs/formulas.md#no-such-heading')).toContain('no heading');
    expect(linkProblem('docs/api.md', 'formulas.md#5-sign-in-the-backoff-bound')).toBeNull();
    expect(linkProblem('README.md', '#security')).toBeNull();
    expect(slug('Staff accounts: sessions, passwords, sign-in limits')).toBe('staff-accounts-sessions-passwords-sign-in-limits');
  });
});
