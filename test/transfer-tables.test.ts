/**
 * Leaving a table out of export/import loses data silently. Every table of the migrated database,
 * read from the database itself, is either exported by the module that owns it (a section of the
 * file, declared in the module's manifest, whose row schema has exactly the table's columns) or
 * excluded by its module with a stated reason; a table added by a future migration fails here, by
 * name, until its module decides which.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { NOT_EXPORTED, SECTION_TABLES, ZExportFile } from '../src/modules/export-file.js';
import { createTestDatabase, type TestDatabase } from './harness.js';

let database: TestDatabase;

/** The tables of the database, as it lists them itself. */
async function tablesOf({ db, dialect }: TestDatabase): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

/** The columns of a table, as the database lists them. */
async function columnsOf({ db, dialect }: TestDatabase, table: string): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
      : await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table}`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

/** The keys of a section's rows: `organization` is one row, the others lists (defaulted to empty). */
function rowKeys(section: z.ZodType): string[] {
  let inner = section as z.ZodType & { def: { type: string; innerType?: z.ZodType; element?: z.ZodType } };
  while (inner.def.innerType) inner = inner.def.innerType as typeof inner;
  if (inner.def.type === 'array') inner = inner.def.element as typeof inner;
  return Object.keys((inner as unknown as z.ZodObject).shape).sort();
}

const ROW_SECTIONS = Object.keys(ZExportFile.shape).filter((key) => !['format', 'version', 'exportedAt', 'manifest'].includes(key));

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe('every table is exported or excluded with a reason', () => {
  it('no table of the migrated database is unaccounted for', async () => {
    const tables = await tablesOf(database);
    // Sanity: the list is the database's own (the foundation's first tables are there).
    expect(tables).toEqual(expect.arrayContaining(['organizations', 'users', 'audit_log']));
    const exported = new Set(Object.values(SECTION_TABLES));
    const unaccounted = tables.filter((table) => !exported.has(table) && !(table in NOT_EXPORTED));
    // A table here is new: export it (a section in transfer.*.schema.ts, its rows in transfer.service.ts)
    // or exclude it in the manifest's `tables.excluded` of the module that owns it, saying why.
    expect(unaccounted, `tables neither exported nor in NOT_EXPORTED: ${unaccounted.join(', ')}`).toEqual([]);
  });

  it('the exclusion list names only tables that exist and are not exported, each with a reason', async () => {
    const tables = new Set(await tablesOf(database));
    const exported = new Set(Object.values(SECTION_TABLES));
    expect(Object.keys(NOT_EXPORTED).filter((table) => !tables.has(table))).toEqual([]);
    expect(Object.keys(NOT_EXPORTED).filter((table) => exported.has(table))).toEqual([]);
    expect(Object.entries(NOT_EXPORTED).filter(([, reason]) => reason.trim().length < 10)).toEqual([]);
  });

  it('every section of the file is a table, and every exported table a section', async () => {
    expect(ROW_SECTIONS.filter((key) => !(key in SECTION_TABLES))).toEqual([]);
    expect(Object.keys(SECTION_TABLES).filter((key) => !ROW_SECTIONS.includes(key))).toEqual([]);
    const tables = new Set(await tablesOf(database));
    expect(Object.values(SECTION_TABLES).filter((table) => !tables.has(table))).toEqual([]);
  });

  it("every exported table's columns are its section's, no more and no fewer", async () => {
    const mismatches: string[] = [];
    for (const key of ROW_SECTIONS) {
      const table = SECTION_TABLES[key]!;
      const columns = await columnsOf(database, table);
      const keys = rowKeys(ZExportFile.shape[key as keyof typeof ZExportFile.shape]);
      for (const column of columns) if (!keys.includes(column)) mismatches.push(`${table}.${column} is not in the section ${key}`);
      for (const column of keys) if (!columns.includes(column)) mismatches.push(`${key}.${column} is not a column of ${table}`);
    }
    expect(mismatches).toEqual([]);
  });
});
