import autocannon from 'autocannon';
import { type CpuMeter, type CpuTime, processCpu } from './cpu-meter.js';
import { sampleRss } from './server-process.js';

export interface LoadOptions {
  url: string;
  /** The server process whose memory is sampled while the load runs. */
  pid: number;
  requests: autocannon.Request[];
  connections: number;
  durationS: number;
  /** The database's own processes serving the server (PostgreSQL's), when it has any. */
  databaseCpu?: CpuMeter | undefined;
}

export interface LoadResult {
  /** 2xx answers per second; other answers do not count as served. */
  okPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  non2xx: number;
  /** Count of each non-2xx status, such as `{ '429': 12 }`. */
  non2xxByStatus: Record<string, number>;
  errors: number;
  timeouts: number;
  peakRssMb: number;
  /** Server CPU time per answered request, in microseconds, split into user and kernel time. */
  cpuUsPerRequest: CpuTime;
  /** The same for the database's processes; null when the database runs inside the server. */
  databaseCpuUsPerRequest: CpuTime | null;
}

/** One autocannon run against one server. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const rss = sampleRss(options.pid);
  const serverCpu = await processCpu(options.pid).start();
  const databaseCpu = await options.databaseCpu?.start();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    requests: options.requests,
  });
  const peakRssMb = rss.stop();
  const serverSpent = await serverCpu.stop();
  const databaseSpent = await databaseCpu?.stop();
  const answered = Math.max(1, result['2xx'] + result.non2xx);
  const perRequest = ({ user, system }: CpuTime): CpuTime => ({
    user: (user * 1000) / answered,
    system: (system * 1000) / answered,
  });
  const non2xxByStatus: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    if (!status.startsWith('2') && count) non2xxByStatus[status] = count;
  }
  return {
    okPerSec: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    non2xxByStatus,
    errors: result.errors,
    timeouts: result.timeouts,
    peakRssMb,
    cpuUsPerRequest: perRequest(serverSpent),
    databaseCpuUsPerRequest: databaseSpent === undefined ? null : perRequest(databaseSpent),
  };
}

/** A warm-up run (discarded, but its memory peak counts), then the measured run. */
export async function warmThenMeasure(
  options: LoadOptions & { warmupS: number },
): Promise<LoadResult> {
  const warmup = await runLoad({ ...options, durationS: options.warmupS });
  const measured = await runLoad(options);
  return { ...measured, peakRssMb: Math.max(warmup.peakRssMb, measured.peakRssMb) };
}
