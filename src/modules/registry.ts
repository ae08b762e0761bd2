import { auditModule } from './audit/audit.module.js';
import { authModule } from './auth/auth.module.js';
import { backupModule } from './backup/backup.module.js';
import { clientsModule } from './clients/clients.module.js';
import { demoModule } from './demo/demo.module.js';
import { discoveryModule } from './discovery/discovery.module.js';
import { economicsModule } from './economics/economics.module.js';
import { exportsModule } from './exports/exports.module.js';
import { feedbackModule } from './feedback/feedback.module.js';
import { governanceModule } from './governance/governance.module.js';
import { mailModule } from './mail/mail.module.js';
import { membershipsModule } from './memberships/memberships.module.js';
import type { ModuleManifest } from './module.js';
import { notificationsModule } from './notifications/notifications.module.js';
import { orgsModule } from './orgs/orgs.module.js';
import { participationModule } from './participation/participation.module.js';
import { pollsModule } from './polls/polls.module.js';
import { portalModule } from './portal/portal.module.js';
import { promisesModule } from './promises/promises.module.js';
import { proposalsModule } from './proposals/proposals.module.js';
import { setupModule } from './setup/setup.module.js';
import { teamsModule } from './teams/teams.module.js';
import { tokensModule } from './tokens/tokens.module.js';
import { transferModule } from './transfer/transfer.module.js';
import { voiceModule } from './voice/voice.module.js';
import { webhooksModule } from './webhooks/webhooks.module.js';

/**
 * Every module of the product, one line each, in dependency order: a module's routes, pages, tables,
 * demo and commands come after those of the modules it builds on. The server, the CLI, the export and
 * import and the permission table read this list and nothing else; a module left out of it has no
 * route, no command and no table in an export (and the tables test fails on its tables).
 */
export const MODULES = [
  setupModule,
  orgsModule,
  authModule,
  membershipsModule,
  teamsModule,
  clientsModule,
  discoveryModule,
  governanceModule,
  notificationsModule,
  promisesModule,
  economicsModule,
  voiceModule,
  proposalsModule,
  pollsModule,
  participationModule,
  feedbackModule,
  tokensModule,
  webhooksModule,
  auditModule,
  portalModule,
  mailModule,
  exportsModule,
  transferModule,
  demoModule,
  backupModule,
] as const satisfies readonly ModuleManifest[];
