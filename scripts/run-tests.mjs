// The one test command: lint and format check, type-check of every workspace, every vitest
// suite; ends with the totals on a line of their own and a non-zero exit when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

const workspaces = ['packages/schema', 'apps/server', 'apps/web'].filter((dir) =>
  existsSync(join(dir, 'package.json')),
);
const resultsDir = (dir) => join(dir, '.test-results');
const resultFile = (dir) => join(resultsDir(dir), 'vitest.json');
for (const dir of workspaces) rmSync(resultsDir(dir), { recursive: true, force: true });

// The server's end-to-end suites also run on PostgreSQL: TEST_POSTGRES_URL, or the local server
// these machines run (trust auth, database `test`) when one answers.
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';
const answers = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port, timeout: 1_000 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
if (!process.env.TEST_POSTGRES_URL && (await answers(5432))) {
  process.env.TEST_POSTGRES_URL = LOCAL_POSTGRES;
}
console.log(
  process.env.TEST_POSTGRES_URL
    ? 'PostgreSQL suites run against TEST_POSTGRES_URL'
    : 'PostgreSQL suites skipped: no TEST_POSTGRES_URL and nothing listens on 127.0.0.1:5432',
);

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
  // vitest.json, and vitest-postgres.json where the suites also ran on PostgreSQL.
  for (const name of readdirSync(resultsDir(dir)).filter((file) => file.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(resultsDir(dir), name), 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A suite that fails to load has no failed tests, only a failed file.
    const brokenFiles = report.testResults.filter(
      (file) => file.status === 'failed' && file.assertionResults.length === 0,
    );
    for (const file of brokenFiles) check(`${file.name} did not load`, false);
  }
}
if (!suitesOk && failed === 0) check('test run (turbo) failed', false);

// What the reliability suites did (each reports its figures; see test/support/suite-figures.ts).
const figureLines = workspaces.flatMap((dir) => {
  const file = join(resultsDir(dir), 'reliability-figures.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
});
if (figureLines.length > 0) {
  const columns = {
    requestsSent: 'requests sent',
    faultsInjected: 'faults injected',
    writesAcknowledged: 'writes acknowledged',
    writesFound: 'writes found',
  };
  const rows = new Map();
  for (const { suite, database, ...figures } of figureLines.map((line) => JSON.parse(line))) {
    const row = rows.get(`${suite} (${database})`) ?? {};
    for (const name of Object.keys(columns)) {
      if (figures[name] !== undefined) row[name] = (row[name] ?? 0) + figures[name];
    }
    rows.set(`${suite} (${database})`, row);
  }
  // A plain text table: console.table would quote the dashes.
  const header = ['suite (database)', ...Object.values(columns)];
  const lines = [...rows]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([suite, row]) => [
      suite,
      ...Object.keys(columns).map((name) => String(row[name] ?? '-')),
    ]);
  const widths = header.map((title, index) =>
    Math.max(title.length, ...lines.map((line) => line[index].length)),
  );
  const format = (cells) =>
    cells
      .map((cell, index) =>
        index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]),
      )
      .join('  ');
  console.log('\nReliability suite figures');
  for (const line of [header, ...lines]) console.log(format(line));
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
