/**
 * Builds a lead index from the tables, a batch of rows at a time in id order, yielding to the
 * event loop between batches so requests are served while a rebuild runs.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { isPostgres } from '../../db/dialect.js';
import { currentLeadRevision } from '../lead-revision.js';
import { BitmapLeadIndex } from './bitmap-lead-index.js';
import { inPages } from './in-pages.js';
import { companiesQuery, indexedCompany, indexedPerson, peopleQuery } from './indexed-records.js';

/**
 * The id as the index orders it (see id-order.ts): PostgreSQL's "C" collation, whatever the
 * database's own (an index in that collation serves it: see the lead revisions migration).
 */
const inIdOrder = (db: Db) => (isPostgres(db) ? sql<string>`id collate "C"` : sql<string>`id`);

/** Rows per read: a few milliseconds of work each. */
const BUILD_BATCH = 2_000;

/**
 * The index of what the tables hold. It is at the revision read first: rows written while it
 * is built are either read or left to the catch-up that follows (see fresh-lead-index.ts),
 * which puts them again; putting a row twice changes nothing.
 */
export async function buildLeadIndex(db: Db): Promise<BitmapLeadIndex> {
  const index = new BitmapLeadIndex(await currentLeadRevision(db));
  await inPages(
    BUILD_BATCH,
    (after, limit) => {
      const page = companiesQuery(db).orderBy(inIdOrder(db)).limit(limit);
      return (after === null ? page : page.where(inIdOrder(db), '>', after)).execute();
    },
    (rows) => index.buildCompanies(rows.map(indexedCompany)),
  );
  await inPages(
    BUILD_BATCH,
    (after, limit) => {
      const page = peopleQuery(db).orderBy(inIdOrder(db)).limit(limit);
      return (after === null ? page : page.where(inIdOrder(db), '>', after)).execute();
    },
    (rows) => index.buildPeople(rows.map(indexedPerson)),
  );
  index.finishBuild();
  return index;
}
