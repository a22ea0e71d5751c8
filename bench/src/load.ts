import autocannon from 'autocannon';
import { sampleRss } from './server-process.js';

export interface LoadOptions {
  url: string;
  /** The server process whose memory is sampled while the load runs. */
  pid: number;
  requests: autocannon.Request[];
  connections: number;
  durationS: number;
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
}

/** One autocannon run against one server. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const rss = sampleRss(options.pid);
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    requests: options.requests,
  });
  const peakRssMb = rss.stop();
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
