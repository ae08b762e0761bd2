import type { Job } from '../module.js';
import { sendDueReminders } from './due.service.js';

export const GOVERNANCE_JOBS: Job[] = [
  // Reminders of agreements and decisions due for review: now, then every 15 minutes (each person is
  // reminded once per thing and review date, however often this runs).
  {
    name: 'reminders',
    everyMs: () => 15 * 60 * 1000,
    run: async ({ db, now }) => {
      await sendDueReminders(db, now);
    },
  },
];
