import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure functions, no database), `db` (services and
 * routes against a real database: PGlite, or PostgreSQL when DATABASE_URL is
 * set) and `e2e` (the built app in Debian's Chromium).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{server,contracts,web}/src/**/*.unit.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['server/src/**/*.test.ts'],
          exclude: ['**/*.unit.test.ts', '**/node_modules/**'],
          globalSetup: ['server/test/global-setup.ts'],
          // Tests that start the CLI in a child process need more than a minute when the two cores are busy.
          testTimeout: 150_000,
          hookTimeout: 180_000,
          // Each file gets its own database; two workers fit two cores.
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
