/**
 * `pnpm bench`: seeds a database, starts the product and the baseline, loads both with autocannon
 * and writes the report to RESULTS.md. Settings from the environment: BENCH_DURATION_S (measured
 * seconds per scenario and server, 10), BENCH_WARMUP_S (2), BENCH_CONNECTIONS (50) and
 * BENCH_CPU_PROF_DIR (when set, the product writes a V8 CPU profile of the whole run there) and
 * BENCH_SCENARIOS (a comma-separated subset of get-by-id,list,create).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBaselineServer } from './baseline.js';
import { checkDurability } from './durability.js';
import { warmThenMeasure } from './load.js';
import { resultsFile } from './paths.js';
import { BENCH_RATE_LIMIT_RPS, startProductServer } from './product-server.js';
import { createRandom } from './random.js';
import { type BenchSettings, renderReport, type ScenarioResult } from './report.js';
import {
  createRequests,
  getByIdRequests,
  listRequests,
  type ScenarioName,
  type ScenarioRequests,
  type Workload,
} from './scenarios.js';
import { seedDatabase } from './seed.js';
import type { ServerProcess } from './server-process.js';
import { createTokenIssuer, signTokens } from './tokens.js';

const numberFromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const ICP_COUNT = 100_000;
const USER_COUNT = 10_000;
const LIST_USER_ICP_COUNT = 25;
const TOKEN_POOL_SIZE = 500;
const durationS = numberFromEnv('BENCH_DURATION_S', 10);
const warmupS = numberFromEnv('BENCH_WARMUP_S', 2);
const connections = numberFromEnv('BENCH_CONNECTIONS', 50);
const cpuProfileDir = process.env.BENCH_CPU_PROF_DIR
  ? resolve(process.env.BENCH_CPU_PROF_DIR)
  : undefined;

const selectedScenarios = process.env.BENCH_SCENARIOS?.split(',').map((name) => name.trim());

const log = (message: string) => console.error(`[bench] ${message}`);

async function main(): Promise<number> {
  const started = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), 'icp-bench-'));
  const productDb = join(workDir, 'product.sqlite');
  const baselineDb = join(workDir, 'baseline.sqlite');
  const servers: ServerProcess[] = [];
  try {
    log(`seeding ${ICP_COUNT} ICPs over ${USER_COUNT} users`);
    const seed = await seedDatabase(productDb, {
      icpCount: ICP_COUNT,
      userCount: USER_COUNT,
      listUserIcpCount: LIST_USER_ICP_COUNT,
    });
    copyFileSync(productDb, baselineDb);
    log(`seeded in ${(seed.durationMs / 1000).toFixed(1)} s`);

    const issuer = await createTokenIssuer();
    const pool = createRandom(42).sample(seed.userIds.slice(1), TOKEN_POOL_SIZE);
    const tokens = await signTokens(issuer, [seed.listUserId, ...pool]);
    const tokenOf = (userId: string) => tokens.get(userId) as string;
    const poolSet = new Set(pool);
    const workload: Workload = {
      readTargets: seed.icps
        .filter((icp) => poolSet.has(icp.ownerId))
        .map((icp) => ({ ...icp, token: tokenOf(icp.ownerId) })),
      listUserId: seed.listUserId,
      listUserToken: tokenOf(seed.listUserId),
      creators: pool.map((userId) => ({ userId, token: tokenOf(userId) })),
    };

    if (cpuProfileDir !== undefined) mkdirSync(cpuProfileDir, { recursive: true });
    const product = await startProductServer({
      databasePath: productDb,
      dataDir: join(workDir, 'data'),
      publicKeyPem: issuer.publicKeyPem,
      cpuProfileDir,
    });
    servers.push(product);
    const baseline = await startBaselineServer(baselineDb);
    servers.push(baseline);
    log(`product pid ${product.pid} at ${product.url}, baseline pid ${baseline.pid}`);

    const acknowledged = { product: [] as string[], baseline: [] as string[] };
    const scenarios = (
      [
        ['get-by-id', getByIdRequests(workload)],
        ['list', listRequests(workload)],
        ['create', createRequests(workload, acknowledged)],
      ] satisfies [ScenarioName, ScenarioRequests][]
    ).filter(([name]) => selectedScenarios === undefined || selectedScenarios.includes(name));
    const results: ScenarioResult[] = [];
    for (const [scenario, requests] of scenarios) {
      const measure = async (server: ServerProcess, serverRequests: typeof requests.product) => {
        log(`${scenario}: ${server.name}`);
        const result = await warmThenMeasure({
          url: server.url,
          pid: server.pid,
          requests: serverRequests,
          connections,
          durationS,
          warmupS,
        });
        for (const running of servers) running.assertRunning();
        return result;
      };
      const productResult = await measure(product, requests.product);
      const baselineResult = await measure(baseline, requests.baseline);
      results.push({ scenario, product: productResult, baseline: baselineResult });
    }

    // A hard kill, so nothing but committed transactions can have reached the file; a profiled
    // server must exit normally to write its profile.
    const afterHardKill = cpuProfileDir === undefined;
    await product.stop(afterHardKill ? 'SIGKILL' : 'SIGTERM');
    await baseline.stop();
    const durability = checkDurability(productDb, ICP_COUNT, acknowledged.product, afterHardKill);

    const settings: BenchSettings = {
      icpCount: ICP_COUNT,
      userCount: USER_COUNT,
      listUserIcpCount: LIST_USER_ICP_COUNT,
      seedSeconds: seed.durationMs / 1000,
      tokenPoolSize: TOKEN_POOL_SIZE,
      readTargetCount: workload.readTargets.length,
      connections,
      durationS,
      warmupS,
      rateLimitRps: BENCH_RATE_LIMIT_RPS,
    };
    const report = renderReport(results, durability, settings);
    console.log(report);
    writeFileSync(resultsFile, report);
    log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; wrote ${resultsFile}`);
    if (durability.missing > 0) {
      log(`${durability.missing} acknowledged creates are missing from the database`);
      return 1;
    }
    return 0;
  } finally {
    for (const server of servers) await server.stop('SIGKILL');
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
