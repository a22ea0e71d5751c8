import { leadStats, runIcpCli } from './icp-cli.js';

/** How long `icp leads generate` took to write the lead database the engine is measured on. */
export interface GenerationResult {
  companies: number;
  people: number;
  durationMs: number;
  peoplePerSec: number;
  peakRssMb: number;
}

/** Writes a synthetic lead database of `companies` companies (about 10 people each), seed 1. */
export async function generateLeadDatabase(
  databaseUrl: string,
  companies: number,
): Promise<GenerationResult> {
  const run = await runIcpCli(databaseUrl, [
    'leads',
    'generate',
    '--companies',
    String(companies),
    '--seed',
    '1',
  ]);
  const stored = await leadStats(databaseUrl);
  return {
    ...stored,
    durationMs: run.durationMs,
    peoplePerSec: stored.people / (run.durationMs / 1000),
    peakRssMb: run.peakRssMb,
  };
}
