/**
 * No import cycles: between the modules under `src/modules/` (a module may use another only if that
 * one never uses it back, directly or through others), and between any two files of `src/` or
 * `web/src/`. Type-only imports count too: a module that names another's types depends on it. When
 * two modules need each other, one announces a domain event and the other subscribes
 * (`src/modules/events.ts`), or the shared part moves to a neutral place (`src/core`, `src/http`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourcesUnder(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** The files `file` imports by relative path, resolved to the repository's paths. */
function importsOf(file: string, files: Set<string>): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2];
    if (!spec?.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), spec).replace(/\.js$/, '');
    const target = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((f) => files.has(f));
    if (target) out.push(target);
  }
  return out;
}

/** Strongly connected components with more than one node (Tarjan): each is a cycle. */
function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

function fileGraph(dir: string): Map<string, Set<string>> {
  const files = sourcesUnder(path.join(ROOT, dir));
  const known = new Set(files);
  const graph = new Map<string, Set<string>>();
  for (const file of files) graph.set(rel(file), new Set(importsOf(file, known).map(rel)));
  return graph;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

/** `src/modules/<name>/…` → `<name>`; anything else is not a module. */
const moduleOf = (file: string): string | null => /^src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;

describe('no import cycles', () => {
  it('finds a cycle of three and none in a chain', () => {
    const g = (edges: [string, string][]) => {
      const m = new Map<string, Set<string>>();
      for (const [a, b] of edges) {
        if (!m.has(a)) m.set(a, new Set());
        if (!m.has(b)) m.set(b, new Set());
        m.get(a)!.add(b);
      }
      return m;
    };
    expect(
      cyclesOf(
        g([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['c', 'd'],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(
      cyclesOf(
        g([
          ['a', 'b'],
          ['b', 'c'],
        ]),
      ),
    ).toEqual([]);
  });

  it('between the modules of the server', () => {
    const files = fileGraph('src');
    const modules = new Map<string, Set<string>>();
    const why = new Map<string, string>();
    for (const [file, targets] of files) {
      const from = moduleOf(file);
      if (!from) continue;
      if (!modules.has(from)) modules.set(from, new Set());
      for (const target of targets) {
        const to = moduleOf(target);
        if (!to || to === from) continue;
        modules.get(from)!.add(to);
        if (!why.has(`${from}>${to}`)) why.set(`${from}>${to}`, `${file} → ${target}`);
      }
    }
    const cycles = cyclesOf(modules).map((members) => ({
      modules: members,
      edges: [...why].filter(([edge]) => members.includes(edge.split('>')[0]!) && members.includes(edge.split('>')[1]!)).map(([, w]) => w),
    }));
    expect(cycles).toEqual([]);
  });

  it('between the files of the server', () => {
    expect(cyclesOf(fileGraph('src'))).toEqual([]);
  });

  it('between the files of the web app', () => {
    expect(cyclesOf(fileGraph('web/src'))).toEqual([]);
  });
});
