/**
 * SQL lives in repositories: a service loads through its module's repository, calls a pure core
 * function, and stores through the repository. A file outside `*.repository.ts`, `src/db/` and the
 * migrations that builds a query (`selectFrom`, `insertInto`, `updateTable`, `deleteFrom`, or a raw
 * `sql` template) fails here, by name and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const QUERY = /\b(selectFrom|insertInto|updateTable|deleteFrom)\s*\(|\bsql\s*(<[^>]*>)?\s*`|\bsql\.(raw|ref|id|table|lit|join)\s*\(/;

/** Every TypeScript source file under `dir`, tests excluded. */
function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourcesUnder(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

/** Where a query may be built: a repository, the database layer (schema, migrations, connection). */
function mayQuery(relative: string): boolean {
  return relative.endsWith('.repository.ts') || relative.startsWith('src/db/');
}

/** The lines of `text` that build a query, 1-based. */
function queryLines(text: string): number[] {
  const lines = text.split('\n');
  const found: number[] = [];
  lines.forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    if (/^\s*(\*|\/\*)/.test(code)) return;
    if (QUERY.test(code)) found.push(i + 1);
  });
  return found;
}

describe('queries live in repositories', () => {
  it('recognizes a query and ignores prose about one', () => {
    expect(queryLines("const r = await tx.selectFrom('teams').selectAll();")).toEqual([1]);
    expect(queryLines('await sql`select 1`.execute(db);')).toEqual([1]);
    expect(queryLines('await sql<{ n: number }>`select 1`.execute(db);')).toEqual([1]);
    expect(queryLines(".where(sql.ref('x'), '=', 1)")).toEqual([1]);
    expect(queryLines(' * the repository calls selectFrom( here')).toEqual([]);
    expect(queryLines('// insertInto( is for repositories')).toEqual([]);
    expect(mayQuery('src/modules/teams/team.repository.ts')).toBe(true);
    expect(mayQuery('src/db/migrations/20260101T0000_init.ts')).toBe(true);
    expect(mayQuery('src/modules/teams/team.service.ts')).toBe(false);
  });

  it('no file outside a repository and src/db builds a query', () => {
    const offenders: string[] = [];
    for (const file of sourcesUnder(path.join(ROOT, 'src'))) {
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      if (mayQuery(relative)) continue;
      for (const line of queryLines(readFileSync(file, 'utf8'))) offenders.push(`${relative}:${line}`);
    }
    expect(offenders).toEqual([]);
  });
});
