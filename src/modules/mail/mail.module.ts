import type { ModuleManifest } from '../module.js';
import { MAIL_COMMANDS } from './mail.cli.js';
import { MAIL_JOBS } from './mail.jobs.js';
import { MAIL_TABLES } from './mail.transfer.js';

export const mailModule = {
  name: 'mail',
  tables: MAIL_TABLES,
  cli: MAIL_COMMANDS,
  jobs: MAIL_JOBS,
} as const satisfies ModuleManifest;
