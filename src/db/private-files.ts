import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';

/**
 * The data dir holds password hashes, client personal data and the server secret: it and its files
 * are readable by the service's own user alone (dir 0700, files 0600).
 *
 * Two layers, because neither is enough alone. The CLI sets `process.umask(0o077)` before anything
 * is created, so a file is private from the moment it exists (a chmod after creation leaves a window
 * in which another user can open it, and SQLite creates -wal and -shm on its own). But a umask does
 * nothing to files an older version created 0644, and the database can be opened without the CLI
 * (tests, embedding): so opening also tightens what is already there, explicitly. SQLite then
 * creates later -wal and -shm files with the database file's own mode, 0600.
 */

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) 0700, or narrows an existing one looser than that. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  narrow(dir, PRIVATE_DIR_MODE);
}

/** Narrows each existing file to 0600; absent ones are skipped. */
export function restrictFiles(...files: string[]): void {
  for (const file of files) if (existsSync(file)) narrow(file, PRIVATE_FILE_MODE);
}

function narrow(target: string, mode: number): void {
  const stat = statSync(target);
  if ((stat.mode & 0o777 & ~mode) === 0) return;
  // Only what is the service's own: never a shared dir such as /tmp (sticky) or another user's, even as root.
  if (stat.mode & 0o1000 || (process.getuid && stat.uid !== process.getuid())) return;
  try {
    chmodSync(target, mode);
  } catch (error) {
    // A dir or file of another user the operator pointed us at: theirs to set; the service still runs.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}
