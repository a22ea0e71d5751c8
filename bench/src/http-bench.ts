import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startBaselineServer } from './baseline.js';
import type { CpuMeter } from './cpu-meter.js';
import { type ByDatabase, DATABASE_LABELS, type DatabaseHost } from './database-host.js';
import { checkDurability, type DurabilityCheck } from './durability.js';
import { type LoadResult, warmThenMeasure } from './load.js';
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
import { copySeededIcps } from './seed-copy.js';
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
  durability: ByDatabase<DurabilityCheck>;
  settings: BenchSettings;
}

/** The product on one database, with the ICPs its creates acknowledged. */
interface ProductUnderLoad {
  host: DatabaseHost;
  url: string;
  server: ServerProcess;
  acknowledged: string[];
}

const ICP_COUNT = 100_000;
const USER_COUNT = 10_000;
const LIST_USER_ICP_COUNT = 25;
const TOKEN_POOL_SIZE = 500;

/**
 * The seeded file itself for SQLite; on another database, a fresh one holding the same rows.
 * Resolves to its DATABASE_URL and the seconds the copy took.
 */
async function databaseWithSeed(
  host: DatabaseHost,
  seedPath: string,
): Promise<{ url: string; copySeconds: number }> {
  if (host.database === 'sqlite') return { url: `file:${seedPath}`, copySeconds: 0 };
  const started = performance.now();
  const url = await host.freshDatabase('icps');
  await copySeededIcps(seedPath, url);
  return { url, copySeconds: (performance.now() - started) / 1000 };
}

/**
 * Seeds ICPs, starts the product on each database and the baseline on a copy of the SQLite
 * file, loads each with each scenario in turn, then checks that every acknowledged create
 * survived a hard kill.
 */
export async function runHttpBench(
  workDir: string,
  hosts: readonly DatabaseHost[],
  scenarioNames: readonly ScenarioName[],
  load: HttpLoad,
  log: (message: string) => void,
): Promise<HttpBenchResult> {
  const seedPath = join(workDir, 'product.sqlite');
  const baselineDb = join(workDir, 'baseline.sqlite');
  const jwtBaselineDb = join(workDir, 'baseline-jwt.sqlite');
  const servers: ServerProcess[] = [];
  try {
    log(`seeding ${ICP_COUNT} ICPs over ${USER_COUNT} users`);
    const seed = await seedDatabase(seedPath, {
      icpCount: ICP_COUNT,
      userCount: USER_COUNT,
      listUserIcpCount: LIST_USER_ICP_COUNT,
    });
    copyFileSync(seedPath, baselineDb);
    copyFileSync(seedPath, jwtBaselineDb);
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
    const products: ProductUnderLoad[] = [];
    const copySeconds: ByDatabase<number> = {};
    for (const host of hosts) {
      const seeded = await databaseWithSeed(host, seedPath);
      if (seeded.copySeconds > 0) {
        copySeconds[host.database] = seeded.copySeconds;
        log(
          `copied the ICPs to ${DATABASE_LABELS[host.database]} in ${seeded.copySeconds.toFixed(1)} s`,
        );
      }
      const server = await startProductServer({
        name: `product on ${DATABASE_LABELS[host.database]}`,
        databaseUrl: seeded.url,
        dataDir: join(workDir, `data-${host.database}`),
        publicKeyPem: issuer.publicKeyPem,
        cpuProfileDir,
      });
      servers.push(server);
      products.push({ host, url: seeded.url, server, acknowledged: [] });
      log(`${server.name}: pid ${server.pid} at ${server.url}`);
    }
    const baseline = await startBaselineServer(baselineDb);
    servers.push(baseline);
    log(`baseline: pid ${baseline.pid} at ${baseline.url}`);
    const jwtBaseline = await startBaselineServer(jwtBaselineDb, issuer.publicKeyPem);
    servers.push(jwtBaseline);
    log(`${jwtBaseline.name}: pid ${jwtBaseline.pid} at ${jwtBaseline.url}`);

    const scenarios = (
      [
        ['get-by-id', getByIdRequests(workload)],
        ['list', listRequests(workload)],
        ['create', createRequests(workload)],
      ] satisfies [ScenarioName, ScenarioRequests][]
    ).filter(([name]) => scenarioNames.includes(name));
    const baselineAcknowledged: string[] = [];
    const jwtBaselineAcknowledged: string[] = [];
    const results: ScenarioResult[] = [];
    for (const [scenario, requests] of scenarios) {
      const measure = async (
        server: ServerProcess,
        serverRequests: ReturnType<ScenarioRequests['product']>,
        databaseCpu?: CpuMeter,
      ): Promise<LoadResult> => {
        log(`${scenario}: ${server.name}`);
        const result = await warmThenMeasure({
          url: server.url,
          pid: server.pid,
          requests: serverRequests,
          connections: load.connections,
          durationS: load.durationS,
          warmupS: load.warmupS,
          databaseCpu,
        });
        for (const running of servers) running.assertRunning();
        return result;
      };
      const product: ByDatabase<LoadResult> = {};
      for (const { host, url, server, acknowledged } of products) {
        product[host.database] = await measure(
          server,
          requests.product(acknowledged),
          host.backendCpu(url),
        );
      }
      const baselineResult = await measure(baseline, requests.baseline(baselineAcknowledged));
      const jwtBaselineResult = await measure(
        jwtBaseline,
        requests.baseline(jwtBaselineAcknowledged),
      );
      results.push({ scenario, product, baseline: baselineResult, jwtBaseline: jwtBaselineResult });
    }

    // A hard kill, so nothing but committed transactions can have reached the database; a
    // profiled server must exit normally to write its profile.
    const afterHardKill = cpuProfileDir === undefined;
    const durability: ByDatabase<DurabilityCheck> = {};
    for (const { host, url, server, acknowledged } of products) {
      await server.stop(afterHardKill ? 'SIGKILL' : 'SIGTERM');
      durability[host.database] = await checkDurability(
        url,
        ICP_COUNT,
        acknowledged,
        afterHardKill,
      );
    }
    await baseline.stop();
    await jwtBaseline.stop();

    const settings: BenchSettings = {
      icpCount: ICP_COUNT,
      userCount: USER_COUNT,
      listUserIcpCount: LIST_USER_ICP_COUNT,
      seedSeconds: seed.durationMs / 1000,
      copySeconds,
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
