import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openAndMigrate } from '../app.js';
import { loadConfig, sqlitePath } from '../config.js';
import { TOKEN_SCOPES } from '../core/access/permissions.js';
import { AppError } from '../core/errors.js';
import { openDatabase, redact } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { zodToAppError } from '../http/errors.js';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../modules/demo/demo.data.js';
import { findOrgBySlug } from '../modules/orgs/org.repository.js';
import { installSubscriptions } from '../modules/subscriptions.js';
import { VERSION } from '../version.js';
import { runBackupCommand } from './backup.commands.js';
import { type CommandOutput, runCommand } from './commands.js';
import { databaseLocation } from './database-location.js';

const HELP = `clientocracy ${VERSION} — promises to clients, measured; teams with authority; client voice.

Usage: clientocracy [command] [options]

Commands:
  serve                     Start the server (the default). Seeds the demo on an empty database
                            unless CLIENTOCRACY_DEMO=0.
  migrate                   Apply pending database migrations and exit.
  demo                      Seed the demo organizations (stroydom, mfc, neighbourhood-care);
                            running it again changes nothing.
  user create --org SLUG --email EMAIL --role ROLE [--name NAME] [--password PASSWORD]
                            Add a person to an organization (a new account needs name and password).
  token create --org SLUG --scopes all|SCOPE,SCOPE [--name NAME]
                            Create an API token; the token alone is the last line of stdout.
  canvas list --org SLUG    List the strategy canvases (id, name, factors).
  canvas svg --org SLUG --canvas ID [--lang ru|en]
                            Print a strategy canvas as an SVG chart.
  rights tree --org SLUG    Print how decision rights are delegated (organization/council → teams → roles).
  agreements list --org SLUG [--due]
                            List agreements (id, review date, status or DUE, owner, title).
  agreements add --org SLUG --owner team:ID|role:ID --title T --driver D --text T --review YYYY-MM-DD
                 [--criteria C]
                            Record an agreement (S3: driver, text, owner, criteria, review date).
  agreements review --org SLUG --id ID --outcome keep|amend|retire [--next YYYY-MM-DD] [--note N]
                            Review an agreement: the outcome and the next review date.
  decisions list --org SLUG [--due]
                            List decisions (id, step of the advice process, review, team, right, title).
  decisions show --org SLUG --id ID
                            Walk one decision: options, advice asked and given, the choice.
  reviews due --org SLUG    Agreements and decisions due for review today (organization's time zone).
  events import --org SLUG --promise ID FILE.csv|FILE.xlsx [--map "FIELD=COLUMN,…"] [--tz ZONE]
                [--date-format auto|iso|dd.mm.yyyy|yyyy-mm-dd|excel]
                            Send fulfillment events from a spreadsheet: CSV (, ; or tab; UTF-8 or
                            Windows-1251) or .xlsx (first sheet), by the extension; stdin is CSV.
                            --map names the column of each field: externalId, occurredAt, good (1/0,
                            да/нет, yes/no, true/false, успешно/неуспешно) or value (decimal comma
                            allowed), clientId (a client's id, external code, e-mail or name), e.g.
                            --map "externalId=Номер заявки,occurredAt=Дата,value=Часы" (default: the
                            mapping last used for the promise, else guessed from the headers). Times
                            without an offset are in --tz (default: the organization's time zone).
                            Refused rows are named by row as the file counts them (header = row 1),
                            exit 1; a rerun counts nothing twice.
  economics report --org SLUG --period YYYY-MM [--format table|csv|json]
                            Every team's P&L, hourly efficiency, fulfillment, pool and reserve for a
                            month (csv and json in minor units).
  outbox [--org SLUG] [--limit N]
                            Print the e-mail the product sent or would send (newest first, whole text):
                            without SMTP_URL every message waits here — invitation and sign-in links too.
  reviews remind [--org SLUG]
                            Notify the owners of everything due (the server does it every 15 minutes).
  export --org SLUG         Print the whole organization as versioned JSON on stdout.
  import [FILE] [--no-manifest]
                            Import an exported organization from FILE or stdin; the file's manifest
                            (rows per section, SHA-256) and every field's limits are checked first,
                            nothing is written unless all pass. --no-manifest accepts a file exported
                            before manifests existed (with a warning).
  backup FILE               Back up the whole installation (every organization, people, sessions,
                            webhooks with their secrets, notifications, the outbox, the evaluator's
                            history) to FILE, consistently while the server runs; never overwrites.
                            On PostgreSQL: prints the pg_dump and pg_restore commands (exit 0).
  restore FILE              Restore a backup into an empty data dir (exit 3 if its database has an
                            organization), after checking it, then apply pending migrations. Stop
                            the server first. On PostgreSQL: prints the pg_restore command (exit 0).

Options:
  -h, --help                Show this help.
  -v, --version             Print the version.

Environment: PORT (3000), HOST, CLIENTOCRACY_DATA_DIR (./data), DATABASE_URL (PostgreSQL),
CLIENTOCRACY_DEMO (0 disables the demo), CLIENTOCRACY_SECRET, CLIENTOCRACY_EVALUATOR_MS (5000: the
longest a promise whose events changed waits for its evaluation; every promise is also evaluated
each minute), CLIENTOCRACY_WEBHOOKS_MS (5000: how often due webhooks are sent),
CLIENTOCRACY_WEBHOOK_ALLOW (hosts and CIDRs webhooks may reach although private or local), SMTP_URL
(smtp://user:password@host:587; without it e-mail stays in the outbox), SMTP_FROM (the sender).
Scopes: ${TOKEN_SCOPES.join(', ')}.
Exit codes: 0 ok, 1 invalid input, 2 not found, 3 conflict, 4 cannot reach the database.`;

