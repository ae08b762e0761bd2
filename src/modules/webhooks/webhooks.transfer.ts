import type { ModuleTables } from '../module.js';

export const WEBHOOKS_TABLES = {
  excluded: {
    // Signing secrets, never written to an export (README, "The CLI"), and the deliveries owed to them.
    webhook_endpoints: 'signing secrets',
    webhook_deliveries: "this server's deliveries to the endpoints left behind",
  },
} as const satisfies ModuleTables;
