import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError, fieldError } from './core/errors.js';
import { parseWebhookAllowList, type WebhookAllowList } from './core/webhooks/address.js';
import { ensurePrivateDir, PRIVATE_FILE_MODE, restrictFiles } from './db/private-files.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  demo: boolean;
  secret: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Base URL used in links the product prints (client invitations). */
  publicUrl: string;
  /** `smtp://user:pass@host:port` (or `smtps://`); without it e-mail stays in the outbox. */
  smtpUrl?: string;
  /** The sender of e-mail (`SMTP_FROM`). */
  mailFrom: string;
  /** Loopback, private or internal webhook receivers allowed anyway (`CLIENTOCRACY_WEBHOOK_ALLOW`); none when absent. */
  webhookAllow?: WebhookAllowList;
  /** Days a staff session may go unused before it ends (`CLIENTOCRACY_SESSION_IDLE_DAYS`); DEFAULT_SESSION_IDLE_DAYS when absent. */
  sessionIdleDays?: number;
}

/** A session not used for a week ends, whatever is left of its 30 days. */
export const DEFAULT_SESSION_IDLE_DAYS = 7;

/** Reads the configuration from the environment; names the variable when a value is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('validation_failed', `PORT: must be an integer 0–65535, got "${env.PORT}"`, [
      fieldError('PORT', 'out_of_range', 'must be an integer 0–65535', { minimum: 0, maximum: 65535 }),
    ]);
  }
  const bodyLimit = env.CLIENTOCRACY_BODY_LIMIT ? Number(env.CLIENTOCRACY_BODY_LIMIT) : 1024 * 1024;
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1024) {
    throw new AppError('validation_failed', 'CLIENTOCRACY_BODY_LIMIT: must be an integer ≥ 1024 bytes', [
      fieldError('CLIENTOCRACY_BODY_LIMIT', 'too_small', 'must be an integer ≥ 1024 bytes', { minimum: 1024, inclusive: true }),
    ]);
  }
  const host = env.HOST || '0.0.0.0';
  const dataDir = path.resolve(env.CLIENTOCRACY_DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    demo: env.CLIENTOCRACY_DEMO !== '0',
    secret: env.CLIENTOCRACY_SECRET || loadOrCreateSecret(dataDir),
    bodyLimit,
    publicUrl: (env.CLIENTOCRACY_PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    smtpUrl: smtpUrl(env.SMTP_URL),
    mailFrom: env.SMTP_FROM || 'Clientocracy <no-reply@clientocracy.local>',
    webhookAllow: webhookAllow(env.CLIENTOCRACY_WEBHOOK_ALLOW),
    sessionIdleDays: sessionIdleDays(env.CLIENTOCRACY_SESSION_IDLE_DAYS),
  };
}

function sessionIdleDays(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SESSION_IDLE_DAYS;
  const days = Number(value);
  // Past 30 days the absolute lifetime of a session ends it first, so a longer idle time means nothing.
  if (!/^\d+$/.test(value.trim()) || days < 1 || days > 30) {
    const message = 'must be a whole number of days, 1–30';
    throw new AppError('validation_failed', `CLIENTOCRACY_SESSION_IDLE_DAYS: ${message}, got "${value}"`, [
      fieldError('CLIENTOCRACY_SESSION_IDLE_DAYS', 'out_of_range', message, { minimum: 1, maximum: 30 }),
    ]);
  }
  return days;
}

function webhookAllow(value: string | undefined): WebhookAllowList {
  const parsed = parseWebhookAllowList(value);
  if (parsed.ok) return parsed.allow;
  const message = `not a host name, an IP address or a CIDR block: "${parsed.entry}"`;
  throw new AppError('validation_failed', `CLIENTOCRACY_WEBHOOK_ALLOW: ${message}`, [
    fieldError('CLIENTOCRACY_WEBHOOK_ALLOW', 'invalid_format', message, { format: 'host' }),
  ]);
}

function smtpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new AppError('validation_failed', 'SMTP_URL: must look like smtp://user:password@host:587 or smtps://…', [
      fieldError('SMTP_URL', 'invalid_url', 'must be an smtp:// or smtps:// URL'),
    ]);
  }
  return value;
}

/** The secret kept in the data dir when CLIENTOCRACY_SECRET is absent, created on first use. */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret');
  // The data dir and the secret are the service's alone (0700, 0600), also when an older version made them looser.
  ensurePrivateDir(dataDir);
  if (existsSync(file)) {
    restrictFiles(file);
    return readFileSync(file, 'utf8').trim();
  }
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: PRIVATE_FILE_MODE });
  return secret;
}

/** Path of the embedded database file inside the data dir. */
export function sqlitePath(config: Config): string {
  return path.join(config.dataDir, 'clientocracy.sqlite');
}
