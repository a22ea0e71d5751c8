import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ByDatabase, DATABASE_LABELS, type DatabaseHost } from '../database-host.js';
import { startProductServer } from '../product-server.js';
import { rssMb, type ServerProcess, sampleRss } from '../server-process.js';
import { createTokenIssuer, type TokenIssuer } from '../tokens.js';
import { type EngineRuns, measureEngine, type OperationResult } from './engine-latency.js';
import { type ImportRun, measureImports } from './import-throughput.js';
import { type GenerationResult, generateLeadDatabase } from './lead-database.js';
import { type WrittenLeadFiles, writeLeadFiles } from './lead-files.js';
import { describeIcp, leadIcps } from './lead-icps.js';

/** The sizes of the lead engine benchmark. */
export interface LeadsSettings extends EngineRuns {
  /** Companies generated for the engine's database; about ten people each. */
  companies: number;
  /** People (plus their companies) written to each import file. */
  importRows: number;
}

/** The lead engine figures of one database: generation, imports, previews and lists. */
export interface LeadsOnDatabase {
  generation: GenerationResult;
  imports: ImportRun[];
  engine: {
    operations: OperationResult[];
    /** The server's RSS once it had started on the full lead database, before any request. */
    startRssMb: number;
    /** The server's peak RSS while the operations ran. */
    peakRssMb: number;
  };
}

/** The lead engine figures of each database, with what they were measured with. */
export interface LeadsResult {
  settings: LeadsSettings;
  /** What the import files hold; the same files for every database. */
  importFiles: { companies: number; people: number };
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
    server = await startProductServer({
      name: `product on ${DATABASE_LABELS[host.database]}`,
      databaseUrl,
      dataDir,
      publicKeyPem: issuer.publicKeyPem,
    });
    log(`${server.name}: pid ${server.pid} at ${server.url} on the lead database`);
    const startRssMb = rssMb(server.pid) ?? 0;
    const rss = sampleRss(server.pid, 50);
    const operations = await measureEngine(
      { server, databaseCpu: host.backendCpu(databaseUrl) },
      await issuer.sign('bench_leads_user'),
      leadIcps,
      settings,
      log,
    );
    return { operations, startRssMb, peakRssMb: rss.stop() };
  } finally {
    await server?.stop();
  }
}

async function runLeadsOn(
  host: DatabaseHost,
  workDir: string,
  written: WrittenLeadFiles,
  issuer: TokenIssuer,
  settings: LeadsSettings,
  log: (message: string) => void,
): Promise<LeadsOnDatabase> {
  const label = DATABASE_LABELS[host.database];
  const databaseUrl = await host.freshDatabase('leads');
  log(`generating ${settings.companies} companies with about 10 people each into ${label}`);
  const generation = await generateLeadDatabase(databaseUrl, settings.companies);
  log(`generated ${generation.people} people in ${(generation.durationMs / 1000).toFixed(1)} s`);
  const imports = await measureImports(host, written, log);
  const dataDir = join(workDir, `data-${host.database}`);
  const engine = await measureEngineOn(host, databaseUrl, dataDir, issuer, settings, log);
  return { generation, imports, engine };
}

/**
 * On each database: generates the lead database with the CLI, measures imports of CSV and
 * NDJSON files into fresh databases, then measures the built server's previews and lead lists
 * on the generated one. Files are written under `workDir`, which the caller removes.
 */
export async function runLeadsBench(
  workDir: string,
  hosts: readonly DatabaseHost[],
  settings: LeadsSettings,
  log: (message: string) => void,
): Promise<LeadsResult> {
  mkdirSync(workDir, { recursive: true });
  log(`writing import files of ${settings.importRows} people`);
  const written = await writeLeadFiles(workDir, { seed: IMPORT_SEED, people: settings.importRows });
  const issuer = await createTokenIssuer();
  const byDatabase: ByDatabase<LeadsOnDatabase> = {};
  for (const host of hosts) {
    byDatabase[host.database] = await runLeadsOn(host, workDir, written, issuer, settings, log);
  }
  return {
    settings,
    importFiles: { companies: written.companies, people: written.people },
    icps: leadIcps.map((icp) => ({ label: icp.label, criteria: describeIcp(icp) })),
    byDatabase,
  };
}
