import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as foundation from './migrations/20261128T2300_foundation.js';
import * as discovery from './migrations/20261128T2330_discovery.js';
import * as governance from './migrations/20261129T0010_governance.js';
import * as agreementsDecisions from './migrations/20261129T0100_agreements_decisions.js';
import * as promises from './migrations/20261129T0200_promises.js';
import * as canvasFactorPromise from './migrations/20261129T0210_canvas_factor_promise.js';
import * as evaluatorWebhooks from './migrations/20261129T0300_evaluator_webhooks.js';
import * as economics from './migrations/20261129T0400_economics.js';
import * as clientVoice from './migrations/20261129T0500_client_voice.js';
import * as webhookSecretRotation from './migrations/20261207T1000_webhook_secret_rotation.js';
import * as accountSecurity from './migrations/20261207T1100_account_security.js';
import * as loginKnownAddresses from './migrations/20261207T1300_login_known_addresses.js';
import * as eventImportMappings from './migrations/20261207T1400_event_import_mappings.js';
import * as backingWaiver from './migrations/20261207T1420_backing_waiver.js';
import * as orgVisits from './migrations/20261207T1430_org_visits.js';
import * as eventVoids from './migrations/20261207T1500_event_voids.js';
import * as evaluatorChanges from './migrations/20261207T1510_evaluator_changes.js';
import * as clientsAsked from './migrations/20261207T2200_clients_asked.js';
import * as overrides from './migrations/20261207T2210_overrides.js';
import * as teamBooks from './migrations/20261207T2220_team_books.js';
import * as promiseIntentions from './migrations/20261207T2230_promise_intentions.js';
import * as capacity from './migrations/20261207T2240_capacity.js';
import * as segmentContext from './migrations/20261207T2250_segment_context.js';
import * as governmentPool from './migrations/20261207T2300_government_pool.js';
import * as clientAdviceMail from './migrations/20261207T2310_client_advice_mail.js';

/**
 * Migrations are listed here in order, named by UTC timestamp. They are forward-only: there is no
 * `down`, and a released migration is never edited — a change is a new migration.
 */
const MIGRATIONS: Record<string, Migration> = {
  '20261128T2300_foundation': foundation,
  '20261128T2330_discovery': discovery,
  '20261129T0010_governance': governance,
  '20261129T0100_agreements_decisions': agreementsDecisions,
  '20261129T0200_promises': promises,
  '20261129T0210_canvas_factor_promise': canvasFactorPromise,
  '20261129T0300_evaluator_webhooks': evaluatorWebhooks,
  '20261129T0400_economics': economics,
  '20261129T0500_client_voice': clientVoice,
  '20261207T1000_webhook_secret_rotation': webhookSecretRotation,
  '20261207T1100_account_security': accountSecurity,
  '20261207T1300_login_known_addresses': loginKnownAddresses,
  '20261207T1400_event_import_mappings': eventImportMappings,
  '20261207T1420_backing_waiver': backingWaiver,
  '20261207T1430_org_visits': orgVisits,
  '20261207T1500_event_voids': eventVoids,
  '20261207T1510_evaluator_changes': evaluatorChanges,
  '20261207T2200_clients_asked': clientsAsked,
  '20261207T2210_overrides': overrides,
  '20261207T2220_team_books': teamBooks,
  '20261207T2230_promise_intentions': promiseIntentions,
  '20261207T2240_capacity': capacity,
  '20261207T2250_segment_context': segmentContext,
  '20261207T2300_government_pool': governmentPool,
  '20261207T2310_client_advice_mail': clientAdviceMail,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Applies every pending migration; returns the names applied now (empty when up to date). */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
