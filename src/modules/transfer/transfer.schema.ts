import { z } from 'zod';

/** The versioned export format of one whole organization: database rows, as stored. */
export const EXPORT_FORMAT = 'clientocracy.organization';
/**
 * The version an export writes. A version adds sections; an import reads every version so far:
 * - 1: everything up to the audit log (files written before client voice or before the manifest are
 *   version 1 as well: their missing sections are empty, allowed only with `--no-manifest`);
 * - 2: adds `promiseRequests`;
 * - 3: adds the sections of issue 17 ("Clientocracy as enforced rules"): `segmentContexts`, and the
 *   other tables that issue brings.
 * A file of an older version must not carry a newer section (a section says `since` in its module's
 * tables), and its manifest states exactly the sections of its version; the sections it lacks import
 * as empty.
 */
export const EXPORT_VERSION = 3;
export const EXPORT_VERSIONS = [1, 2, 3] as const;

/**
 * What the file says it holds: the rows of every section and a SHA-256 of its content (see
 * transfer.manifest.ts for exactly what is hashed). Files written before the manifest have none.
 */
export const ZManifest = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
  counts: z.record(z.string(), z.number().int().min(0)),
});
export type TManifest = z.output<typeof ZManifest>;
