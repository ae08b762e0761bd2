import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openAndMigrate } from '../app.js';
import { loadConfig, sqlitePath } from '../config.js';
import { AppError } from '../core/errors.js';
import { openDatabase, redact } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { errorBody, zodToAppError } from '../http/errors.js';
import { findUserByEmail } from '../modules/auth/user.repository.js';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../modules/demo/demo.data.js';
import { startJobs } from '../modules/jobs.js';
import type { CliCommand, CommandInput, ModuleManifest } from '../modules/module.js';
import { countOrgs, findOrgBySlug } from '../modules/orgs/org.repository.js';
import { TOKEN_SCOPES } from '../modules/permissions.js';
import { MODULES } from '../modules/registry.js';
import { installSubscriptions } from '../modules/subscriptions.js';
import { VERSION } from '../version.js';
import { CLI_COMMANDS, type CommandOutput, helpOf, optionsOf, runCommand } from './commands.js';
import { databaseLocation } from './database-location.js';

const HELP = `clientocracy ${VERSION} — promises to clients, measured; teams with authority; client voice.

Usage: clientocracy [command] [options]

Commands:
  serve                     Start the server (the default). Seeds the demo on an empty database
                            unless CLIENTOCRACY_DEMO=0.
  migrate                   Apply pending database migrations and exit.
${helpOf(CLI_COMMANDS)}

Options:
  -h, --help                Show this help.
  -v, --version             Print the version.

Environment: PORT (3000), HOST, CLIENTOCRACY_DATA_DIR (./data), DATABASE_URL (PostgreSQL),
CLIENTOCRACY_DEMO (0 disables the demo), CLIENTOCRACY_SECRET, CLIENTOCRACY_EVALUATOR_MS (5000: the
longest a promise whose events changed waits for its evaluation; every promise is also evaluated
each minute), CLIENTOCRACY_WEBHOOKS_MS (5000: how often due webhooks are sent),
CLIENTOCRACY_WEBHOOK_ALLOW (hosts and CIDRs webhooks may reach although private or local), SMTP_URL
(smtp://user:password@host:587; without it e-mail stays in the outbox), SMTP_FROM (the sender),
CLIENTOCRACY_ERRORS=json (errors on stderr as the API's JSON: codes and each field's code and params).
Scopes: ${TOKEN_SCOPES.join(', ')}.
Exit codes: 0 ok, 1 invalid input, 2 not found, 3 conflict, 4 cannot reach the database.`;

function fail(error: unknown): never {
  const appError = error instanceof AppError ? error : new AppError('internal', (error as Error)?.message ?? String(error));
  // A script reads the API's error shape (codes of the error and of each field, with their params)
  // with CLIENTOCRACY_ERRORS=json; a person reads one line.
  if (process.env.CLIENTOCRACY_ERRORS === 'json') process.stderr.write(`${JSON.stringify(errorBody(appError))}\n`);
  else process.stderr.write(`error: ${appError.message}\n`);
  if (appError.code === 'internal' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(appError.exitCode);
}

function write(out: CommandOutput): void {
  for (const line of out.stderr ?? []) process.stderr.write(`${line}\n`);
  if (out.stdout !== undefined) process.stdout.write(out.stdout.endsWith('\n') ? out.stdout : `${out.stdout}\n`);
  if (out.exitCode) process.exitCode = out.exitCode;
}

async function main(argv: string[]): Promise<void> {
  // Modules react to each other's events (src/modules/events.ts): every command runs with them installed.
  installSubscriptions();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    // The options of every command: an option of another command is accepted and ignored.
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      org: { type: 'string' },
      ...optionsOf(CLI_COMMANDS),
    },
  });
  if (values.version) return void process.stdout.write(`${VERSION}\n`);
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const [command = 'serve'] = positionals;
  const found = CLI_COMMANDS.find((c) => c.name === command);
  if (command !== 'serve' && command !== 'migrate' && !found) {
    throw new AppError('bad_request', `unknown command "${command}"; see clientocracy --help`);
  }
  // Everything this process creates (database, -wal, -shm, secret, backups) is private from the start:
  // see src/db/private-files.ts for why a umask and an explicit chmod of what already exists.
  process.umask(0o077);
  // A command about an organization never creates an empty database (nor the data dir) where there
  // is none: the operator most likely ran it from another directory or without DATABASE_URL.
  const location = databaseLocation(process.env, process.cwd());
  const readsAnOrganization = found?.scope === 'organization';
  if (readsAnOrganization && location.sqliteFile && !existsSync(location.sqliteFile)) {
    const subject = values.org ? `organization ${values.org} not found` : 'no database';
    throw new AppError('not_found', `${subject}: there is no database at ${location.description}`);
  }
  const config = loadConfig();
  if (command === 'serve') return serve(config);
  if (command === 'migrate') return migrate(config);
  if (!found) throw new AppError('bad_request', `unknown command "${command}"; see clientocracy --help`);
  // Flags become strings: `--due` is "true".
  const strings = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === true ? 'true' : v === false ? undefined : v]));
  if (found.scope === 'installation') return write(await found.runInstallation(config, commandInput(found, positionals, strings, config)));

  const database = await openAndMigrate(config);
  try {
    if (readsAnOrganization && values.org && !(await findOrgBySlug(database.db, values.org))) {
      throw new AppError('not_found', `organization ${values.org} not found in ${location.description}`);
    }
    write(await runCommand(database.db, commandInput(found, positionals, strings, config)));
  } finally {
    await database.close();
  }
}

