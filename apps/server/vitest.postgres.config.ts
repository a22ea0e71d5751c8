import { defineConfig } from 'vitest/config';

/**
 * The end-to-end suites and the in-process tests that use a database again, each service or
 * test on its own schema of the PostgreSQL database at TEST_POSTGRES_URL. Left out: the suites
 * about SQLite files themselves (crash safety, the CLI on a file, group commit, SQLite query
 * plans); the demo data suite skips its part on a SQLite file itself.
 */
export default defineConfig({
  test: {
    include: [
      'test/e2e/**/*.test.ts',
      'src/db/named-statements.test.ts',
      'src/icp/icp.router.test.ts',
      'src/icp/icp-shares.test.ts',
      'src/icp/icp-create-writes.test.ts',
      'src/lead-lists/lead-lists.router.test.ts',
      'src/lead-lists/lead-lists-migration.test.ts',
      'src/lead-lists/stored-leads-quota.test.ts',
      'src/leads/lead-deletions-pruning.test.ts',
      'src/leads/lead-records.repository.test.ts',
      'src/leads/lead-profile-migration.test.ts',
      'src/leads/dataset/import.test.ts',
      'src/leads/matching/*.test.ts',
      'src/leads/index/*.test.ts',
      'src/rate-limit/shared-token-bucket.test.ts',
      'src/recommendations/recommended-companies-quota.test.ts',
      'src/webhooks/webhook-sender.test.ts',
    ],
    exclude: [
      'test/e2e/crash-safety.test.ts',
      'test/e2e/cli.test.ts',
      'test/e2e/leads-cli.test.ts',
    ],
    env: { TEST_DATABASE: 'postgres' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
