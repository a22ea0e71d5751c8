import { statSync } from 'node:fs';
import { join } from 'node:path';
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
 * Imports each format's files into a fresh database of its own, companies first, and checks
 * that every row was stored. The database is created and migrated before the clock starts.
 */
export async function measureImports(
  dir: string,
  written: WrittenLeadFiles,
  log: (message: string) => void,
): Promise<ImportRun[]> {
  const runs: ImportRun[] = [];
  for (const files of written.files) {
    const databasePath = join(dir, `import-${files.format}.sqlite`);
    await leadStats(databasePath);
    for (const kind of ['companies', 'people'] as const) {
      const rows = written[kind];
      log(`importing ${rows} ${kind} from ${files.format}`);
      const run = await runIcpCli(databasePath, ['leads', 'import', kind, files[kind]]);
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
    const stored = await leadStats(databasePath);
    if (stored.companies !== written.companies || stored.people !== written.people) {
      throw new Error(
        `${files.format} import stored ${stored.companies} companies and ${stored.people} people; ` +
          `the files hold ${written.companies} and ${written.people}`,
      );
    }
  }
  return runs;
}
