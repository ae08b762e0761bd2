import type { z } from 'zod';
import type { Db } from '../db/schema.js';
import type { ExportedTable } from './module.js';
import { MODULES } from './registry.js';
import { type ExportFormat, exportFormatOf } from './transfer/transfer.format.js';
import {
  manifestOf as manifestWith,
  type ReadOptions,
  readExportFileWith,
  sectionKeys,
  sectionsOf as sectionsWith,
} from './transfer/transfer.manifest.js';
import type { EXPORT_FORMAT, EXPORT_VERSIONS, TManifest } from './transfer/transfer.schema.js';
import { exportOrganizationWith, importOrganizationWith } from './transfer/transfer.service.js';

/**
 * The product's export file: the sections every module of the registry declares. Typed from the
 * manifests, so a section a module adds is a typed key of the file without a line here.
 */
export const EXPORT: ExportFormat = exportFormatOf(MODULES);

type ExportedOf<M> = M extends { readonly tables: { readonly exported: infer E } } ? E : never;
type Intersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
type Sections = Intersection<ExportedOf<(typeof MODULES)[number]>>;
type SectionShape = { [K in keyof Sections]: Sections[K] extends ExportedTable<infer F> ? F : never };

/** The export file's schema (its header, then every section). */
export const ZExportFile = EXPORT.schema as unknown as z.ZodObject<
  {
    format: z.ZodLiteral<typeof EXPORT_FORMAT>;
    version: z.ZodLiteral<(typeof EXPORT_VERSIONS)[number]>;
    exportedAt: z.ZodNumber;
    manifest: z.ZodOptional<z.ZodType<TManifest>>;
  } & SectionShape
>;
export type TExportFile = z.output<typeof ZExportFile>;

/** The table of every section of the file. */
export const SECTION_TABLES = EXPORT.sectionTables;
/** The sections holding lists of rows, in the file's order. */
export const SECTIONS: readonly string[] = sectionKeys(EXPORT);
/** The sections a file of `version` has, in the file's order. */
export const sectionsOf = (version: number): string[] => sectionsWith(EXPORT, version);
/** The manifest of a file about to be written. */
export const manifestOf = (file: Record<string, unknown>): TManifest => manifestWith(EXPORT, file);
/** Tables an export leaves out, each with the reason its module gives. */
export const NOT_EXPORTED = EXPORT.notExported;

export async function exportOrganization(db: Db, slug: string, now: number): Promise<TExportFile> {
  return (await exportOrganizationWith(EXPORT, db, slug, now)) as TExportFile;
}

export async function importOrganization(db: Db, file: TExportFile): Promise<{ slug: string; counts: Record<string, number> }> {
  return importOrganizationWith(EXPORT, db, file);
}

export function readExportFile(json: unknown, options: ReadOptions = {}): { file: TExportFile; warnings: string[] } {
  const { file, warnings } = readExportFileWith(EXPORT, json, options);
  return { file: file as TExportFile, warnings };
}
