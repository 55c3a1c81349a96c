import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The database files that take longest start first, so that two workers do not end with
 * one of them running a long file alone (a fresh CI checkout has no timings cached).
 */
const SLOW_DB_FILES = ['backup.test.ts', 'bad-input.test.ts', 'access-matrix.test.ts', 'security.test.ts', 'verify.test.ts', 'cli.test.ts', 'lab.test.ts', 'publicity.test.ts', 'auth.test.ts', 'scope.test.ts', 'tamper.test.ts'];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const i = SLOW_DB_FILES.findIndex((name) => file.moduleId.endsWith(`/${name}`));
      return i === -1 ? SLOW_DB_FILES.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

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
          sequence: { sequencer: SlowFirstSequencer },
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
