import autocannon from 'autocannon';
import { type ServerProcess, sampleRss } from '../server-process.js';
import type { TokenIssuer } from '../tokens.js';
import type { LeadIcp } from './lead-icps.js';
import { percentile, send } from './server-requests.js';

const ICPS_PATH = '/api/v1/entities/icps';
const QUIET_MS = 3_000;

export interface LoadSettings {
  connections: number;
  durationS: number;
  previewLimit: number;
}

/** Latencies of the get-by-id probe in one phase. */
export interface ProbeLatency {
  phase: 'quiet' | 'under load';
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface PreviewsUnderLoad {
  connections: number;
  durationS: number;
  /** Answered previews: 2xx per second, and other answers. */
  previewsPerSec: number;
  previewP50Ms: number;
  previewP99Ms: number;
  previewNon2xx: number;
  previewErrors: number;
  probes: ProbeLatency[];
  /** The server's peak RSS while the load ran. */
  peakRssMb: number;
}

/** A get-by-id asked again as soon as it answers, until `stop()`. */
function startProbe(server: ServerProcess, token: string, icpId: string) {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await send(server, token, 'GET', `${ICPS_PATH}/${icpId}`);
      latencies.push(performance.now() - started);
    }
  })();
  return {
    async stop(phase: ProbeLatency['phase']): Promise<ProbeLatency> {
      running = false;
      await loop;
      const sorted = [...latencies].sort((a, b) => a - b);
      return {
        phase,
        count: sorted.length,
        p50Ms: percentile(sorted, 0.5),
        p99Ms: percentile(sorted, 0.99),
        maxMs: sorted.at(-1) ?? 0,
      };
    },
  };
}

/**
 * Previews through the REST API from `connections` connections at once, each its own user (a
 * user may run only a few searches at once), over the bench's ICPs in turn, while one more
 * client asks for an ICP by id, one request at a time; the same probe runs quietly first.
 */
export async function measurePreviewsUnderLoad(
  server: ServerProcess,
  issuer: TokenIssuer,
  icps: readonly LeadIcp[],
  settings: LoadSettings,
  log: (message: string) => void,
): Promise<PreviewsUnderLoad> {
  const users = Array.from({ length: settings.connections }, (_, n) => `bench_load_${n}`);
  const tokens = await Promise.all(users.map((user) => issuer.sign(user)));
  const [ownerToken] = tokens as [string];
  const icpIds: string[] = [];
  for (const { body } of icps) {
    icpIds.push(
      (
        await send<{ id: string }>(server, ownerToken, 'POST', ICPS_PATH, {
          ...body,
          userIds: users,
        })
      ).id,
    );
  }
  const probeToken = await issuer.sign('bench_probe_user');
  const probed = await send<{ id: string }>(server, probeToken, 'POST', ICPS_PATH, {
    ...(icps[0] as LeadIcp).body,
    name: 'Probed by id',
  });

  log(`previews under load: probing get-by-id quietly for ${QUIET_MS / 1000} s`);
  const quiet = startProbe(server, probeToken, probed.id);
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  const probes = [await quiet.stop('quiet')];

  const previewsOf = (token: string): autocannon.Request[] =>
    icpIds.map((id) => ({
      method: 'POST',
      path: `${ICPS_PATH}/${id}/preview`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ limit: settings.previewLimit }),
    }));
  let clients = 0;
  log(
    `previews under load: ${settings.connections} connections for ${settings.durationS} s, get-by-id probed`,
  );
  const rss = sampleRss(server.pid);
  const loaded = startProbe(server, probeToken, probed.id);
  const result = await autocannon({
    url: server.url,
    connections: settings.connections,
    duration: settings.durationS,
    requests: previewsOf(ownerToken),
    setupClient: (client: autocannon.Client) => {
      client.setRequests(previewsOf(tokens[clients % tokens.length] as string));
      clients += 1;
    },
  });
  probes.push(await loaded.stop('under load'));
  const peakRssMb = rss.stop();
  server.assertRunning();
  return {
    connections: settings.connections,
    durationS: settings.durationS,
    previewsPerSec: result['2xx'] / result.duration,
    previewP50Ms: result.latency.p50,
    previewP99Ms: result.latency.p99,
    previewNon2xx: result.non2xx,
    previewErrors: result.errors,
    probes,
    peakRssMb,
  };
}
