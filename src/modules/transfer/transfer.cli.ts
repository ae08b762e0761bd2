import { AppError, fieldError } from '../../core/errors.js';
import { unknownCommand } from '../cli-kit.js';
import type { CliCommand } from '../module.js';
import { exportFormatOf } from './transfer.format.js';
import { readExportFileWith } from './transfer.manifest.js';
import { exportOrganizationWith, importOrganizationWith } from './transfer.service.js';

export const TRANSFER_COMMANDS: CliCommand[] = [
  {
    name: 'export',
    scope: 'organization',
    help: `  export --org SLUG         Print the whole organization as versioned JSON on stdout.`,
    async run(db, input) {
      if (input.sub) throw unknownCommand(input);
      const { values } = input;
      if (!values.org) throw new AppError('validation_failed', '--org: required', [fieldError('org', 'required', 'required')]);
      return { stdout: JSON.stringify(await exportOrganizationWith(exportFormatOf(input.modules), db, values.org, input.now), null, 2) };
    },
  },
  {
    name: 'import',
    scope: 'database',
    input: 'text',
    help: `  import [FILE] [--no-manifest]
                            Import an exported organization from FILE or stdin; the file's manifest
                            (rows per section, SHA-256) and every field's limits are checked first,
                            nothing is written unless all pass. --no-manifest accepts a file exported
                            before manifests existed (with a warning).`,
    options: { 'no-manifest': { type: 'boolean' } },
    async run(db, input) {
      let json: unknown;
      try {
        json = JSON.parse(input.readInput());
      } catch (error) {
        throw new AppError('invalid_json', `input: not JSON (${(error as Error).message})`, [
          fieldError('input', 'malformed_json', 'not JSON'),
        ]);
      }
      // The manifest and every row are checked whole before anything is written.
      const format = exportFormatOf(input.modules);
      const { file, warnings } = readExportFileWith(format, json, { allowMissingManifest: input.values['no-manifest'] === 'true' });
      const result = await importOrganizationWith(format, db, file);
      const counts = Object.entries(result.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      return { stderr: warnings, stdout: `imported ${result.slug}: ${counts}` };
    },
  },
];
