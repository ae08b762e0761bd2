/**
 * The staff app grows like the server: a feature's pages and menu entries are declared in its
 * `<feature>.feature.tsx`, listed once in web/src/features/registry.ts, which the router and the
 * side menu read. A feature file left out of the registry, or a page no feature declares, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURES_DIR = path.resolve(import.meta.dirname, '../../web/src/features');
const folders = readdirSync(FEATURES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const registry = readFileSync(path.join(FEATURES_DIR, 'registry.ts'), 'utf8');
const featureFiles = folders.flatMap((folder) =>
  readdirSync(path.join(FEATURES_DIR, folder))
    .filter((name) => name.endsWith('.feature.tsx'))
    .map((name) => ({ folder, name, text: readFileSync(path.join(FEATURES_DIR, folder, name), 'utf8') })),
);

describe('the web feature registry', () => {
  it('lists every feature file, and each is named after its folder', () => {
    for (const { folder, name } of featureFiles) {
      expect(name).toBe(`${folder}.feature.tsx`);
      expect(registry, `${folder} is not in web/src/features/registry.ts`).toContain(`from './${folder}/${folder}.feature'`);
      expect(registry).toMatch(new RegExp(`^  ${folder}Feature,$`, 'm'));
    }
  });

  it('declares every page component of a feature in a feature file', () => {
    const missing: string[] = [];
    for (const folder of folders) {
      for (const file of readdirSync(path.join(FEATURES_DIR, folder)).filter((name) => name.endsWith('-page.tsx'))) {
        const page = file.replace(/\.tsx$/, '');
        if (!featureFiles.some((f) => f.text.includes(`'./${page}'`))) missing.push(`${folder}/${file}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every page its own path and every menu entry its own place', () => {
    const paths = featureFiles.flatMap((f) => [...f.text.matchAll(/\{ path: '([^']+)', element/g)].map((m) => m[1]));
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
    const orders = featureFiles.flatMap((f) => [...f.text.matchAll(/order: (\d+)/g)].map((m) => Number(m[1])));
    expect(orders.filter((o, i) => orders.indexOf(o) !== i)).toEqual([]);
    expect(paths.length).toBeGreaterThan(20);
  });
});
