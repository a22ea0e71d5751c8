/**
 * `pnpm bench`: the HTTP scenarios (seeds ICPs, starts the product on SQLite and on PostgreSQL
 * and the baseline, loads each with autocannon) and the lead engine (generates a lead database,
 * imports lead files, times previews and lead lists, on each database), then writes the report
 * to RESULTS.md. Settings from the environment: BENCH_POSTGRES_URL (the PostgreSQL database
 * whose fresh schemas the product runs on, postgres://postgres@127.0.0.1:5432/postgres; `off`,
 * or one that cannot be reached, measures SQLite alone),
 * BENCH_SCENARIOS (a comma-separated subset of get-by-id,list,create,leads,hostile-patterns; all
 * by default; `leads-10m`, the lead engine on about ten million people, only when named),
 * BENCH_DURATION_S (measured seconds per scenario and server, 10), BENCH_WARMUP_S (2),
 * BENCH_CONNECTIONS (50), BENCH_CPU_PROF_DIR (when set, the product writes a V8 CPU profile of
 * the HTTP run there), BENCH_LEAD_COMPANIES (companies of the lead engine's database, about ten
 * people each, 100,000), BENCH_LEAD_10M_COMPANIES (the same for `leads-10m`, 1,000,000) and
 * BENCH_IMPORT_ROWS (people per import file, 100,000).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type DatabaseHost, sqliteHost } from './database-host.js';
import { numberFromEnv } from './env.js';
import { runHttpBench } from './http-bench.js';
import { runHostilePatternsBench } from './leads/hostile-patterns.js';
import { runLeadsBench } from './leads/leads-bench.js';
import { resultsFile } from './paths.js';
import { connectPostgres, DEFAULT_POSTGRES_URL, type PostgresHost } from './postgres-host.js';
import { type PostgresStatus, renderReport } from './report.js';
import { SCENARIO_NAMES } from './scenarios.js';

const GROUPS = [...SCENARIO_NAMES, 'leads', 'hostile-patterns'] as const;
/** Scenarios that run only when named: generating their data takes long. */
const OPT_IN_GROUPS = ['leads-10m'] as const;
const KNOWN_GROUPS: readonly string[] = [...GROUPS, ...OPT_IN_GROUPS];

const log = (message: string) => console.error(`[bench] ${message}`);

/** Previews from 16 connections at once, as the "no starving of the API" target asks. */
const LEAD_LOAD = {
  connections: 16,
  durationS: numberFromEnv('BENCH_DURATION_S', 10),
  previewLimit: 25,
};

function selectedGroups(): string[] {
  const selected = process.env.BENCH_SCENARIOS?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (selected === undefined || selected.length === 0) return [...GROUPS];
  const unknown = selected.filter((name) => !KNOWN_GROUPS.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_SCENARIOS: unknown ${unknown.join(', ')}; use ${KNOWN_GROUPS.join(',')}`,
    );
  }
  return selected;
}

/** The product's PostgreSQL databases of this run, or why there are none. */
async function connectPostgresFromEnv(): Promise<{
  host: PostgresHost | undefined;
  status: PostgresStatus;
}> {
  const url = process.env.BENCH_POSTGRES_URL || DEFAULT_POSTGRES_URL;
  if (url === 'off') {
    return { host: undefined, status: { measured: false, reason: 'BENCH_POSTGRES_URL=off' } };
  }
  try {
    const host = await connectPostgres(url);
    log(`measuring on SQLite and on PostgreSQL ${host.description}`);
    return { host, status: { measured: true, description: host.description } };
  } catch (error) {
    const reason = `cannot reach ${url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@')}: ${(error as Error).message}`;
    log(`PostgreSQL column skipped, ${reason}`);
    return { host: undefined, status: { measured: false, reason } };
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const groups = selectedGroups();
  const workDir = mkdtempSync(join(tmpdir(), 'icp-bench-'));
  const postgres = await connectPostgresFromEnv();
  const cleanUp = async () => {
    try {
      await postgres.host?.close();
    } finally {
      if (existsSync(workDir)) rmSync(workDir, { recursive: true, force: true });
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: dropping this run's databases`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  try {
    const hosts: DatabaseHost[] = [sqliteHost(join(workDir, 'databases'))];
    if (postgres.host !== undefined) hosts.push(postgres.host);
    const httpScenarios = SCENARIO_NAMES.filter((name) => groups.includes(name));
    const http =
      httpScenarios.length === 0
        ? undefined
        : await runHttpBench(
            workDir,
            hosts,
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
          hosts,
          {
            companies: numberFromEnv('BENCH_LEAD_COMPANIES', 100_000),
            importRows: numberFromEnv('BENCH_IMPORT_ROWS', 100_000),
            previewRuns: 10,
            previewLimit: 25,
            listRuns: 3,
            listSizes: [100, 1_000],
            comparisonRuns: { preview: 10, list: 5 },
            comparedListSize: 1_000,
            load: LEAD_LOAD,
          },
          log,
        )
      : undefined;
    // The same figures at ten times the size, without the imports (they do not depend on it).
    const leads10m = groups.includes('leads-10m')
      ? await runLeadsBench(
          join(workDir, 'leads-10m'),
          hosts,
          {
            companies: numberFromEnv('BENCH_LEAD_10M_COMPANIES', 1_000_000),
            importRows: 0,
            previewRuns: 5,
            previewLimit: 25,
            listRuns: 3,
            listSizes: [100, 1_000],
            comparisonRuns: { preview: 5, list: 3 },
            comparedListSize: 1_000,
            load: LEAD_LOAD,
          },
          log,
        )
      : undefined;

    const hostilePatterns = groups.includes('hostile-patterns')
      ? await runHostilePatternsBench(sqliteHost(join(workDir, 'databases')), workDir, log)
      : undefined;

    const report = renderReport({
      postgres: postgres.status,
      http,
      leads,
      leads10m,
      hostilePatterns,
    });
    console.log(report);
    writeFileSync(resultsFile, report);
    log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; wrote ${resultsFile}`);
    const missing = Object.values(http?.durability ?? {}).reduce(
      (sum, check) => sum + check.missing,
      0,
    );
    if (missing > 0) {
      log(`${missing} acknowledged creates are missing from the database`);
      return 1;
    }
    return 0;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
