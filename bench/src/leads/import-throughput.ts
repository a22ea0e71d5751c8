import { statSync } from 'node:fs';
import { DATABASE_LABELS, type DatabaseHost } from '../database-host.js';
import { leadStats, runIcpCli } from './icp-cli.js';
import type { LeadFileFormat, WrittenLeadFiles } from './lead-files.js';

/** One `icp leads import` of one file. */
export interface ImportRun {
  format: LeadFileFormat;
  kind: 'companies' | 'people';
  rows: number;
  fileMb: number;
  durationMs: number;
  rowsPerSec: number;
  peakRssMb: number;
}

/**
 * Imports each format's files into a fresh database of `host`, companies first, and checks
 * that every row was stored. The database is created and migrated before the clock starts.
 */
export async function measureImports(
  host: DatabaseHost,
  written: WrittenLeadFiles,
  log: (message: string) => void,
): Promise<ImportRun[]> {
  const runs: ImportRun[] = [];
  for (const files of written.files) {
    const databaseUrl = await host.freshDatabase(`import_${files.format}`);
    await leadStats(databaseUrl);
    for (const kind of ['companies', 'people'] as const) {
      const rows = written[kind];
      log(`importing ${rows} ${kind} from ${files.format} into ${DATABASE_LABELS[host.database]}`);
      const run = await runIcpCli(databaseUrl, ['leads', 'import', kind, files[kind]]);
      runs.push({
        format: files.format,
        kind,
        rows,
        fileMb: statSync(files[kind]).size / 1024 ** 2,
        durationMs: run.durationMs,
        rowsPerSec: rows / (run.durationMs / 1000),
        peakRssMb: run.peakRssMb,
      });
    }
    const stored = await leadStats(databaseUrl);
    if (stored.companies !== written.companies || stored.people !== written.people) {
      throw new Error(
        `${files.format} import into ${DATABASE_LABELS[host.database]} stored ${stored.companies} companies and ${stored.people} people; ` +
          `the files hold ${written.companies} and ${written.people}`,
      );
    }
  }
  return runs;
}
