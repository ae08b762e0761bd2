/**
 * On PostgreSQL the database server owns the data and `pg_dump` / `pg_restore` are the tools that
 * back it up consistently while the service runs: `clientocracy backup` and `restore` print the
 * exact commands for the configured DATABASE_URL instead of doing it themselves.
 */

/** A shell word: single-quoted unless it is plainly safe (a connection string always is: `?` and `&` are common in it). */
export function shellQuote(word: string, always = false): string {
  return !always && /^[A-Za-z0-9_./:@%+=,-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** libpq parameters that hold a secret: the password, and the passphrase of the client's SSL key. (`passfile` is only a path.) */
const SECRET_PARAMETERS = new Set(['password', 'sslpassword']);

/** The key of one `key=value` pair of a query, decoded and in lower case (`PassWord`, `pass%77ord` are `password`). */
function queryKey(pair: string): string {
  const key = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(key.replaceAll('+', ' ')).toLowerCase();
  } catch {
    return key.toLowerCase();
  }
}

/**
 * The connection string without its password, which is never printed: pg_dump reads it from
 * PGPASSWORD or ~/.pgpass. A URL may carry it as `user:password@` or in its query (`?password=…`,
 * `?sslpassword=…`): both are left out.
 */
export function withoutPassword(databaseUrl: string): { url: string; hadPassword: boolean } {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    // Not a URL (a key=value connection string): hide any password=… or sslpassword=… in it, quoted or not.
    const hidden = databaseUrl.replace(
      /\b(ssl)?password\s*=\s*('(?:[^'\\]|\\.)*'|\S*)/gi,
      (_match, ssl: string | undefined) => `${ssl ?? ''}password=***`,
    );
    return { url: hidden, hadPassword: hidden !== databaseUrl };
  }
  let hadPassword = url.password !== '';
  url.password = '';
  // Dropped pair by pair, the rest left exactly as written (URLSearchParams would re-encode it).
  const pairs = url.search.slice(1).split('&');
  const kept = pairs.filter((pair) => !SECRET_PARAMETERS.has(queryKey(pair)));
  if (kept.length < pairs.length) {
    hadPassword = true;
    url.search = kept.join('&');
  }
  return { url: url.toString(), hadPassword };
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
