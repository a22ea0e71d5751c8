import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startBaselineServer } from './baseline.js';
import { checkDurability, type DurabilityCheck } from './durability.js';
import { warmThenMeasure } from './load.js';
import { BENCH_RATE_LIMIT_RPS, startProductServer } from './product-server.js';
import { createRandom } from './random.js';
import type { BenchSettings, ScenarioResult } from './report.js';
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

/** How hard and how long the HTTP scenarios load each server. */
export interface HttpLoad {
  connections: number;
  durationS: number;
  warmupS: number;
  /** When set, the product writes a V8 CPU profile of its run here. */
  cpuProfileDir: string | undefined;
}

/** The HTTP scenarios' results, with what they ran on. */
export interface HttpBenchResult {
  results: ScenarioResult[];
  durability: DurabilityCheck;
  settings: BenchSettings;
}

const ICP_COUNT = 100_000;
const USER_COUNT = 10_000;
const LIST_USER_ICP_COUNT = 25;
const TOKEN_POOL_SIZE = 500;

/**
 * Seeds ICPs, starts the product and the baseline on copies of the same file, loads both with
 * each scenario in turn, then checks that every acknowledged create survived a hard kill.
 */
export async function runHttpBench(
  workDir: string,
  scenarioNames: readonly ScenarioName[],
  load: HttpLoad,
  log: (message: string) => void,
): Promise<HttpBenchResult> {
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

    const { cpuProfileDir } = load;
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
    ).filter(([name]) => scenarioNames.includes(name));
    const results: ScenarioResult[] = [];
    for (const [scenario, requests] of scenarios) {
      const measure = async (server: ServerProcess, serverRequests: typeof requests.product) => {
        log(`${scenario}: ${server.name}`);
        const result = await warmThenMeasure({
          url: server.url,
          pid: server.pid,
          requests: serverRequests,
          connections: load.connections,
          durationS: load.durationS,
          warmupS: load.warmupS,
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
      connections: load.connections,
      durationS: load.durationS,
      warmupS: load.warmupS,
      rateLimitRps: BENCH_RATE_LIMIT_RPS,
    };
    return { results, durability, settings };
  } finally {
    for (const server of servers) await server.stop('SIGKILL');
  }
}
