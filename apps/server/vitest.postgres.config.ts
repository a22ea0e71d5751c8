import { defineConfig } from 'vitest/config';

/**
 * The end-to-end suites again, each service on its own schema of the PostgreSQL database at
 * TEST_POSTGRES_URL. Left out: the suites about SQLite files themselves (crash safety, the CLI
 * and demo data on a file).
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    exclude: [
      'test/e2e/crash-safety.test.ts',
      'test/e2e/cli.test.ts',
      'test/e2e/leads-cli.test.ts',
      'test/e2e/demo-leads.test.ts',
    ],
    env: { TEST_DATABASE: 'postgres' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
