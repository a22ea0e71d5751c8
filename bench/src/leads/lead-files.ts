import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CompanyRecord, companyRecord, type PersonRecord, personRecord } from '@icp/schema';
import { syntheticDatasetModule } from '../paths.js';

/** The file formats `icp leads import` reads. */
export type LeadFileFormat = 'csv' | 'ndjson';

/** Files of one format, companies first: people name their company. */
export interface LeadFiles {
  format: LeadFileFormat;
  companies: string;
  people: string;
}

/** What was written: the same records in every format. */
export interface WrittenLeadFiles {
  companies: number;
  people: number;
  files: LeadFiles[];
}

/** The shape of the built generator's `generateDataset` (apps/server/src/leads/dataset). */
type GenerateDataset = (options: {
  seed: number;
  companies: number;
}) => Iterable<{ company: CompanyRecord; people: PersonRecord[] }>;

const companyColumns = Object.keys(companyRecord.shape);
const personColumns = Object.keys(personRecord.shape);

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (columns: readonly string[], record: object) =>
  `${columns.map((column) => csvCell(Reflect.get(record, column))).join(',')}\n`;

/** A file written line by line, waiting whenever the stream asks for it. */
class LineWriter {
  readonly #stream: WriteStream;

  constructor(path: string) {
    this.#stream = createWriteStream(path);
  }

  async write(line: string): Promise<void> {
    if (!this.#stream.write(line)) await once(this.#stream, 'drain');
  }

  async close(): Promise<void> {
    const finished = once(this.#stream, 'finish');
    this.#stream.end();
    await finished;
  }
}

/**
 * Writes `people` generated people, and the companies they work at, as CSV and as NDJSON files
 * in `dir`. The last company may keep only some of its people, so the count is exact.
 */
export async function writeLeadFiles(
  dir: string,
  options: { seed: number; people: number },
): Promise<WrittenLeadFiles> {
  const { generateDataset } = (await import(pathToFileURL(syntheticDatasetModule).href)) as {
    generateDataset: GenerateDataset;
  };
  const files: LeadFiles[] = (['csv', 'ndjson'] as const).map((format) => ({
    format,
    companies: join(dir, `companies.${format}`),
    people: join(dir, `people.${format}`),
  }));
  const [csv, ndjson] = files as [LeadFiles, LeadFiles];
  const writers = {
    csvCompanies: new LineWriter(csv.companies),
    csvPeople: new LineWriter(csv.people),
    ndjsonCompanies: new LineWriter(ndjson.companies),
    ndjsonPeople: new LineWriter(ndjson.people),
  };
  await writers.csvCompanies.write(`${companyColumns.join(',')}\n`);
  await writers.csvPeople.write(`${personColumns.join(',')}\n`);

  const written = { companies: 0, people: 0 };
  // Ample companies: about ten people each, fewer in the smallest ones.
  const dataset = generateDataset({ seed: options.seed, companies: options.people });
  for (const { company, people } of dataset) {
    if (written.people >= options.people) break;
    await writers.csvCompanies.write(csvLine(companyColumns, company));
    await writers.ndjsonCompanies.write(`${JSON.stringify(company)}\n`);
    written.companies++;
    for (const person of people.slice(0, options.people - written.people)) {
      await writers.csvPeople.write(csvLine(personColumns, person));
      await writers.ndjsonPeople.write(`${JSON.stringify(person)}\n`);
      written.people++;
    }
  }
  for (const writer of Object.values(writers)) await writer.close();
  return { ...written, files };
}