/**
 * What a command reads: its subcommand and the words after it, its options, and its input — text from
 * the FILE after the command or stdin; bytes (a workbook, a CSV in Windows-1251) from the file after
 * the subcommand or stdin, read before the command runs.
 */
function commandInput(
  command: CliCommand,
  positionals: string[],
  values: Record<string, string | undefined>,
  config: ReturnType<typeof loadConfig>,
): CommandInput {
  const [, sub, ...rest] = positionals;
  const reads = command.scope === 'installation' ? undefined : command.input;
  const stdin = reads === 'text' && !sub ? readFileSync(0, 'utf8') : undefined;
  const file = reads === 'bytes' ? rest[0] : sub;
  const bytes = reads === 'bytes' ? (file ? readFileSync(file) : readFileSync(0)) : undefined;
  return {
    command: command.name,
    sub,
    values,
    rest,
    readInput: () => (reads !== 'bytes' && sub ? readFileSync(sub, 'utf8') : (stdin ?? '')),
    ...(bytes && { readInputBytes: () => bytes, inputName: file ? basename(file) : 'stdin.csv' }),
    now: Date.now(),
    publicUrl: config.publicUrl,
    modules: MODULES,
  };
}

async function migrate(config: ReturnType<typeof loadConfig>): Promise<void> {
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqlitePath: sqlitePath(config) });
  try {
    const applied = await migrateToLatest(database.db);
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
  } finally {
    await database.close();
  }
}

async function serve(config: ReturnType<typeof loadConfig>): Promise<void> {
  const { buildServer } = await import('../http/server.js');
  const { seedDemo } = await import('../modules/demo-seed.js');
  const database = await openAndMigrate(config);
  const orgCount = await countOrgs(database.db);
  let seeded: string[] = [];
  if (config.demo && orgCount === 0) seeded = await seedDemo(database.db, Date.now(), config.publicUrl);
  const app = await buildServer(
    { db: database.db, dialect: database.dialect, config },
    { logLevel: process.env.CLIENTOCRACY_LOG === '1' ? 'info' : 'error' },
  );
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? `PostgreSQL ${redact(config.databaseUrl)}` : `SQLite in ${config.dataDir}`;
  process.stdout.write(`Clientocracy ${VERSION} is running at http://localhost:${config.port}/app (database: ${where})\n`);
  process.stdout.write(`API docs: http://localhost:${config.port}/api/docs · client portal: http://localhost:${config.port}/c/<org>\n`);
  const hasDemo = seeded.length > 0 || (await findUserByEmail(database.db, DEMO_EMAIL));
  if (hasDemo) process.stdout.write(`Demo sign-in (demo organizations only): ${DEMO_EMAIL} / ${DEMO_PASSWORD}\n`);
  else if (orgCount === 0) process.stdout.write(`First run: open http://localhost:${config.port}/app to create your organization.\n`);
  // The modules' work off the request path (evaluation, deliveries, reminders, pruning): each now,
  // then at its interval, never doubled; a failure is logged and the server goes on.
  const modules: readonly ModuleManifest[] = MODULES;
  const jobs = startJobs(
    modules.flatMap((m) => m.jobs ?? []),
    { db: database.db, dialect: database.dialect, config, env: process.env },
  );
  const stop = async () => {
    jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if ((error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
    fail(new AppError('bad_request', `${(error as Error).message}. See clientocracy --help.`));
  }
  if ((error as { issues?: unknown })?.issues) fail(zodToAppError(error as never, 'input'));
  fail(error);
});
