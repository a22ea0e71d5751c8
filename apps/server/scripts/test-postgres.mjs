// The end-to-end suites again on PostgreSQL (vitest.postgres.config.ts), when TEST_POSTGRES_URL
// names a database to use; without it they are skipped, and the skip is said.
import { spawnSync } from 'node:child_process';

if (!process.env.TEST_POSTGRES_URL) {
  console.log('PostgreSQL suites skipped: TEST_POSTGRES_URL is not set');
  process.exit(0);
}
const result = spawnSync(
  'vitest',
  [
    'run',
    '--config',
    'vitest.postgres.config.ts',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=.test-results/vitest-postgres.json',
  ],
  { stdio: 'inherit', shell: process.platform === 'win32' },
);
process.exit(result.status ?? 1);
