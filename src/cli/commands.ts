import type { z } from 'zod';
import { AppError, fieldError } from '../core/errors.js';
import type { Db } from '../db/schema.js';
import { zodToAppError } from '../http/errors.js';
import { translate } from '../i18n/index.js';
import type { OrgContext } from '../modules/context.js';
import { seedDemo } from '../modules/demo/demo.service.js';
import { getCanvas, listCanvases } from '../modules/discovery/canvas.service.js';
import { renderCanvasSvg } from '../modules/discovery/canvas.svg.js';
import { rightsTree } from '../modules/governance/rights-tree.js';
import { ZCreateMembership } from '../modules/memberships/membership.schema.js';
import { addMembership } from '../modules/memberships/membership.service.js';
import { findOrgBySlug } from '../modules/orgs/org.repository.js';
import { ZCreateToken } from '../modules/tokens/token.schema.js';
import { createToken } from '../modules/tokens/token.service.js';
import { readExportFile } from '../modules/transfer/transfer.manifest.js';
import { exportOrganization, importOrganization } from '../modules/transfer/transfer.service.js';
import { runEconomicsCommand } from './economics.commands.js';
import { runEventsImport } from './events.commands.js';
import { runGovernanceCommand, sendDueReminders } from './governance.commands.js';
import { runOutboxCommand } from './outbox.commands.js';

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
  readInput(): string;
  /** The input as bytes (a workbook, a Windows-1251 file), and the file's name (its extension says how to read it). */
  readInputBytes?(): Uint8Array;
  inputName?: string;
  now: number;
  /** Base of the links the demo's e-mail carries (CLIENTOCRACY_PUBLIC_URL). */
  publicUrl?: string;
}

const CLI_ACTOR = { type: 'system' as const, id: null, label: 'cli' };

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw zodToAppError(result.error, 'input');
  return result.data;
}

async function orgContext(db: Db, slug: string | undefined, now: number): Promise<OrgContext> {
  if (!slug) throw new AppError('validation_failed', '--org: required', [fieldError('org', 'required', 'required')]);
  const org = await findOrgBySlug(db, slug);
  if (!org) throw new AppError('not_found', `--org: organization ${slug} not found`);
  return { db, org, actor: CLI_ACTOR, now };
}

/** The CLI's commands other than `serve`: parse with the schema → one service call → present. */
export async function runCommand(db: Db, input: CommandInput): Promise<CommandOutput> {
  const { command, sub, values, now } = input;
  const governance = await runGovernanceCommand(
    `${command} ${sub ?? ''}`,
    () => orgContext(db, values.org, now),
    values,
    parse,
    (orgId) => sendDueReminders(db, now, orgId),
  );
  if (governance !== null) return { stdout: governance };
  const economics = await runEconomicsCommand(`${command} ${sub ?? ''}`, () => orgContext(db, values.org, now), values);
  if (economics !== null) return { stdout: economics };
  const outbox = await runOutboxCommand(db, command, values);
  if (outbox !== null) return { stdout: outbox };
  switch (`${command}${sub && command !== 'import' ? ` ${sub}` : ''}`) {
    case 'demo': {
      const created = await seedDemo(db, now, input.publicUrl);
      return { stdout: created.length ? `seeded: ${created.join(', ')}` : 'demo organizations already present; nothing changed' };
    }
    case 'user create': {
      const ctx = await orgContext(db, values.org, now);
      const body = parse(ZCreateMembership, { email: values.email, role: values.role, name: values.name, password: values.password });
      const m = await addMembership(ctx, body);
      return { stdout: `added ${m.email} to ${ctx.org.slug} as ${m.role}` };
    }
    case 'token create': {
      const ctx = await orgContext(db, values.org, now);
      if (!values.scopes)
        throw new AppError('validation_failed', '--scopes: required (all, or a comma-separated list)', [
          fieldError('scopes', 'required', 'required'),
        ]);
      const body = parse(ZCreateToken, {
        name: values.name ?? `cli ${new Date(now).toISOString()}`,
        scopes: values.scopes
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      });
      const token = await createToken(ctx, body);
      return {
        stderr: [`token ${token.name} for ${ctx.org.slug} with scopes: ${token.scopes.join(', ')}`, 'shown once; keep it secret'],
        stdout: token.token,
      };
    }
    case 'export': {
      if (!values.org) throw new AppError('validation_failed', '--org: required', [fieldError('org', 'required', 'required')]);
      return { stdout: JSON.stringify(await exportOrganization(db, values.org, now), null, 2) };
    }
    case 'import': {
      let json: unknown;
      try {
        json = JSON.parse(input.readInput());
      } catch (error) {
        throw new AppError('invalid_json', `input: not JSON (${(error as Error).message})`, [fieldError('input', 'malformed_json', 'not JSON')]);
      }
      // The manifest and every row are checked whole before anything is written.
      const { file, warnings } = readExportFile(json, { allowMissingManifest: values['no-manifest'] === 'true' });
      const result = await importOrganization(db, file);
      const counts = Object.entries(result.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      return { stderr: warnings, stdout: `imported ${result.slug}: ${counts}` };
    }
    case 'canvas svg': {
      const ctx = await orgContext(db, values.org, now);
      if (!values.canvas)
        throw new AppError('validation_failed', '--canvas: required (the canvas id)', [fieldError('canvas', 'required', 'required')]);
      const canvas = await getCanvas(ctx, values.canvas);
      const locale = values.lang === 'en' || values.lang === 'ru' ? values.lang : ctx.org.locale;
      const labels = {
        current: translate(locale, 'canvas.current'),
        target: translate(locale, 'canvas.target'),
        level: translate(locale, 'canvas.level'),
      };
      return { stdout: await renderCanvasSvg(canvas, labels, 900, 480) };
    }
    case 'rights tree': {
      const ctx = await orgContext(db, values.org, now);
      const tree = await rightsTree(ctx);
      return { stdout: tree.text || '(no decision rights yet)' };
    }
    case 'events import': {
      const ctx = await orgContext(db, values.org, now);
      return runEventsImport(ctx, {
        promise: values.promise,
        fileName: input.inputName ?? 'stdin.csv',
        bytes: input.readInputBytes ? input.readInputBytes() : Buffer.from(input.readInput()),
        map: values.map,
        tz: values.tz,
        dateFormat: values['date-format'],
      });
    }
    case 'canvas list': {
      const ctx = await orgContext(db, values.org, now);
      const page = await listCanvases(ctx, { limit: 200 });
      return { stdout: page.items.map((c) => `${c.id}\t${c.name}\t${c.factorCount} factors`).join('\n') || '(no canvases)' };
    }
    default:
      throw new AppError('bad_request', `unknown command "${[command, sub].filter(Boolean).join(' ')}"; see clientocracy --help`);
  }
}
