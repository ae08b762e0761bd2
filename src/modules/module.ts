import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Config } from '../config.js';
import type { Role } from '../core/access/permissions.js';
import type { Db, Dialect, Tx } from '../db/schema.js';
import type { AppDeps } from '../http/deps.js';
import type { FormerUrl } from '../http/former-urls.js';
import type { DocumentedPage, DocumentedWebhook } from '../http/openapi.js';
import type { Registrar } from '../http/registrar.js';
import type { OrgContext } from './context.js';
import type { ModuleSubscription } from './events.js';

/**
 * What a module brings to the product, in one place: the server, the CLI, the export and import, the
 * permission table and the demo read the modules' manifests (src/modules/registry.ts) and nothing
 * else, so adding a module is one folder and one line in the registry.
 */
export interface ModuleManifest {
  /** The module's folder under src/modules. */
  readonly name: string;
  /** Registers the module's API routes (each becomes an OpenAPI operation, swept by the tests). */
  readonly routes?: readonly ((registrar: Registrar) => void)[];
  /** Server-rendered pages beside the API (the client portal) and how the OpenAPI document lists them. */
  readonly pages?: { readonly register: (app: FastifyInstance, deps: AppDeps) => void; readonly documented: readonly DocumentedPage[] };
  /** URLs the module answered at before a rename: they keep answering, routed to the new ones (not documented). */
  readonly formerUrls?: readonly FormerUrl[];
  /** The webhook events the module sends, documented in the OpenAPI document's `webhooks`. */
  readonly webhooks?: readonly DocumentedWebhook[];
  /** The permissions the module's routes check, and which roles hold each. */
  readonly permissions?: PermissionGrants;
  /** Every table the module's migrations create: how it travels in an organization's export, or why it does not. */
  readonly tables?: ModuleTables;
  /** Seeds the module's part of the demo organizations; runs in the registry's order. */
  readonly demo?: readonly DemoSeeder[];
  /** The module's commands of the `clientocracy` CLI. */
  readonly cli?: readonly CliCommand[];
  /** Its reactions to other modules' domain events, and the ports it provides (src/modules/events.ts). */
  readonly subscriptions?: readonly ModuleSubscription[];
  /** Work the server does on a timer, off the request path. */
  readonly jobs?: readonly Job[];
}

/** Which roles hold each permission a module introduces (`admin` holds every one). */
export type PermissionGrants = Readonly<Record<string, readonly Role[]>>;

// ── Export and import ────────────────────────────────────────────────────────────────────────────

/** How the people named in rows are re-pointed when an import reuses accounts of the target. */
export interface ImportPeople {
  /** A member's account: the reused one, or an error when the file does not carry the person. */
  user(id: string): string;
  /** True when the file carries the person. */
  has(id: string): boolean;
  /** Someone recorded beside a row (who decided): the reused account, or null when they have left. */
  person(id: string | null): string | null;
  /** Like `person`, but an unknown id is kept (rows without a foreign key keep who it was). */
  keep(id: string | null): string | null;
}

/**
 * One table as a section of the export file: the file key, the rows' schema (column for column, with
 * the API's limits), the order an export writes them in, and how an import re-points their people.
 */
export interface ExportedTable<F extends z.ZodType = z.ZodType> {
  readonly table: string;
  /** The section's schema in the file: an array of rows (or, for the organization, one row). */
  readonly file: F;
  /** Columns the export orders rows by: two exports of the same data are equal. */
  readonly orderBy: readonly string[];
  /** Which rows belong to the organization: `org_id` (default), the organization itself, or its people. */
  readonly scope?: 'org' | 'organization' | 'people';
  /** The export version the section first appeared in (1 when omitted). */
  readonly since?: number;
  /** The rows as the import inserts them: people re-pointed, parents before children. */
  readonly importRows?: (rows: z.output<F>, people: ImportPeople) => object[];
}

/** A module's tables: the exported ones by file key, in insertion order, and the others with the reason. */
export interface ModuleTables {
  readonly exported?: Readonly<Record<string, ExportedTable>>;
  readonly excluded?: Readonly<Record<string, string>>;
  /** Rebuilds what is derived from imported rows (counters), inside the import's transaction. */
  readonly afterImport?: (tx: Tx, orgId: string, file: Readonly<Record<string, unknown>>) => Promise<void>;
}

