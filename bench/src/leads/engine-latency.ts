import type { LeadList, LeadPreview } from '@icp/schema';
import { type CpuMeter, processCpu, totalMs } from '../cpu-meter.js';
import type { ServerProcess } from '../server-process.js';
import type { LeadIcp } from './lead-icps.js';
import { median } from './median.js';

const ICPS_PATH = '/api/v1/entities/icps';

/** How often each operation runs, and how big it is. */
export interface EngineRuns {
  previewRuns: number;
  previewLimit: number;
  listRuns: number;
  listSizes: number[];
}

/** One operation on one ICP, run `runs` times one after the other. */
export interface OperationResult {
  icp: string;
  operation: string;
  runs: number;
  /** People the lead provider criteria match, before custom filters. */
  matched: number;
  /** Leads returned by the last run. */
  leads: number;
  p50Ms: number;
  maxMs: number;
  /** Server CPU time (user + kernel) per run. */
  cpuMsPerRun: number;
  /** The same for the database's processes; null when the database runs inside the server. */
  databaseCpuMsPerRun: number | null;
  /** Custom filter types the last run reported as not applied, and ignored provider keys. */
  notes: string[];
  /**
   * Why the operation stopped early: the first answer other than the one expected (the runs
   * before it, and it, are timed). Undefined when every run was answered.
   */
  failure?: string | undefined;
}

async function post<T>(
  server: ServerProcess,
  token: string,
  path: string,
  body: unknown,
  status: number,
): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== status) {
    server.assertRunning();
    throw new RefusedRequest(response.status, text);
  }
  return JSON.parse(text) as T;
}

/** An answer other than the one expected, from a server still running. */
class RefusedRequest extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`answered ${status}: ${body.slice(0, 160)}`);
  }
}

/** The server under test, and the database's own processes serving it when it has any. */
export interface EngineServer {
  server: ServerProcess;
  databaseCpu: CpuMeter | undefined;
}

type Timing = Pick<OperationResult, 'p50Ms' | 'maxMs' | 'cpuMsPerRun' | 'databaseCpuMsPerRun'>;

/**
 * Runs `call` `runs` times in a row, timing each answer as the client sees it; stops at the
 * first refused one, so that a server failing a search costs the run one request, not all.
 */
async function measure<T extends LeadPreview | LeadList>(
  { server, databaseCpu }: EngineServer,
  runs: number,
  call: () => Promise<T>,
): Promise<{ last: T | undefined; runs: number; failure: string | undefined; timing: Timing }> {
  const durations: number[] = [];
  const serverCpu = await processCpu(server.pid).start();
  const ownCpu = await databaseCpu?.start();
  let last: T | undefined;
  let failure: string | undefined;
  for (let run = 0; run < runs && failure === undefined; run++) {
    const started = performance.now();
    try {
      last = await call();
    } catch (error) {
      if (!(error instanceof RefusedRequest)) throw error;
      failure = error.message;
    }
    durations.push(performance.now() - started);
  }
  const cpuMsPerRun = totalMs(await serverCpu.stop()) / durations.length;
  const databaseCpuMsPerRun =
    ownCpu === undefined ? null : totalMs(await ownCpu.stop()) / durations.length;
  return {
    last,
    runs: durations.length,
    failure,
    timing: {
      p50Ms: median(durations),
      maxMs: Math.max(...durations),
      cpuMsPerRun,
      databaseCpuMsPerRun,
    },
  };
}

function notesOf(answer: LeadPreview | LeadList | undefined): string[] {
  if (answer === undefined) return [];
  return [
    ...answer.notApplied.map((filter) => `${filter.type} not applied`),
    ...answer.ignoredFilterKeys.map((key) => `${key} ignored`),
  ];
}

/**
 * Creates each ICP through the REST API, then previews it and generates lead lists of each size,
 * sequentially: these are latencies, not throughput. Lists are recorded, so with a reuse window
 * every list of an ICP skips the people of its earlier lists, as it would in use.
 */
export async function measureEngine(
  engine: EngineServer,
  token: string,
  icps: readonly LeadIcp[],
  runs: EngineRuns,
  log: (message: string) => void,
): Promise<OperationResult[]> {
  const { server } = engine;
  const results: OperationResult[] = [];
  for (const { label, body } of icps) {
    const { id } = await post<{ id: string }>(server, token, ICPS_PATH, body, 201);
    log(`${label}: preview x${runs.previewRuns}`);
    const preview = await measure(engine, runs.previewRuns, () =>
      post<LeadPreview>(
        server,
        token,
        `${ICPS_PATH}/${id}/preview`,
        { limit: runs.previewLimit },
        200,
      ),
    );
    results.push({
      icp: label,
      operation: `preview ${runs.previewLimit}`,
      runs: preview.runs,
      matched: preview.last?.total ?? 0,
      leads: preview.last?.leads.length ?? 0,
      ...preview.timing,
      notes: notesOf(preview.last),
      failure: preview.failure,
    });
    for (const size of runs.listSizes) {
      log(`${label}: lead list of ${size} x${runs.listRuns}`);
      const list = await measure(engine, runs.listRuns, () =>
        post<LeadList>(server, token, `${ICPS_PATH}/${id}/lead-lists`, { size }, 201),
      );
      results.push({
        icp: label,
        operation: `list ${size.toLocaleString('en-US')}`,
        runs: list.runs,
        matched: list.last?.matchedCount ?? 0,
        leads: list.last?.leadCount ?? 0,
        ...list.timing,
        notes: notesOf(list.last),
        failure: list.failure,
      });
    }
    server.assertRunning();
  }
  return results;
}
