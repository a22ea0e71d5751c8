import { basename } from 'node:path';
import type { Db } from '../db/connect.js';
import { type ImportSummary, importLeads } from '../leads/dataset/import.js';
import { LeadFileError } from '../leads/dataset/lead-file-rows.js';
import { storeGeneratedDataset } from '../leads/dataset/store-generated.js';
import { countLeadRecords } from '../leads/lead-records.repository.js';
import { count } from './count.js';
import { countFileRows } from './count-file-rows.js';
import { isTerminal, progressReporter } from './progress.js';
import { UsageError } from './usage-error.js';

/** The options `icp leads` commands take, as parsed (strings). */
export interface LeadsOptions {
  companies?: string;
  seed?: string;
  'people-per-company'?: string;
}

const seconds = (ms: number) => `${(ms / 1_000).toFixed(1)} s`;
const perSecond = (n: number, ms: number) => count(Math.round(n / Math.max(ms / 1_000, 0.001)));

function wholeNumber(value: string | undefined, option: string, min: number, max: number) {
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max)) {
    throw new UsageError(`--${option} must be a whole number from ${count(min)} to ${count(max)}`);
  }
  return number;
}

function printImportSummary(kind: string, file: string, summary: ImportSummary): number {
  const { imported, skipped, errors, stoppedAt, durationMs } = summary;
  const rate = perSecond(imported + skipped, durationMs);
  console.log(
    `Imported ${count(imported)} ${kind} from ${basename(file)} in ${seconds(durationMs)} (${rate} rows/s).`,
  );
  if (skipped > 0) {
    console.log(`Skipped ${count(skipped)} row${skipped === 1 ? '' : 's'}:`);
    for (const error of errors) console.log(`  line ${error.line}: ${error.message}`);
    if (skipped > errors.length) console.log(`  ... and ${count(skipped - errors.length)} more`);
  }
  if (stoppedAt !== undefined) {
    console.error(
      `Stopped at line ${stoppedAt.line}: ${stoppedAt.message}\nThe rows before it were imported; fix the file and import it again (stored rows are replaced by id).`,
    );
    return 1;
  }
  if (imported === 0) {
    console.error('Nothing was imported.');
    return 1;
  }
  return 0;
}

async function importFile(db: Db, args: string[]): Promise<number> {
  const [kind, file, ...extra] = args;
  if ((kind !== 'companies' && kind !== 'people') || file === undefined || extra.length > 0) {
    throw new UsageError('leads import needs companies or people, then one .csv or .ndjson file');
  }
  const stream = process.stderr;
  const report = progressReporter({
    stream,
    // Only a bar needs the total: the file's lines, counted before it is read.
    total: isTerminal(stream) ? await countFileRows(file) : undefined,
    unit: 'rows',
    barDetail: '{imported} imported, {skipped} skipped',
    line: (rows, { imported = 0, skipped = 0 }) =>
      `  ${count(rows)} rows read: ${count(imported)} imported, ${count(skipped)} skipped`,
  });
  let summary: ImportSummary;
  try {
    summary = await importLeads(db, {
      kind,
      path: file,
      onProgress: ({ rows, imported, skipped }) => report.update(rows, { imported, skipped }),
    }).finally(() => report.stop());
  } catch (error) {
    if (!(error instanceof LeadFileError)) throw error;
    console.error(error.message);
    return 1;
  }
  return printImportSummary(kind, file, summary);
}

async function generate(db: Db, options: LeadsOptions): Promise<number> {
  const companies = wholeNumber(options.companies, 'companies', 1, 1_000_000);
  if (companies === undefined) throw new UsageError('leads generate needs --companies <n>');
  const seed = wholeNumber(options.seed, 'seed', 0, 2 ** 32 - 1) ?? 1;
  const peoplePerCompany = wholeNumber(
    options['people-per-company'],
    'people-per-company',
    0,
    1_000,
  );
  const report = progressReporter({
    stream: process.stderr,
    total: companies,
    unit: 'companies',
    barDetail: '{people} people',
    line: (written, { people = 0 }) =>
      `  ${count(written)} of ${count(companies)} companies written, ${count(people)} people`,
  });
  const summary = await storeGeneratedDataset(db, {
    seed,
    companies,
    peoplePerCompany,
    onProgress: (step) => report.update(step.companies, { people: step.people }),
  }).finally(() => report.stop());
  console.log(
    `Generated ${count(summary.companies)} companies and ${count(summary.people)} people (seed ${seed}) in ${seconds(summary.durationMs)} (${perSecond(summary.people, summary.durationMs)} people/s).`,
  );
  if (summary.skippedCompanies > 0) {
    console.log(
      `Left out ${count(summary.skippedCompanies)} companies, with their people, whose domain another stored company holds.`,
    );
  }
  return 0;
}

/** Runs `icp leads <command>`; resolves to the exit code. */
export async function runLeadsCommand(
  db: Db,
  command: string | undefined,
  args: string[],
  options: LeadsOptions,
): Promise<number> {
  const given = Object.keys(options).filter(
    (option) => options[option as keyof LeadsOptions] !== undefined,
  );
  if (command !== 'generate' && given.length > 0) {
    throw new UsageError(`leads ${command ?? ''} takes no --${given[0]}`);
  }
  switch (command) {
    case 'import':
      return importFile(db, args);
    case 'generate':
      if (args.length > 0) throw new UsageError(`Unexpected "${args[0]}" after leads generate`);
      return generate(db, options);
    case 'stats': {
      const stored = await countLeadRecords(db);
      console.log(`companies\t${stored.companies}\npeople\t${stored.people}`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown leads command "${command ?? ''}"`);
  }
}
