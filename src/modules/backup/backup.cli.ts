import { type Config, sqlitePath } from '../../config.js';
import { AppError, fieldError } from '../../core/errors.js';
import type { CliCommand, CommandOutput } from '../module.js';
import { type BackupSummary, backupSqlite, restoreSqlite } from './backup.service.js';
import { pgBackupInstructions, pgRestoreInstructions } from './postgres-instructions.js';

function describe(summary: BackupSummary): string {
  const megabytes = (summary.bytes / 1_048_576).toFixed(1);
  return `${summary.file}: ${megabytes} MB (${summary.bytes} bytes), ${summary.organizations} organization(s), ${summary.events} promise events, schema ${summary.migration ?? 'none'}`;
}

/**
 * `backup FILE` and `restore FILE`: the whole installation. They run before the database is opened
 * the usual way, so neither migrates the live database nor creates an empty one where a restore goes.
 * On PostgreSQL they print the pg_dump / pg_restore commands and exit 0.
 */
async function runBackupCommand(config: Config, command: 'backup' | 'restore', file: string | undefined): Promise<CommandOutput> {
  if (!file)
    throw new AppError('validation_failed', `FILE: required: clientocracy ${command} FILE`, [fieldError('FILE', 'required', 'required')]);
  if (config.databaseUrl)
    return {
      stdout: command === 'backup' ? pgBackupInstructions(config.databaseUrl, file) : pgRestoreInstructions(config.databaseUrl, file),
    };
  if (command === 'backup') {
    const summary = await backupSqlite(sqlitePath(config), file);
    return {
      stdout: `backed up ${describe(summary)}\nit holds password hashes, webhook secrets and personal data: keep it as private as the database`,
    };
  }
  const summary = await restoreSqlite(file, sqlitePath(config));
  const applied = summary.applied.length ? `; migrations applied: ${summary.applied.join(', ')}` : '';
  return { stdout: `restored ${describe(summary)}${applied}` };
}

export const BACKUP_COMMANDS: CliCommand[] = [
  {
    name: 'backup',
    scope: 'installation',
    help: `  backup FILE               Back up the whole installation (every organization, people, sessions,
                            webhooks with their secrets, notifications, the outbox, the evaluator's
                            history) to FILE, consistently while the server runs; never overwrites.
                            On PostgreSQL: prints the pg_dump and pg_restore commands (exit 0).`,
    runInstallation: (config, input) => runBackupCommand(config, 'backup', input.sub),
  },
  {
    name: 'restore',
    scope: 'installation',
    help: `  restore FILE              Restore a backup into an empty data dir (exit 3 if its database has an
                            organization), after checking it, then apply pending migrations. Stop
                            the server first. On PostgreSQL: prints the pg_restore command (exit 0).`,
    runInstallation: (config, input) => runBackupCommand(config, 'restore', input.sub),
  },
];
