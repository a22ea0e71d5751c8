import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ByDatabase, DATABASE_LABELS, type DatabaseHost } from '../database-host.js';
import { startProductServer } from '../product-server.js';
import { rssMb, type ServerProcess, sampleRss } from '../server-process.js';
import { createTokenIssuer, type TokenIssuer } from '../tokens.js';
import { type ComparisonResult, compareEngines } from './engine-comparison.js';
import { type EngineRuns, measureEngine, type OperationResult } from './engine-latency.js';
import { type ImportRun, measureImports } from './import-throughput.js';
import { type GenerationResult, generateLeadDatabase } from './lead-database.js';
import { type WrittenLeadFiles, writeLeadFiles } from './lead-files.js';
import { describeIcp, leadIcps } from './lead-icps.js';
import {
  type LoadSettings,
  measurePreviewsUnderLoad,
  type PreviewsUnderLoad,
} from './previews-under-load.js';

/** The sizes of the lead engine benchmark. */
export interface LeadsSettings extends EngineRuns {
  /** Companies generated for the engine's database; about ten people each. */
  companies: number;
  /** People (plus their companies) written to each import file; 0 measures no imports. */
  importRows: number;
  /** Runs per engine of each operation in the engine comparison (previews, then lists). */
  comparisonRuns: { preview: number; list: number };
  /** Size of the compared lead lists. */
  comparedListSize: number;
  /** Previews under load while get-by-id is probed. */
  load: LoadSettings;
}

/** A server start takes its lead index's build: `/healthz` answers 503 until it is done. */
const READY_TIMEOUT_MS = 30 * 60_000;

/**
 * The lead engine figures of one database: generation, imports, both engines side by side in
 * one process, and the server's previews and lists, alone and under load.
 */
export interface LeadsOnDatabase {
  generation: GenerationResult;
  imports: ImportRun[];
  comparison: ComparisonResult;
  engine: {
    operations: OperationResult[];
    /** From spawning the server until `/healthz` answered 200: its lead index built. */
    readyMs: number;
    /** The server's RSS once it was ready (index built), before any request. */
    startRssMb: number;
    /** The server's peak RSS while the operations and the load ran. */
    peakRssMb: number;
    load: PreviewsUnderLoad;
  };
}

/** The lead engine figures of each database, with what they were measured with. */
export interface LeadsResult {
  settings: LeadsSettings;
  /** What the import files hold; the same files for every database; none when not measured. */
  importFiles: { companies: number; people: number } | undefined;
  /** Each ICP's label and criteria. */
  icps: { label: string; criteria: string }[];
  byDatabase: ByDatabase<LeadsOnDatabase>;
}

/** The seed of the import files; the engine's database is generated with seed 1. */
const IMPORT_SEED = 2;

async function measureEngineOn(
  host: DatabaseHost,
  databaseUrl: string,
  dataDir: string,
  issuer: TokenIssuer,
  settings: LeadsSettings,
  log: (message: string) => void,
): Promise<LeadsOnDatabase['engine']> {
  let server: ServerProcess | undefined;
  try {
    const started = performance.now();
    server = await startProductServer({
      name: `product on ${DATABASE_LABELS[host.database]}`,
      databaseUrl,
      dataDir,
      publicKeyPem: issuer.publicKeyPem,
      readyTimeoutMs: READY_TIMEOUT_MS,
    });
    const readyMs = performance.now() - started;
    log(
      `${server.name}: pid ${server.pid} at ${server.url}, ready in ${(readyMs / 1000).toFixed(1)} s`,
    );
    const startRssMb = rssMb(server.pid) ?? 0;
    const rss = sampleRss(server.pid, 50);
    const operations = await measureEngine(
      { server, databaseCpu: host.backendCpu(databaseUrl) },
      await issuer.sign('bench_leads_user'),
      leadIcps,
      settings,
      log,
    );
    const load = await measurePreviewsUnderLoad(server, issuer, leadIcps, settings.load, log);
    return { operations, readyMs, startRssMb, peakRssMb: rss.stop(), load };
  } finally {
    await server?.stop();
  }
}

async function runLeadsOn(
  host: DatabaseHost,
  workDir: string,
  written: WrittenLeadFiles | undefined,
  issuer: TokenIssuer,
  settings: LeadsSettings,
  log: (message: string) => void,
): Promise<LeadsOnDatabase> {
  const label = DATABASE_LABELS[host.database];
  const databaseUrl = await host.freshDatabase('leads');
  log(`generating ${settings.companies} companies with about 10 people each into ${label}`);
  const generation = await generateLeadDatabase(databaseUrl, settings.companies);
  log(`generated ${generation.people} people in ${(generation.durationMs / 1000).toFixed(1)} s`);
  const imports = written === undefined ? [] : await measureImports(host, written, log);
  log(`${label}: building the lead index, then both engines side by side`);
  const comparison = await compareEngines(databaseUrl, comparisonPlan(settings), workDir);
  log(`${label}: index built in ${(comparison.build.ms / 1000).toFixed(1)} s`);
  const dataDir = join(workDir, `data-${host.database}`);
  const engine = await measureEngineOn(host, databaseUrl, dataDir, issuer, settings, log);
  return { generation, imports, comparison, engine };
}

/** Every bench ICP previewed, then given a list, by each engine. */
const comparisonPlan = (settings: LeadsSettings) => ({
  icps: leadIcps,
  operations: [
    {
      operation: `preview ${settings.previewLimit}`,
      limit: settings.previewLimit,
      runs: settings.comparisonRuns.preview,
    },
    {
      operation: `list ${settings.comparedListSize.toLocaleString('en-US')}`,
      limit: settings.comparedListSize,
      runs: settings.comparisonRuns.list,
    },
  ],
});

/**
 * On each database: generates the lead database with the CLI, measures imports of CSV and
 * NDJSON files into fresh databases (unless `importRows` is 0), builds the lead index of the
 * generated one and times both engines on it in one process, then measures the built server's
 * previews and lead lists, one at a time and under load. Files are written under `workDir`,
 * which the caller removes.
 */
export async function runLeadsBench(
  workDir: string,
  hosts: readonly DatabaseHost[],
  settings: LeadsSettings,
  log: (message: string) => void,
): Promise<LeadsResult> {
  mkdirSync(workDir, { recursive: true });
  let written: WrittenLeadFiles | undefined;
  if (settings.importRows > 0) {
    log(`writing import files of ${settings.importRows} people`);
    written = await writeLeadFiles(workDir, { seed: IMPORT_SEED, people: settings.importRows });
  }
  const issuer = await createTokenIssuer();
  const byDatabase: ByDatabase<LeadsOnDatabase> = {};
  for (const host of hosts) {
    byDatabase[host.database] = await runLeadsOn(host, workDir, written, issuer, settings, log);
  }
  return {
    settings,
    importFiles:
      written === undefined ? undefined : { companies: written.companies, people: written.people },
    icps: leadIcps.map((icp) => ({ label: icp.label, criteria: describeIcp(icp) })),
    byDatabase,
  };
}
