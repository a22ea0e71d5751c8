import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startProductServer } from '../product-server.js';
import { rssMb, type ServerProcess, sampleRss } from '../server-process.js';
import { createTokenIssuer } from '../tokens.js';
import { type EngineRuns, measureEngine, type OperationResult } from './engine-latency.js';
import { type ImportRun, measureImports } from './import-throughput.js';
import { type GenerationResult, generateLeadDatabase } from './lead-database.js';
import { writeLeadFiles } from './lead-files.js';
import { describeIcp, leadIcps } from './lead-icps.js';

/** The sizes of the lead engine benchmark. */
export interface LeadsSettings extends EngineRuns {
  /** Companies generated for the engine's database; about ten people each. */
  companies: number;
  /** People (plus their companies) written to each import file. */
  importRows: number;
}

/** The lead engine figures: generation, import throughput, and preview and list latency. */
export interface LeadsResult {
  settings: LeadsSettings;
  generation: GenerationResult;
  imports: { companies: number; people: number; runs: ImportRun[] };
  engine: {
    /** Each ICP's label and criteria. */
    icps: { label: string; criteria: string }[];
    operations: OperationResult[];
    /** The server's RSS once it had started on the full lead database, before any request. */
    startRssMb: number;
    /** The server's peak RSS while the operations ran. */
    peakRssMb: number;
  };
}

/** The seed of the import files; the engine's database is generated with seed 1. */
const IMPORT_SEED = 2;

/**
 * Generates the lead database with the CLI, measures imports of CSV and NDJSON files into fresh
 * databases, then measures the built server's previews and lead lists on the generated one.
 * Everything is written under `workDir`, which the caller removes.
 */
export async function runLeadsBench(
  workDir: string,
  settings: LeadsSettings,
  log: (message: string) => void,
): Promise<LeadsResult> {
  mkdirSync(workDir, { recursive: true });
  const databasePath = join(workDir, 'leads.sqlite');
  log(`generating ${settings.companies} companies with about 10 people each`);
  const generation = await generateLeadDatabase(databasePath, settings.companies);
  log(`generated ${generation.people} people in ${(generation.durationMs / 1000).toFixed(1)} s`);

  log(`writing import files of ${settings.importRows} people`);
  const written = await writeLeadFiles(workDir, { seed: IMPORT_SEED, people: settings.importRows });
  const importRuns = await measureImports(workDir, written, log);

  const issuer = await createTokenIssuer();
  let server: ServerProcess | undefined;
  try {
    server = await startProductServer({
      databasePath,
      dataDir: join(workDir, 'data'),
      publicKeyPem: issuer.publicKeyPem,
    });
    log(`product pid ${server.pid} at ${server.url} on the lead database`);
    const startRssMb = rssMb(server.pid) ?? 0;
    const rss = sampleRss(server.pid, 50);
    const operations = await measureEngine(
      server,
      await issuer.sign('bench_leads_user'),
      leadIcps,
      settings,
      log,
    );
    const peakRssMb = rss.stop();
    return {
      settings,
      generation,
      imports: { companies: written.companies, people: written.people, runs: importRuns },
      engine: {
        icps: leadIcps.map((icp) => ({ label: icp.label, criteria: describeIcp(icp) })),
        operations,
        startRssMb,
        peakRssMb,
      },
    };
  } finally {
    await server?.stop();
  }
}
