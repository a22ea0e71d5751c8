/**
 * `pnpm bench`: the HTTP scenarios (seeds ICPs, starts the product and the baseline, loads both
 * with autocannon) and the lead engine (generates a lead database, imports lead files, times
 * previews and lead lists), then writes the report to RESULTS.md. Settings from the environment:
 * BENCH_SCENARIOS (a comma-separated subset of get-by-id,list,create,leads; all by default),
 * BENCH_DURATION_S (measured seconds per scenario and server, 10), BENCH_WARMUP_S (2),
 * BENCH_CONNECTIONS (50), BENCH_CPU_PROF_DIR (when set, the product writes a V8 CPU profile of
 * the HTTP run there), BENCH_LEAD_COMPANIES (companies of the lead engine's database, about ten
 * people each, 100,000) and BENCH_IMPORT_ROWS (people per import file, 100,000).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { numberFromEnv } from './env.js';
import { runHttpBench } from './http-bench.js';
import { runLeadsBench } from './leads/leads-bench.js';
import { resultsFile } from './paths.js';
import { renderReport } from './report.js';
import { SCENARIO_NAMES } from './scenarios.js';

const GROUPS = [...SCENARIO_NAMES, 'leads'] as const;

const log = (message: string) => console.error(`[bench] ${message}`);

function selectedGroups(): string[] {
  const selected = process.env.BENCH_SCENARIOS?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (selected === undefined || selected.length === 0) return [...GROUPS];
  const unknown = selected.filter((name) => !(GROUPS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`BENCH_SCENARIOS: unknown ${unknown.join(', ')}; use ${GROUPS.join(',')}`);
  }
  return selected;
}

async function main(): Promise<number> {
  const started = performance.now();
  const groups = selectedGroups();
  const workDir = mkdtempSync(join(tmpdir(), 'icp-bench-'));
  try {
    const httpScenarios = SCENARIO_NAMES.filter((name) => groups.includes(name));
    const http =
      httpScenarios.length === 0
        ? undefined
        : await runHttpBench(
            workDir,
            httpScenarios,
            {
              connections: numberFromEnv('BENCH_CONNECTIONS', 50),
              durationS: numberFromEnv('BENCH_DURATION_S', 10),
              warmupS: numberFromEnv('BENCH_WARMUP_S', 2),
              cpuProfileDir: process.env.BENCH_CPU_PROF_DIR
                ? resolve(process.env.BENCH_CPU_PROF_DIR)
                : undefined,
            },
            log,
          );
    const leads = groups.includes('leads')
      ? await runLeadsBench(
          join(workDir, 'leads'),
          {
            companies: numberFromEnv('BENCH_LEAD_COMPANIES', 100_000),
            importRows: numberFromEnv('BENCH_IMPORT_ROWS', 100_000),
            previewRuns: 10,
            previewLimit: 25,
            listRuns: 3,
            listSizes: [100, 1_000],
          },
          log,
        )
      : undefined;

    const report = renderReport({ http, leads });
    console.log(report);
    writeFileSync(resultsFile, report);
    log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; wrote ${resultsFile}`);
    const missing = http?.durability.missing ?? 0;
    if (missing > 0) {
      log(`${missing} acknowledged creates are missing from the database`);
      return 1;
    }
    return 0;
  } finally {
    if (existsSync(workDir)) rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
