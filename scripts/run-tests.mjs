// The one test command: lint and format check, type-check of every workspace, every vitest
// suite; ends with the totals on a line of their own and a non-zero exit when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const workspaces = ['packages/schema', 'apps/server', 'apps/web'].filter((dir) =>
  existsSync(join(dir, 'package.json')),
);
const resultFile = (dir) => join(dir, '.test-results', 'vitest.json');
for (const dir of workspaces) rmSync(resultFile(dir), { force: true });

const run = (command, args) =>
  spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  }).status === 0;

let passed = 0;
let failed = 0;
const check = (name, ok) => {
  if (ok) passed += 1;
  else {
    failed += 1;
    console.error(`FAILED: ${name}`);
  }
};

check('lint and format (biome ci)', run('biome', ['ci', '.']));
check(
  'type-check of every workspace',
  run('turbo', ['run', 'typecheck', '--continue', '--output-logs=errors-only']),
);
const suitesOk = run('turbo', ['run', 'test', '--continue', '--concurrency=1']);

for (const dir of workspaces) {
  if (!existsSync(resultFile(dir))) {
    check(`${dir}: vitest wrote no results`, false);
    continue;
  }
  const report = JSON.parse(readFileSync(resultFile(dir), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that fails to load has no failed tests, only a failed file.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  );
  for (const file of brokenFiles) check(`${file.name} did not load`, false);
}
if (!suitesOk && failed === 0) check('test run (turbo) failed', false);

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
