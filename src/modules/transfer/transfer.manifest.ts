import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError, fieldError } from '../../core/errors.js';
import { zodToAppError } from '../../http/errors.js';
import { type ExportFormat, rowSections } from './transfer.format.js';
import { EXPORT_FORMAT, EXPORT_VERSION, EXPORT_VERSIONS, type TManifest, ZManifest } from './transfer.schema.js';

/**
 * The export file's manifest: what an import checks before it writes anything, so an incomplete,
 * truncated or edited file is refused instead of imported as an organization with parts missing.
 *
 * - `counts`: the rows of every section of the file's version (every list of the file, `users` to
 *   `audit`): exactly those, so a manifest written by version 1 states no `promiseRequests`.
 * - `sha256`: SHA-256, in lowercase hex, of the file's canonical JSON without the keys `manifest`
 *   and `exportedAt` (every other key, `format` and `version` included). Canonical JSON is
 *   RFC 8785 (JCS): object keys sorted by UTF-16 code units, no whitespace, strings and numbers
 *   written as JavaScript's JSON.stringify writes them. Equal content gives an equal manifest, so
 *   two exports of the same data still differ only in `exportedAt`.
 */

/** The sections of the file holding lists of rows, in its order (every key but the header and the organization). */
export function sectionKeys(format: ExportFormat): string[] {
  return rowSections(format).map((s) => s.key);
}

/** The sections a file of `version` has, in the file's order. */
export function sectionsOf(format: ExportFormat, version: number): string[] {
  return sectionKeys(format).filter((key) => (format.sectionSince[key] ?? 1) <= version);
}

/** What a file says it is, read before anything else: which sections it must have depends on it. */
const ZHeader = z.object({ format: z.literal(EXPORT_FORMAT), version: z.literal(EXPORT_VERSIONS) });

/** Deeper than any file this format has (rows are flat): a hostile file must not exhaust the stack. */
const MAX_DEPTH = 64;

/** RFC 8785 canonical JSON of a parsed JSON value; `undefined` members are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw invalid('input', `nested deeper than ${MAX_DEPTH} levels`);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v, depth + 1))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k], depth + 1)}`).join(',')}}`;
}

/** SHA-256 (hex) of the file's content as the manifest states it: without `manifest` and `exportedAt`. */
export function contentHash(file: Record<string, unknown>): string {
  const { manifest: _manifest, exportedAt: _exportedAt, ...content } = file;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The manifest of a file about to be written. */
export function manifestOf(format: ExportFormat, file: Record<string, unknown>): TManifest {
  const version = typeof file.version === 'number' ? file.version : EXPORT_VERSION;
  const counts = Object.fromEntries(sectionsOf(format, version).map((key) => [key, (file[key] as unknown[]).length]));
  return { sha256: contentHash(file), counts };
}

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path}: ${message}`, [fieldError(path, 'invalid', message)]);
}

export interface ReadOptions {
  /** Accept a file without a manifest (written before manifests existed): its sections are not checked. */
  allowMissingManifest?: boolean;
}

/**
 * Checks a parsed export file whole before anything is written: its format and version, the
 * manifest (present, every section of the version there with the rows it states, the content hash),
 * then every row against the API's limits. Sections newer than the file's version are refused if
 * present and import as empty. Throws `validation_failed` naming the section, and the row and field
 * where there is one.
 */
export function readExportFileWith(
  format: ExportFormat,
  json: unknown,
  options: ReadOptions = {},
): { file: Record<string, unknown>; warnings: string[] } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalid('input', 'not an export file (a JSON object)');
  const raw = json as Record<string, unknown>;
  const warnings: string[] = [];
  const header = ZHeader.safeParse({ format: raw.format, version: raw.version });
  if (!header.success) throw zodToAppError(header.error, 'input');
  const { version } = header.data;
  const sections = sectionsOf(format, version);
  const newer = sectionKeys(format).find((key) => !sections.includes(key) && raw[key] !== undefined);
  if (newer) throw invalid(newer, `not a section of version ${version} files: it is new in version ${format.sectionSince[newer]}`);
  if (raw.manifest === undefined) {
    if (!options.allowMissingManifest)
      throw invalid(
        'manifest',
        'missing: the file cannot be checked for missing or changed parts; a file exported before manifests existed imports with --no-manifest',
      );
    warnings.push('warning: the file has no manifest; missing sections import as empty and changes to it go unnoticed');
  } else {
    const parsed = z.object({ manifest: ZManifest }).safeParse({ manifest: raw.manifest });
    if (!parsed.success) throw zodToAppError(parsed.error, 'manifest');
    checkSections(raw, parsed.data.manifest, version, sections);
  }
  const parsed = format.schema.safeParse(raw);
  if (!parsed.success) throw zodToAppError(parsed.error, 'input');
  if (raw.manifest !== undefined && contentHash(raw) !== (raw.manifest as TManifest).sha256)
    throw invalid('manifest.sha256', 'the content does not match: the file was changed or damaged after it was exported');
  return { file: parsed.data as Record<string, unknown>, warnings };
}

function checkSections(raw: Record<string, unknown>, manifest: TManifest, version: number, sections: string[]): void {
  const unknown = Object.keys(manifest.counts).filter((key) => !sections.includes(key));
  if (unknown.length > 0) throw invalid(`manifest.counts.${unknown[0]}`, `not a section of version ${version} files`);
  for (const key of sections) {
    const stated = manifest.counts[key];
    if (stated === undefined) throw invalid(`manifest.counts.${key}`, `missing: the manifest does not state the section ${key}`);
    const rows = raw[key];
    if (rows === undefined) throw invalid(key, `section missing: the manifest states ${stated} rows`);
    if (!Array.isArray(rows)) throw invalid(key, 'must be a list of rows');
    if (rows.length !== stated) throw invalid(key, `${rows.length} rows, the manifest states ${stated}`);
  }
}
