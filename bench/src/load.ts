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
  requestsPerSec: number;
  okPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  non2xx: number;
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
  const answered = result['2xx'] + result.non2xx;
  return {
    requestsPerSec: answered / result.duration,
    okPerSec: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
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
