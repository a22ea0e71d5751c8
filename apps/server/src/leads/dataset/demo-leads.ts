import type { Db } from '../../db/connect.js';
import { countLeadRecords } from '../lead-records.repository.js';
import { refreshLeadStatistics } from './planner-statistics.js';
import { type GenerateProgress, writeGenerated } from './store-generated.js';
import { type DatasetOptions, generateDataset } from './synthetic.js';

/**
 * What an empty lead database is filled with: about 30,000 people at 3,000 companies, written in
 * a second or two. Large enough that every example ICP of the API docs and the README fills its
 * list (most of them target the German-speaking countries, so these get a bigger share than in
 * other generated data sets), and no one in it claims to come from a CRM: a demo has none
 * connected.
 */
export const DEMO_DATASET: DatasetOptions = {
  seed: 1,
  companies: 3_000,
  countryWeights: { de: 20, at: 5, ch: 6 },
  crmShare: 0,
};

/**
 * Fills the lead database with the demo data set when it holds no company and no person, in one
 * transaction; returns what was written, or null when there was data already.
 */
export async function generateDemoLeads(db: Db): Promise<GenerateProgress | null> {
  const written = await db.transaction().execute(async (tx) => {
    const stored = await countLeadRecords(tx);
    if (stored.companies > 0 || stored.people > 0) return null;
    return writeGenerated(tx, [...generateDataset(DEMO_DATASET)]);
  });
  if (written !== null) await refreshLeadStatistics(db);
  return written;
}
