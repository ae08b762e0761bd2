import { defineConfig } from 'vitest/config';

/** Browser tests: the real server and Debian's Chromium, one file at a time. Run `npm run build:web` first. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
