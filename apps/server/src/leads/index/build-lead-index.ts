/**
 * Builds a lead index from the tables, a batch of rows at a time in id order, yielding to the
 * event loop between batches so requests are served while a rebuild runs.
 */
import type SQLite from 'better-sqlite3';
import { type Compilable, sql } from 'kysely';
import { type Db, sqliteConnectionOf } from '../../db/connect.js';
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

/**
 * Rows per read: a few milliseconds of work each. Kept small on SQLite too, though a read there
 * costs little more than its rows: a page's rows then die young, in the young generation, where
 * pages of 10,000 outlived it and cost a third more CPU in garbage collection (1M people).
 */
const BUILD_BATCH = 1_000;

/**
 * Runs a page's query. On SQLite straight on the connection, its rows as arrays (`raw`): read as
 * objects by better-sqlite3 and passed through Kysely, the rows of a million people took half as
 * long again to read. The same SQL, with the same parameters, as Kysely would run.
 */
function pageReader(db: Db): <Row>(query: Compilable<Row>) => Promise<Row[]> {
  const sqlite = sqliteConnectionOf(db);
  if (sqlite === undefined) {
    return async <Row>(query: Compilable<Row>) => (await db.executeQuery(query.compile())).rows;
  }
  const prepared = new Map<string, { statement: SQLite.Statement; columns: string[] }>();
  return async <Row>(query: Compilable<Row>) => {
    const { sql: text, parameters } = query.compile();
    let known = prepared.get(text);
    if (known === undefined) {
      const statement = sqlite.prepare(text).raw(true);
      known = { statement, columns: statement.columns().map((column) => column.name) };
      prepared.set(text, known);
    }
    const { statement, columns } = known;
    return (statement.all(...parameters) as unknown[][]).map((values) => {
      const row: Record<string, unknown> = {};
      for (let at = 0; at < columns.length; at += 1) row[columns[at] as string] = values[at];
      return row as Row;
    });
  };
}

/**
 * The index of what the tables hold. It is at the revision read first: rows written while it
 * is built are either read or left to the catch-up that follows (see fresh-lead-index.ts),
 * which puts them again; putting a row twice changes nothing.
 */
export async function buildLeadIndex(db: Db): Promise<BitmapLeadIndex> {
  const index = new BitmapLeadIndex(await currentLeadRevision(db));
  const read = pageReader(db);
  await inPages(
    BUILD_BATCH,
    (after, limit) => {
      const page = companiesQuery(db).orderBy(inIdOrder(db)).limit(limit);
      return read(after === null ? page : page.where(inIdOrder(db), '>', after));
    },
    (rows) => index.buildCompanies(rows.map(indexedCompany)),
  );
  await inPages(
    BUILD_BATCH,
    (after, limit) => {
      const page = peopleQuery(db).orderBy(inIdOrder(db)).limit(limit);
      return read(after === null ? page : page.where(inIdOrder(db), '>', after));
    },
    (rows) => index.buildPeople(rows.map(indexedPerson)),
  );
  index.finishBuild();
  return index;
}
