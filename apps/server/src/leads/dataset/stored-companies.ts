import type { Db } from '../../db/connect.js';
import { inBatches } from '../../db/in-batches.js';

/** Values per `in (...)` list: far below SQLite's bound on parameters. */
const CHUNK = 1_000;

/** Which of these company ids are stored. */
export async function storedCompanyIds(db: Db, ids: Iterable<string>): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of inBatches([...new Set(ids)], CHUNK)) {
    const rows = await db.selectFrom('companies').select('id').where('id', 'in', chunk).execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/** Which stored company holds each of these domains, by domain; free domains are left out. */
export async function companiesByDomain(
  db: Db,
  domains: Iterable<string>,
): Promise<Map<string, string>> {
  const holders = new Map<string, string>();
  for (const chunk of inBatches([...new Set(domains)], CHUNK)) {
    const rows = await db
      .selectFrom('companies')
      .select(['id', 'domain'])
      .where('domain', 'in', chunk)
      .execute();
    for (const row of rows) if (row.domain !== null) holders.set(row.domain, row.id);
  }
  return holders;
}

/** The domain each of these stored companies has (null for none); ids not stored are left out. */
export async function domainsOfCompanies(
  db: Db,
  ids: Iterable<string>,
): Promise<Map<string, string | null>> {
  const domains = new Map<string, string | null>();
  for (const chunk of inBatches([...new Set(ids)], CHUNK)) {
    const rows = await db
      .selectFrom('companies')
      .select(['id', 'domain'])
      .where('id', 'in', chunk)
      .execute();
    for (const row of rows) domains.set(row.id, row.domain);
  }
  return domains;
}
