/**
 * Run by engine-comparison.ts in a process of its own (with --expose-gc), so that its memory
 * figures are those of one index alone: builds the lead index of DATABASE_URL, then times
 * `findLeads` on the index and on the SQL engine, one call at a time, and writes the figures as
 * JSON to RESULT_FILE. What to run comes as JSON in COMPARISON_PLAN.
 */
import { writeFileSync } from 'node:fs';
import { icpCreateInput } from '@icp/schema';
import { openDatabase } from '@icp/server/db/open-database';
import { peopleUsedSince } from '@icp/server/lead-lists/repository';
import { type FoundLeads, findLeads } from '@icp/server/leads/find-leads';
import { FreshLeadIndex } from '@icp/server/leads/fresh-lead-index';
import { indexLeadEngine } from '@icp/server/leads/index-lead-engine';
import { sqlReferenceEngine } from '@icp/server/leads/sql-reference-engine';
import type {
  BuildFigures,
  ComparisonPlan,
  ComparisonResult,
  EngineTiming,
  MemorySample,
  OperationComparison,
} from './engine-comparison.js';
import { median } from './median.js';

const gc = (globalThis as { gc?: () => void }).gc;

function memory(): MemorySample {
  gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, external, arrayBuffers };
}

/** Lists in this process are not recorded: no ICP has used anyone, as the lookup finds. */
const UNRECORDED_ICP = '00000000-0000-4000-8000-000000000000';

const sameAnswer = (a: FoundLeads, b: FoundLeads) =>
  a.total === b.total && JSON.stringify(a.leads) === JSON.stringify(b.leads);

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const resultFile = process.env.RESULT_FILE;
  const planJson = process.env.COMPARISON_PLAN;
  if (!url || !resultFile || !planJson) {
    throw new Error('DATABASE_URL, RESULT_FILE and COMPARISON_PLAN are needed');
  }
  const plan = JSON.parse(planJson) as ComparisonPlan;
  const { db } = openDatabase(url);
  try {
    const before = memory();
    const fresh = new FreshLeadIndex(db, { build: { databaseUrl: url } });
    const started = performance.now();
    await fresh.start();
    const buildMs = performance.now() - started;
    const index = await fresh.fresh();
    const after = memory();
    const build: BuildFigures = { ms: buildMs, size: index.size(), before, after };

    const now = new Date();
    const engines = { index: indexLeadEngine(fresh), sql: sqlReferenceEngine(db) };
    const operations: OperationComparison[] = [];
    for (const icp of plan.icps) {
      // As stored: the defaults of the create input filled in.
      const search = icpCreateInput.parse(icp.body);
      for (const { operation, limit, runs } of plan.operations) {
        const timings: Partial<Record<keyof typeof engines, EngineTiming>> = {};
        const answers: FoundLeads[] = [];
        for (const [name, engine] of Object.entries(engines) as [
          keyof typeof engines,
          (typeof engines)[keyof typeof engines],
        ][]) {
          const call = () =>
            findLeads(db, search, {
              limit,
              now,
              engine,
              recentlyUsed: (personIds, since) =>
                peopleUsedSince(db, UNRECORDED_ICP, personIds, since),
            });
          // One call first, not counted: caches, prepared statements, compiled patterns.
          answers.push(await call());
          const durations: number[] = [];
          for (let run = 0; run < runs; run++) {
            const start = performance.now();
            await call();
            durations.push(performance.now() - start);
          }
          timings[name] = { p50Ms: median(durations), maxMs: Math.max(...durations) };
        }
        const [indexAnswer, sqlAnswer] = answers as [FoundLeads, FoundLeads];
        operations.push({
          icp: icp.label,
          operation,
          runs,
          matched: indexAnswer.total,
          leads: indexAnswer.leads.length,
          index: timings.index as EngineTiming,
          sql: timings.sql as EngineTiming,
          sameAnswers: sameAnswer(indexAnswer, sqlAnswer),
        });
      }
    }
    const result: Omit<ComparisonResult, 'peakRssMb'> = { build, operations };
    writeFileSync(resultFile, JSON.stringify(result));
  } finally {
    await db.destroy();
  }
}

main().then(
  // The pattern pool's workers would keep the process alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
