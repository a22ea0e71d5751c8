import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from '../paths.js';
import { sampleRss } from '../server-process.js';
import type { LeadIcp } from './lead-icps.js';

/** One operation of the comparison: `findLeads` with `limit`, timed `runs` times per engine. */
export interface ComparedOperation {
  operation: string;
  limit: number;
  runs: number;
}

export interface ComparisonPlan {
  icps: LeadIcp[];
  operations: ComparedOperation[];
}

export interface MemorySample {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** Building the lead index of a database in a process of its own. */
export interface BuildFigures {
  ms: number;
  /** `size()` of the index: people, companies and bytes (bitmaps, columns, ids). */
  size: { people: number; companies: number; bytes: number };
  /** The process's memory before and after the build, each after a full garbage collection. */
  before: MemorySample;
  after: MemorySample;
}

export interface EngineTiming {
  p50Ms: number;
  maxMs: number;
}

/** One ICP and operation on both engines, in the same process on the same data. */
export interface OperationComparison {
  icp: string;
  operation: string;
  runs: number;
  matched: number;
  leads: number;
  index: EngineTiming;
  sql: EngineTiming;
  /** Whether both engines gave the same count and the same leads, in order, with reasons. */
  sameAnswers: boolean;
}

export interface ComparisonResult {
  build: BuildFigures;
  operations: OperationComparison[];
  /** The peak RSS of the whole process, sampled from outside. */
  peakRssMb: number;
}

const childScript = join(benchDir, 'src', 'leads', 'engine-comparison-child.ts');

/**
 * Builds the lead index of `databaseUrl` and times previews and lists on it and on the SQL
 * engine, in one new process (engine-comparison-child.ts), so the index is alone in its memory.
 */
export async function compareEngines(
  databaseUrl: string,
  plan: ComparisonPlan,
  workDir: string,
): Promise<ComparisonResult> {
  const resultFile = join(workDir, `engine-comparison-${process.pid}-${Date.now()}.json`);
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', childScript], {
    cwd: benchDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      RESULT_FILE: resultFile,
      COMPARISON_PLAN: JSON.stringify(plan),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('the engine comparison did not start');
  const rss = sampleRss(child.pid, 100);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const [code] = (await once(child, 'close')) as [number | null];
  const peakRssMb = rss.stop();
  if (code !== 0) throw new Error(`the engine comparison exited with ${code}:\n${stderr}`);
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as Omit<
    ComparisonResult,
    'peakRssMb'
  >;
  return { ...result, peakRssMb };
}