function fail(error: unknown): never {
  const appError = error instanceof AppError ? error : new AppError('internal', (error as Error)?.message ?? String(error));
  process.stderr.write(`error: ${appError.message}\n`);
  if (appError.code === 'internal' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(appError.exitCode);
}

function write(out: CommandOutput): void {
  for (const line of out.stderr ?? []) process.stderr.write(`${line}\n`);
  if (out.stdout !== undefined) process.stdout.write(out.stdout.endsWith('\n') ? out.stdout : `${out.stdout}\n`);
  if (out.exitCode) process.exitCode = out.exitCode;
}

/** Commands that read or change one organization (`--org`); the others make or copy whole databases. */
const READS_AN_ORGANIZATION = [
  'user',
  'token',
  'export',
  'canvas',
  'rights',
  'agreements',
  'decisions',
  'reviews',
  'events',
  'economics',
  'outbox',
];

async function main(argv: string[]): Promise<void> {
  // Modules react to each other's events (src/modules/events.ts): every command runs with them installed.
  installSubscriptions();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      org: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      scopes: { type: 'string' },
      canvas: { type: 'string' },
      lang: { type: 'string' },
      id: { type: 'string' },
      owner: { type: 'string' },
      title: { type: 'string' },
      driver: { type: 'string' },
      text: { type: 'string' },
      criteria: { type: 'string' },
      review: { type: 'string' },
      outcome: { type: 'string' },
      note: { type: 'string' },
      next: { type: 'string' },
      due: { type: 'boolean' },
      limit: { type: 'string' },
      promise: { type: 'string' },
      period: { type: 'string' },
      format: { type: 'string' },
      'no-manifest': { type: 'boolean' },
      map: { type: 'string' },
      tz: { type: 'string' },
      'date-format': { type: 'string' },
    },
  });
  if (values.version) return void process.stdout.write(`${VERSION}\n`);
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const [command = 'serve', sub] = positionals;
  const commands = [
    'serve',
    'migrate',
    'demo',
    'user',
    'token',
    'export',
    'import',
    'canvas',
    'rights',
    'agreements',
    'decisions',
    'reviews',
    'events',
    'economics',
    'outbox',
    'backup',
    'restore',
  ];
  if (!commands.includes(command)) {
    throw new AppError('bad_request', `unknown command "${command}"; see clientocracy --help`);
  }
  // Everything this process creates (database, -wal, -shm, secret, backups) is private from the start:
  // see src/db/private-files.ts for why a umask and an explicit chmod of what already exists.
  process.umask(0o077);
  // A command about an organization never creates an empty database (nor the data dir) where there
  // is none: the operator most likely ran it from another directory or without DATABASE_URL.
  const location = databaseLocation(process.env, process.cwd());
  const readsAnOrganization = READS_AN_ORGANIZATION.includes(command);
  if (readsAnOrganization && location.sqliteFile && !existsSync(location.sqliteFile)) {
    const subject = values.org ? `organization ${values.org} not found` : 'no database';
    throw new AppError('not_found', `${subject}: there is no database at ${location.description}`);
  }
  const config = loadConfig();
  if (command === 'serve') return serve(config);
  if (command === 'migrate') return migrate(config);
  if (command === 'backup' || command === 'restore') return write(await runBackupCommand(config, command, sub));

  const database = await openAndMigrate(config);
  try {
    if (readsAnOrganization && values.org && !(await findOrgBySlug(database.db, values.org))) {
      throw new AppError('not_found', `organization ${values.org} not found in ${location.description}`);
    }
    let stdin: string | undefined;
    if (command === 'import' && !sub) stdin = readFileSync(0, 'utf8');
    const file = command === 'events' ? positionals[2] : sub;
    // Events are read as bytes: a workbook, or a CSV in Windows-1251.
    const eventBytes = command === 'events' ? (file ? readFileSync(file) : readFileSync(0)) : undefined;
    write(
      await runCommand(database.db, {
        command,
        sub,
        // Flags become strings: `--due` is "true".
        values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === true ? 'true' : v === false ? undefined : v])),
        readInput: () => (command !== 'events' && sub ? readFileSync(sub, 'utf8') : (stdin ?? '')),
        ...(eventBytes && { readInputBytes: () => eventBytes, inputName: file ? basename(file) : 'stdin.csv' }),
        now: Date.now(),
        publicUrl: config.publicUrl,
      }),
    );
  } finally {
    await database.close();
  }
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
  const { seedDemo } = await import('../modules/demo/demo.service.js');
  const database = await openAndMigrate(config);
  const orgCount = await database.db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  let seeded: string[] = [];
  if (config.demo && Number(orgCount.n) === 0) seeded = await seedDemo(database.db, Date.now(), config.publicUrl);
  const app = await buildServer(
    { db: database.db, dialect: database.dialect, config },
    { logLevel: process.env.CLIENTOCRACY_LOG === '1' ? 'info' : 'error' },
  );
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? `PostgreSQL ${redact(config.databaseUrl)}` : `SQLite in ${config.dataDir}`;
  process.stdout.write(`Clientocracy ${VERSION} is running at http://localhost:${config.port}/app (database: ${where})\n`);
  process.stdout.write(`API docs: http://localhost:${config.port}/api/docs · client portal: http://localhost:${config.port}/c/<org>\n`);
  const hasDemo =
    seeded.length > 0 || (await database.db.selectFrom('users').select('id').where('email', '=', DEMO_EMAIL).executeTakeFirst());
  if (hasDemo) process.stdout.write(`Demo sign-in (demo organizations only): ${DEMO_EMAIL} / ${DEMO_PASSWORD}\n`);
  else if (Number(orgCount.n) === 0)
    process.stdout.write(`First run: open http://localhost:${config.port}/app to create your organization.\n`);
  // Reminders of agreements and decisions due for review: now, then every 15 minutes (each person
  // is reminded once per thing and review date, however often this runs).
  const { sendDueReminders } = await import('../modules/governance/due.service.js');
  const remind = () =>
    sendDueReminders(database.db, Date.now()).catch((error: unknown) => {
      process.stderr.write(`reminders failed: ${(error as Error).message}\n`);
    });
  await remind();
  const reminders = setInterval(remind, 15 * 60 * 1000);
  reminders.unref();
  // Promise evaluation: a promise whose figures changed within CLIENTOCRACY_EVALUATOR_MS (the evaluator
  // looks every half of it, and evaluates one promise at most once per half), every promise once a
  // minute; webhook deliveries every few seconds (CLIENTOCRACY_WEBHOOKS_MS) and right after an
  // evaluation queued some. Off the request path; a run still going when the next is due is not
  // doubled. Errors are logged; the server goes on.
  const { DEFAULT_EVALUATOR_MS, evaluateDue } = await import('../modules/promises/evaluator.service.js');
  const { deliverDue, forgetExpiredSecrets, pruneDeliveries } = await import('../modules/webhooks/webhook.delivery.js');
  const msOf = (variable: string, fallbackMs: number) => (Number(process.env[variable]) > 0 ? Number(process.env[variable]) : fallbackMs);
  const every = (label: string, ms: number, work: () => Promise<unknown>) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await work();
      } catch (error) {
        process.stderr.write(`${label} failed: ${(error as Error).message}\n`);
      } finally {
        running = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), ms);
    timer.unref();
    return { timer, tick };
  };
  const webhooks = every('webhook delivery', msOf('CLIENTOCRACY_WEBHOOKS_MS', 5_000), () =>
    deliverDue(database.db, Date.now(), { dialect: database.dialect, allow: config.webhookAllow }),
  );
  // Looking every half of the setting and evaluating one promise at most once per half, a change
  // waits at most the whole setting.
  const evaluatorHalfMs = msOf('CLIENTOCRACY_EVALUATOR_MS', DEFAULT_EVALUATOR_MS) / 2;
  const evaluator = every('promise evaluation', evaluatorHalfMs, async () => {
    const run = await evaluateDue(database.db, Date.now(), { dialect: database.dialect, debounceMs: evaluatorHalfMs });
    for (const f of run.failures) process.stderr.write(`promise ${f.promiseId} not evaluated: ${f.error}\n`);
    // What the evaluation queued leaves now, not at the next delivery round.
    if (run.statusChanges + run.alertsFired + run.alertsResolved > 0) void webhooks.tick();
  });
  // The webhook delivery log keeps 30 days of finished deliveries: pruned now and every hour.
  // Webhook secrets replaced more than 24 hours ago and rate-limit counters of finished windows go at the same pace.
  const { pruneRateLimits } = await import('../modules/auth/rate-limit.js');
  // So do staff sessions past their lifetime or idle timeout, old reset links and forgotten sign-in backoff.
  const { pruneAccounts } = await import('../modules/auth/auth.prune.js');
  const prune = every('webhook log pruning', msOf('CLIENTOCRACY_PRUNE_MS', 3_600_000), async () => {
    await pruneDeliveries(database.db, Date.now());
    await forgetExpiredSecrets(database.db, Date.now());
    await pruneRateLimits(database.db, Date.now());
    await pruneAccounts(database.db, Date.now(), config.sessionIdleDays);
  });
  // Answers owed to client proposals: one past its due time unanswered gives the answer promise its
  // bad event, checked every minute (lists and pages also check on read).
  const { settleOverdueProposals } = await import('../modules/proposals/answer.service.js');
  const { sweepTrending } = await import('../modules/proposals/proposal.repository.js');
  const answers = every('proposal answers', 60_000, async () => {
    await settleOverdueProposals(database.db, Date.now());
    await sweepTrending(database.db, Date.now());
  });
  // E-mail leaves the outbox through SMTP when it is configured; without, it waits for `outbox`.
  const { deliverMail, smtpTransport } = await import('../modules/mail/mail.delivery.js');
  const smtp = config.smtpUrl ? smtpTransport(config.smtpUrl) : null;
  const mail = smtp
    ? every('e-mail delivery', msOf('CLIENTOCRACY_MAIL_MS', 10_000), () => deliverMail(database.db, smtp, config.mailFrom, Date.now()))
    : undefined;
  const stop = async () => {
    clearInterval(mail?.timer);
    clearInterval(answers.timer);
    clearInterval(prune.timer);
    clearInterval(reminders);
    clearInterval(evaluator.timer);
    clearInterval(webhooks.timer);
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
