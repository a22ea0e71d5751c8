import { join } from 'node:path';
import type { DatabaseHost } from '../database-host.js';
import { startProductServer } from '../product-server.js';
import type { ServerProcess } from '../server-process.js';
import { createTokenIssuer } from '../tokens.js';
import { generateLeadDatabase } from './lead-database.js';
import { percentile, send } from './server-requests.js';

const ICPS_PATH = '/api/v1/entities/icps';
/** Hostile requests at once, each from its own user (a user may run only a few searches at once). */
const ATTACKERS = 4;
/** About 3,000 people: a list of 10,000 reads them all, in pages of up to 5,000. */
const COMPANIES = 300;
const QUIET_MS = 3_000;

/** RE2 takes a few hundred milliseconds to compile each: it expands to 62,000 steps. */
const slowToCompile = '.{0,999}'.repeat(62);
/** Backtracks exponentially on a long job title (none ends in "!"), and is beyond RE2. */
const backtracking = '(?=)^(.+)+!$';
const onJobTitle = (regex: string) => ({ type: 'matchFieldWithRegex', field: 'jobTitle', regex });
const everyone = [
  {
    provider: 'baseProvider',
    type: 'person',
    filters: { location: { country: ['W-EMEA', 'W-NA', 'W-LATAM', 'W-APAC'] } },
  },
];

/** Latencies of one kind of probe during one phase. */
export interface ProbeFigures {
  probe: string;
  phase: string;
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** One round of hostile requests sent at once. */
export interface AttackFigures {
  attack: string;
  requests: number;
  /** Of every request of the round, the longest. */
  maxMs: number;
  /** Pattern filters the answers named in `notApplied`, of those they were sent. */
  notApplied: number;
  patterns: number;
}

export interface HostilePatternsResult {
  people: number;
  probes: ProbeFigures[];
  attacks: AttackFigures[];
}

/** `/healthz` and a get-by-id, each asked again as soon as it answers, until `stop()`. */
function startProbes(server: ServerProcess, token: string, icpId: string) {
  const latencies: Record<string, number[]> = { '/healthz': [], 'get-by-id': [] };
  let running = true;
  const loop = async (name: string, path: string) => {
    while (running) {
      const started = performance.now();
      await send(server, token, 'GET', path);
      latencies[name]?.push(performance.now() - started);
    }
  };
  const loops = [loop('/healthz', '/healthz'), loop('get-by-id', `${ICPS_PATH}/${icpId}`)];
  return {
    async stop(phase: string): Promise<ProbeFigures[]> {
      running = false;
      await Promise.all(loops);
      return Object.entries(latencies).map(([probe, values]) => {
        const sorted = [...values].sort((a, b) => a - b);
        return {
          probe,
          phase,
          count: sorted.length,
          p50Ms: percentile(sorted, 0.5),
          p99Ms: percentile(sorted, 0.99),
          maxMs: sorted.at(-1) ?? 0,
        };
      });
    },
  };
}

async function attack(
  label: string,
  patterns: number,
  requests: (() => Promise<{ notApplied: { type: string }[] }>)[],
): Promise<AttackFigures> {
  const durations = await Promise.all(
    requests.map(async (request) => {
      const started = performance.now();
      const answer = await request();
      const named = answer.notApplied.filter((note) => note.type === 'matchFieldWithRegex');
      return { ms: performance.now() - started, named: named.length };
    }),
  );
  return {
    attack: label,
    requests: requests.length,
    maxMs: Math.max(...durations.map((run) => run.ms)),
    notApplied: durations.reduce((sum, run) => sum + run.named, 0),
    patterns: patterns * requests.length,
  };
}

/**
 * The two attacks on the built server (SQLite, production settings), each `ATTACKERS`
 * requests at once: previews whose patterns take long to compile, and lists of 10,000 leads
 * whose patterns backtrack. `/healthz` and a get-by-id are probed throughout, and before, quiet.
 */
export async function runHostilePatternsBench(
  host: DatabaseHost,
  workDir: string,
  log: (message: string) => void,
): Promise<HostilePatternsResult> {
  const databaseUrl = await host.freshDatabase('hostile');
  const { people } = await generateLeadDatabase(databaseUrl, COMPANIES);
  const issuer = await createTokenIssuer();
  const server = await startProductServer({
    name: 'product under hostile patterns',
    databaseUrl,
    dataDir: join(workDir, 'data-hostile'),
    publicKeyPem: issuer.publicKeyPem,
  });
  try {
    const users = Array.from({ length: ATTACKERS }, (_, index) => `bench_hostile_${index}`);
    const tokens = await Promise.all(users.map((user) => issuer.sign(user)));
    const [token] = tokens as [string];
    const backtrackingPatterns = Array.from({ length: 10 }, (_, index) =>
      onJobTitle(`${backtracking}${'x'.repeat(index)}`),
    );
    const icp = await send<{ id: string }>(server, token, 'POST', ICPS_PATH, {
      name: 'Runaway patterns',
      leadProviderCriteria: everyone,
      customFilterCriteria: backtrackingPatterns,
      userIds: users,
      leadsPerList: 10_000,
    });

    log(`hostile patterns: probing quietly for ${QUIET_MS / 1000} s`);
    const quiet = startProbes(server, token, icp.id);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const probes = await quiet.stop('quiet');

    const slowCount = Math.floor(2_000 / (slowToCompile.length + 2));
    log(`hostile patterns: ${ATTACKERS} previews at once, then ${ATTACKERS} lists of 10,000`);
    const attacked = startProbes(server, token, icp.id);
    const previews = await attack(
      `preview of ${slowCount} patterns slow to compile`,
      slowCount,
      tokens.map(
        (attacker, index) => () =>
          send<{ result: { data: { notApplied: { type: string }[] } } }>(
            server,
            attacker,
            'POST',
            '/trpc/leadLists.previewDraft',
            {
              body: {
                leadProviderCriteria: everyone,
                customFilterCriteria: Array.from({ length: slowCount }, (_, n) =>
                  onJobTitle(`${slowToCompile}${index}${n}`),
                ),
                limit: 100,
              },
            },
          ).then((answer) => answer.result.data),
      ),
    );
    const lists = await attack(
      'list of 10,000 with 10 backtracking patterns',
      backtrackingPatterns.length,
      tokens.map(
        (attacker) => () => send(server, attacker, 'POST', `${ICPS_PATH}/${icp.id}/lead-lists`),
      ),
    );
    probes.push(...(await attacked.stop('under attack')));
    server.assertRunning();
    return { people, probes, attacks: [previews, lists] };
  } finally {
    await server.stop();
  }
}
