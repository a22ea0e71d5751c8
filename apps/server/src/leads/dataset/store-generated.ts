import type { CompanyRecord, PersonRecord } from '@icp/schema';
import type { Db } from '../../db/connect.js';
import { saveCompanies, savePeople } from '../lead-records.repository.js';
import { refreshLeadStatistics } from './planner-statistics.js';
import { companiesByDomain } from './stored-companies.js';
import { type DatasetOptions, type GeneratedCompany, generateDataset } from './synthetic.js';

/** How far a generated data set has been written. */
export interface GenerateProgress {
  companies: number;
  people: number;
}

/** What `storeGeneratedDataset` wrote. */
export interface GenerateSummary extends GenerateProgress {
  /** Companies left out, with their people, because another stored company holds their domain. */
  skippedCompanies: number;
  durationMs: number;
}

export interface StoreGeneratedOptions extends DatasetOptions {
  /** Companies, with their people, written per transaction (default 1,000). */
  companiesPerTransaction?: number;
  /** Called after each transaction. */
  onProgress?: (progress: GenerateProgress) => void;
}

/**
 * Writes a generated data set in transactions of whole companies with their people; ids already
 * stored are replaced. A company whose domain another stored company holds (one imported, or
 * generated with another seed) is left out with its people rather than failing the transaction.
 */
export async function storeGeneratedDataset(
  db: Db,
  options: StoreGeneratedOptions,
): Promise<GenerateSummary> {
  const started = performance.now();
  const perTransaction = options.companiesPerTransaction ?? 1_000;
  const summary = { companies: 0, people: 0, skippedCompanies: 0 };
  let batch: GeneratedCompany[] = [];

  const flush = async () => {
    const written = await db.transaction().execute((tx) => writeGenerated(tx, batch));
    summary.companies += written.companies;
    summary.people += written.people;
    summary.skippedCompanies += batch.length - written.companies;
    batch = [];
    options.onProgress?.({ companies: summary.companies, people: summary.people });
  };

  for (const generated of generateDataset(options)) {
    batch.push(generated);
    if (batch.length >= perTransaction) await flush();
  }
  if (batch.length > 0) await flush();
  await refreshLeadStatistics(db);
  return { ...summary, durationMs: performance.now() - started };
}

/** Stores generated companies and their people inside the caller's transaction. */
export async function writeGenerated(
  tx: Db,
  batch: readonly GeneratedCompany[],
): Promise<GenerateProgress> {
  const domains = batch.flatMap(({ company }) => (company.domain ? [company.domain] : []));
  const holders = await companiesByDomain(tx, domains);
  const companies: CompanyRecord[] = [];
  const people: PersonRecord[] = [];
  for (const { company, people: staff } of batch) {
    const holder = company.domain === undefined ? undefined : holders.get(company.domain);
    if (holder !== undefined && holder !== company.id) continue;
    companies.push(company);
    people.push(...staff);
  }
  await saveCompanies(tx, companies);
  await savePeople(tx, people);
  return { companies: companies.length, people: people.length };
}
