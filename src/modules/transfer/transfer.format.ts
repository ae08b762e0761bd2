import { z } from 'zod';
import type { Tx } from '../../db/schema.js';
import { int } from '../export-columns.js';
import type { ExportedTable, ModuleManifest } from '../module.js';
import { EXPORT_FORMAT, EXPORT_VERSIONS, ZManifest } from './transfer.schema.js';

/** One section of the export file: its key, the module that owns its table, and how it travels. */
export interface ExportSection {
  readonly key: string;
  readonly module: string;
  readonly spec: ExportedTable;
}

/**
 * The export file as the modules declare it: every exported table of every module, in the
 * registry's order (which is the order an import inserts them: a module's tables come after those of
 * the modules it refers to), the file's schema, and the tables that stay behind with their reasons.
 */
export interface ExportFormat {
  readonly sections: readonly ExportSection[];
  readonly schema: z.ZodObject;
  /** The table of every section: `organization` → `organizations`, `users` → `users`… */
  readonly sectionTables: Readonly<Record<string, string>>;
  /** Tables an export leaves out, each with the reason its module gives. */
  readonly notExported: Readonly<Record<string, string>>;
  /** The version each section appeared in; a section not listed is in every version. */
  readonly sectionSince: Readonly<Record<string, number>>;
  readonly afterImport: readonly ((tx: Tx, orgId: string, file: Readonly<Record<string, unknown>>) => Promise<void>)[];
}

const formats = new WeakMap<readonly ModuleManifest[], ExportFormat>();

/** The export format of these modules (computed once per list). Throws when two modules claim one table or section. */
export function exportFormatOf(modules: readonly ModuleManifest[]): ExportFormat {
  const known = formats.get(modules);
  if (known) return known;
  const sections: ExportSection[] = [];
  const notExported: Record<string, string> = {};
  const claimed = new Map<string, string>();
  const claim = (table: string, module: string) => {
    const other = claimed.get(table);
    if (other) throw new Error(`transfer: table ${table} is claimed by both ${other} and ${module}`);
    claimed.set(table, module);
  };
  for (const module of modules) {
    for (const [key, spec] of Object.entries(module.tables?.exported ?? {})) {
      if (sections.some((s) => s.key === key)) throw new Error(`transfer: section ${key} is declared twice`);
      claim(spec.table, module.name);
      sections.push({ key, module: module.name, spec });
    }
    for (const [table, reason] of Object.entries(module.tables?.excluded ?? {})) {
      claim(table, module.name);
      notExported[table] = reason;
    }
  }
  const format: ExportFormat = {
    sections,
    schema: z.object({
      format: z.literal(EXPORT_FORMAT),
      version: z.literal(EXPORT_VERSIONS),
      exportedAt: int,
      manifest: ZManifest.optional(),
      ...Object.fromEntries(sections.map((s) => [s.key, s.spec.file])),
    }),
    sectionTables: Object.fromEntries(sections.map((s) => [s.key, s.spec.table])),
    notExported,
    sectionSince: Object.fromEntries(sections.filter((s) => s.spec.since !== undefined).map((s) => [s.key, s.spec.since as number])),
    afterImport: modules.flatMap((m) => (m.tables?.afterImport ? [m.tables.afterImport] : [])),
  };
  formats.set(modules, format);
  return format;
}

/** The sections that hold rows (every one but the organization's own row), in the file's order. */
export function rowSections(format: ExportFormat): readonly ExportSection[] {
  return format.sections.filter((s) => s.spec.scope !== 'organization');
}