/** Declares a section with its types kept, so the export file's type follows the manifests. */
export function exportedTable<F extends z.ZodType>(spec: ExportedTable<F>): ExportedTable<F> {
  return spec;
}

// ── Demo ─────────────────────────────────────────────────────────────────────────────────────────

export interface DemoSeeder {
  /** What the CLI reports as seeded, e.g. "promises". */
  readonly label: string;
  /** The module whose seeders must have run first, when it comes later in the registry (the registry's order otherwise). */
  readonly after?: string;
  /** Seeds one demo organization; false when there was nothing to do (already seeded, or no data for it). */
  readonly seed: (ctx: () => OrgContext, options: { publicUrl: string }) => Promise<boolean>;
}

// ── CLI ──────────────────────────────────────────────────────────────────────────────────────────

export interface CommandOutput {
  stdout?: string;
  stderr?: string[];
  /** Non-zero when part of the input was refused although the rest was done (1: invalid input). */
  exitCode?: number;
}

export interface CommandInput {
  command: string;
  sub?: string;
  values: Record<string, string | undefined>;
  /** Positional arguments after the command and its subcommand. */
  rest: readonly string[];
  readInput(): string;
  /** The input as bytes (a workbook, a Windows-1251 file), and the file's name (its extension says how to read it). */
  readInputBytes?(): Uint8Array;
  inputName?: string;
  now: number;
  /** Base of the links the demo's e-mail carries (CLIENTOCRACY_PUBLIC_URL). */
  publicUrl?: string;
  /** Every module of the product (the export reads their tables, the demo their seeders). */
  modules: readonly ModuleManifest[];
}

interface CommandBase {
  /** The first word: `clientocracy <name> …`. */
  readonly name: string;
  /**
   * The command's lines of the help text, as `--help` prints them: usage two spaces in, then the
   * description from column 29.
   */
  readonly help: string;
  /** Options the command takes besides `--org` (node:util parseArgs form); flags arrive as "true". */
  readonly options?: Readonly<Record<string, { type: 'string' | 'boolean'; short?: string }>>;
}

/** A command that works in the opened (and migrated) database. */
export interface DatabaseCommand extends CommandBase {
  /**
   * `organization`: reads or changes one organization (`--org`), and never creates a database where
   * there is none; `database`: works on the database as a whole (creating it when there is none).
   */
  readonly scope: 'organization' | 'database';
  /** How the command reads its input: `text` from FILE (the word after the command) or stdin, `bytes` from the file after the subcommand or stdin. */
  readonly input?: 'text' | 'bytes';
  readonly run: (db: Db, input: CommandInput) => Promise<CommandOutput>;
}

/**
 * A command about the installation as a whole (backups): it runs before any database is opened the
 * usual way, so it neither migrates the live database nor creates an empty one.
 */
export interface InstallationCommand extends CommandBase {
  readonly scope: 'installation';
  readonly runInstallation: (config: Config, input: CommandInput) => Promise<CommandOutput>;
}

export type CliCommand = DatabaseCommand | InstallationCommand;

// ── Background jobs ──────────────────────────────────────────────────────────────────────────────

export interface JobContext {
  db: Db;
  dialect: Dialect;
  config: Config;
  /** When this round started (epoch milliseconds). */
  now: number;
  /** The job's interval on this server, in milliseconds (the evaluator's debounce is its interval). */
  everyMs: number;
  /** Runs another job now (its next round comes early): the evaluator wakes the webhook delivery. */
  wake(job: string): void;
  log(message: string): void;
}

export interface Job {
  /** A name other jobs can wake; its errors are logged under it ("webhook delivery failed: …"). */
  readonly name: string;
  /** How often it runs, in milliseconds; jobs whose interval is null are off (e.g. mail without SMTP). */
  readonly everyMs: (config: Config, env: NodeJS.ProcessEnv) => number | null;
  readonly run: (ctx: JobContext) => Promise<void>;
}
