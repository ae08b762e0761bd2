import type { ModuleTables } from '../module.js';

export const NOTIFICATIONS_TABLES = {
  excluded: {
    // Each person's inbox, not the organization's record (README, "The CLI").
    notifications: "each person's inbox",
  },
} as const satisfies ModuleTables;
