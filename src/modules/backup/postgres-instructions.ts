/**
 * On PostgreSQL the database server owns the data and `pg_dump` / `pg_restore` are the tools that
 * back it up consistently while the service runs: `clientocracy backup` and `restore` print the
 * exact commands for the configured DATABASE_URL instead of doing it themselves.
 */

/** A shell word: single-quoted unless it is plainly safe (a connection string always is: `?` and `&` are common in it). */
export function shellQuote(word: string, always = false): string {
  return !always && /^[A-Za-z0-9_./:@%+=,-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The connection string without its password, which is never printed: pg_dump reads it from PGPASSWORD or ~/.pgpass. */
export function withoutPassword(databaseUrl: string): { url: string; hadPassword: boolean } {
  try {
    const url = new URL(databaseUrl);
    const hadPassword = url.password !== '';
    url.password = '';
    return { url: url.toString(), hadPassword };
  } catch {
    // Not a URL (a key=value connection string): hide any password=… in it.
    const hidden = databaseUrl.replace(/password=\S*/gi, 'password=***');
    return { url: hidden, hadPassword: hidden !== databaseUrl };
  }
}

const PASSWORD_NOTE = 'the password is left out: give it in PGPASSWORD or ~/.pgpass';

/** What `clientocracy backup FILE` prints on PostgreSQL: the pg_dump command, and the pg_restore that reads its file. */
export function pgBackupInstructions(databaseUrl: string, file: string): string {
  const { url, hadPassword } = withoutPassword(databaseUrl);
  return [
    'DATABASE_URL is PostgreSQL: back it up with pg_dump (consistent while the server runs):',
    '',
    `  pg_dump --format=custom --file=${shellQuote(file)} ${shellQuote(url, true)}`,
    '',
    'and restore it into a new, empty database with:',
    '',
    `  pg_restore --no-owner --dbname=${shellQuote(url, true)} ${shellQuote(file)}`,
    ...(hadPassword ? ['', `(${PASSWORD_NOTE})`] : []),
  ].join('\n');
}

/** What `clientocracy restore FILE` prints on PostgreSQL. */
export function pgRestoreInstructions(databaseUrl: string, file: string): string {
  const { url, hadPassword } = withoutPassword(databaseUrl);
  return [
    'DATABASE_URL is PostgreSQL: restore a pg_dump file with pg_restore, into a new, empty database (createdb first):',
    '',
    `  pg_restore --no-owner --dbname=${shellQuote(url, true)} ${shellQuote(file)}`,
    '',
    'then `clientocracy migrate` applies what a newer version adds.',
    ...(hadPassword ? ['', `(${PASSWORD_NOTE})`] : []),
  ].join('\n');
}
