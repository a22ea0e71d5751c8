import { type CompanyRecord, companyRecord, type PersonRecord, personRecord } from '@icp/schema';
import type { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { saveCompanies, savePeople } from '../lead-records.repository.js';
import { type LeadKind, MalformedFileError, readLeadFile } from './lead-file-rows.js';
import { refreshLeadStatistics } from './planner-statistics.js';
import { companiesByDomain, domainsOfCompanies, storedCompanyIds } from './stored-companies.js';

/** A row that was not imported, and why. */
export interface RowError {
  line: number;
  message: string;
}

/** How far an import has got. */
export interface ImportProgress {
  rows: number;
  imported: number;
  skipped: number;
}

/** What an import did. */
export interface ImportSummary {
  imported: number;
  /** Rows not imported; each has an entry in `errors`, up to `MAX_STORED_ERRORS`. */
  skipped: number;
  /** The first problems found, by line. */
  errors: RowError[];
  /** Set when the file could not be read past a line; the rows before it were imported. */
  stoppedAt?: RowError;
  durationMs: number;
}

export interface ImportOptions {
  kind: LeadKind;
  /** A `.csv` file with a header row, or a `.ndjson` file. */
  path: string;
  /** Rows written per transaction (default 5,000). */
  batchSize?: number;
  /** Called after each transaction. */
  onProgress?: (progress: ImportProgress) => void;
}

/** At most this many row errors are kept; all are counted. */
export const MAX_STORED_ERRORS = 100;

interface Pending<T> {
  line: number;
  record: T;
}

type Rows = Pending<CompanyRecord>[] | Pending<PersonRecord>[];

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return `unknown field(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
      }
      const path = issue.path.map(String).join('.');
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Stores the companies of a batch, but not one whose domain another company holds (stored
 * before, or earlier in the batch): the rows refused are returned. A company moving to another
 * domain frees its old one for the rows after it, as rows are written in order.
 */
async function writeCompanies(tx: Db, rows: Pending<CompanyRecord>[]): Promise<RowError[]> {
  const holders = await companiesByDomain(
    tx,
    rows.flatMap(({ record }) => (record.domain ? [record.domain] : [])),
  );
  const storedDomains = await domainsOfCompanies(
    tx,
    rows.map(({ record }) => record.id),
  );
  const refused: RowError[] = [];
  const accepted: CompanyRecord[] = [];
  for (const { line, record } of rows) {
    const { domain, id } = record;
    const holder = domain === undefined ? undefined : holders.get(domain);
    if (holder !== undefined && holder !== id) {
      refused.push({ line, message: `domain "${domain}" is already used by company "${holder}"` });
      continue;
    }
    const previous = storedDomains.get(id);
    if (previous && previous !== domain && holders.get(previous) === id) holders.delete(previous);
    if (domain !== undefined) holders.set(domain, id);
    accepted.push(record);
  }
  await saveCompanies(tx, accepted);
  return refused;
}

/** Stores the people of a batch, but not one whose company is not stored: those are returned. */
async function writePeople(tx: Db, rows: Pending<PersonRecord>[]): Promise<RowError[]> {
  const stored = await storedCompanyIds(
    tx,
    rows.flatMap(({ record }) => (record.companyId ? [record.companyId] : [])),
  );
  const refused: RowError[] = [];
  const accepted: PersonRecord[] = [];
  for (const { line, record } of rows) {
    if (record.companyId !== undefined && !stored.has(record.companyId)) {
      refused.push({
        line,
        message: `companyId: company "${record.companyId}" is not stored (import companies first)`,
      });
      continue;
    }
    accepted.push(record);
  }
  await savePeople(tx, accepted);
  return refused;
}

function writeRows(tx: Db, kind: LeadKind, rows: Rows): Promise<RowError[]> {
  return kind === 'companies'
    ? writeCompanies(tx, rows as Pending<CompanyRecord>[])
    : writePeople(tx, rows as Pending<PersonRecord>[]);
}

/**
 * Writes a batch in one transaction. Should the database refuse it anyway (a constraint the
 * checks above do not foresee), each row is retried alone so that only the culprit is lost.
 */
async function writeBatch(db: Db, kind: LeadKind, rows: Rows): Promise<RowError[]> {
  try {
    return await db.transaction().execute((tx) => writeRows(tx, kind, rows));
  } catch (error) {
    if (!String(Reflect.get(error as object, 'code')).startsWith('SQLITE_CONSTRAINT')) throw error;
    const [only] = rows;
    if (rows.length === 1 && only !== undefined) {
      return [{ line: only.line, message: (error as Error).message }];
    }
    const refused: RowError[] = [];
    for (const row of rows) refused.push(...(await writeBatch(db, kind, [row] as Rows)));
    return refused;
  }
}

/**
 * Imports companies or people from a CSV or NDJSON file, streaming it. Every row is checked
 * against the record's schema; a bad row is skipped and reported with its line, and a person
 * whose company is not stored is skipped too. Good rows are written in transactions of
 * `batchSize`; a row stored under the same id is replaced. Throws `LeadFileError` when the file
 * cannot be imported at all (nothing is written then).
 */
export async function importLeads(db: Db, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const { kind } = options;
  const schema: z.ZodType<CompanyRecord | PersonRecord> =
    kind === 'companies' ? companyRecord : personRecord;
  const batchSize = Math.max(1, options.batchSize ?? 5_000);
  const rows = await readLeadFile(options.path, kind);
  const summary: ImportSummary = { imported: 0, skipped: 0, errors: [], durationMs: 0 };
  let read = 0;
  let batch: Pending<CompanyRecord | PersonRecord>[] = [];
  let batchIds = new Set<string>();

  const skip = (error: RowError) => {
    summary.skipped++;
    if (summary.errors.length < MAX_STORED_ERRORS) summary.errors.push(error);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const refused = await writeBatch(db, kind, batch as Rows);
    summary.imported += batch.length - refused.length;
    for (const error of refused) skip(error);
    batch = [];
    batchIds = new Set();
    options.onProgress?.({ rows: read, imported: summary.imported, skipped: summary.skipped });
  };

  try {
    for await (const row of rows) {
      read++;
      if ('problem' in row) {
        skip({ line: row.line, message: row.problem });
        continue;
      }
      const parsed = schema.safeParse(row.input);
      if (!parsed.success) {
        skip({ line: row.line, message: describeIssues(parsed.error.issues) });
        continue;
      }
      // A second row with the same id must replace the first, as it would in a later import:
      // one multi-row upsert cannot touch a row twice, so the first goes in a transaction before.
      if (batchIds.has(parsed.data.id)) await flush();
      batch.push({ line: row.line, record: parsed.data });
      batchIds.add(parsed.data.id);
      if (batch.length >= batchSize) await flush();
    }
  } catch (error) {
    if (!(error instanceof MalformedFileError)) throw error;
    summary.stoppedAt = { line: error.line, message: error.message };
  }
  await flush();
  if (summary.imported > 0) await refreshLeadStatistics(db);
  summary.errors.sort((a, b) => a.line - b.line);
  summary.durationMs = performance.now() - started;
  return summary;
}
