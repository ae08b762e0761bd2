import type { ModuleTables } from '../module.js';

export const MAIL_TABLES = {
  excluded: {
    // One-time sign-in and confirmation links and delivery state of this server (README, "The CLI").
    outbox: "one-time links meant for one reader, and this server's delivery state",
  },
} as const satisfies ModuleTables;
