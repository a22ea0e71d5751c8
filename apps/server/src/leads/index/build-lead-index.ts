/**
 * Builds a lead index from the tables, a batch of rows at a time in id order, yielding to the
 * event loop between batches so requests are served while a rebuild runs.
 */
import { availableParallelism } from 'node:os';
import type SQLite from 'better-sqlite3';
import { type Compilable, sql } from 'kysely';
import { type Db, sqliteConnectionOf } from '../../db/connect.js';
import { isPostgres } from '../../db/dialect.js';
import { databaseKindOf } from '../../db/open-database.js';
import type { Logger } from '../../logging/logger.js';
import { currentLeadRevision } from '../lead-revision.js';
import { BitmapLeadIndex, type PeoplePart } from './bitmap-lead-index.js';
import { inPages } from './in-pages.js';
import { companiesQuery, indexedCompany, indexedPerson, peopleQuery } from './indexed-records.js';
import { siblingWorker } from './thread-file.js';

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

/** Which people a build reads: all, or those before or from an id. */
type PeopleRange = { before?: string; from?: string };

/** Reads the people of `range` in id order, a page at a time, and hands each page to `apply`. */
async function readPeople(
  db: Db,
  range: PeopleRange,
  apply: (people: ReturnType<typeof indexedPerson>[]) => void,
): Promise<void> {
  const read = pageReader(db);
  let people = peopleQuery(db).orderBy(inIdOrder(db));
  if (range.before !== undefined) people = people.where(inIdOrder(db), '<', range.before);
  // From the second page on, only the last id read bounds a page from below: given both bounds,
  // SQLite may start each page's scan at `from` (half a million people then took 3.7 times as long).
  const { from } = range;
  await inPages(
    BUILD_BATCH,
    (after, limit) => {
      const page =
        after !== null
          ? people.where(inIdOrder(db), '>', after)
          : from !== undefined
            ? people.where(inIdOrder(db), '>=', from)
            : people;
      return read(page.limit(limit));
    },
    (rows) => apply(rows.map(indexedPerson)),
  );
}

/** Builds on SQLite read their people in two halves at once from this many people on. */
export const TWO_THREADS_FROM = 200_000;

export interface BuildOptions {
  /**
   * The URL of a SQLite file `db` was opened from: another thread can then open it too, and on
   * a machine of two cores or more, from `twoThreadsFrom` people (TWO_THREADS_FROM by default),
   * the people after the middle id are read and indexed there while this thread does the first
   * half (reading and indexing a million people takes seconds of one core; see `buildLeadIndex`).
   */
  databaseUrl?: string | undefined;
  twoThreadsFrom?: number | undefined;
  /** Where it is reported that the other thread failed (this one then reads its half). */
  logger?: Pick<Logger, 'error'> | undefined;
}

/** The id from which another thread builds the people, or undefined to build them all here. */
async function splitOf(db: Db, options: BuildOptions): Promise<string | undefined> {
  const { databaseUrl } = options;
  if (databaseUrl === undefined || sqliteConnectionOf(db) === undefined) return undefined;
  if (databaseKindOf(databaseUrl) !== 'sqlite' || availableParallelism() < 2) return undefined;
  const { people } = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('people'))
    .executeTakeFirstOrThrow();
  if (people < (options.twoThreadsFrom ?? TWO_THREADS_FROM)) return undefined;
  const middle = await db
    .selectFrom('people')
    .select('id')
    .orderBy(inIdOrder(db))
    .limit(1)
    .offset(Math.floor(people / 2))
    .executeTakeFirst();
  return middle?.id;
}

/** What a people-part worker is asked: where the people are, and from which id. */
export interface PeoplePartRequest {
  databaseUrl: string;
  fromId: string;
}

/**
 * In a people-part worker: the people from `fromId` on, as a part of the index, its companies
 * numbered in id order as the index numbers them (which the index checks).
 */
export async function buildPeoplePart(db: Db, fromId: string): Promise<PeoplePart> {
  const companies = await db.selectFrom('companies').select('id').orderBy(inIdOrder(db)).execute();
  const part = BitmapLeadIndex.part(companies.map((company) => company.id));
  await readPeople(db, { from: fromId }, (people) => part.buildPeople(people));
  return part.exportPeoplePart();
}

/** Builds the people from `fromId` on in a worker thread. */
function peoplePartInThread(request: PeoplePartRequest): Promise<PeoplePart> {
  return new Promise((resolve, reject) => {
    const worker = siblingWorker('people-part-worker', { workerData: request });
    worker.once('message', (part: PeoplePart) => resolve(part));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The people-part worker ended (${code})`)));
  });
}

/** Appends the part, or gives why not (checked before anything changes: see `appendPeoplePart`). */
function appended(index: BitmapLeadIndex, part: PeoplePart): unknown {
  try {
    index.appendPeoplePart(part);
    return undefined;
  } catch (error) {
    return error;
  }
}

/**
 * The index of what the tables hold. It is at the revision read first: rows written while it
 * is built are either read or left to the catch-up that follows (see fresh-lead-index.ts),
 * which puts them again; putting a row twice changes nothing. The companies come first; the
 * people, on SQLite with `options.databaseUrl`, in two halves at once (see `BuildOptions`): a
 * half that could not be built in the other thread is then read here.
 */
export async function buildLeadIndex(db: Db, options: BuildOptions = {}): Promise<BitmapLeadIndex> {
  const index = new BitmapLeadIndex(await currentLeadRevision(db));
  const fromId = await splitOf(db, options);
  // Started first, so that it starts and numbers the companies while they are built here.
  const secondHalf =
    fromId === undefined || options.databaseUrl === undefined
      ? undefined
      : peoplePartInThread({ databaseUrl: options.databaseUrl, fromId }).then(
          (part) => ({ part }),
          // Settled at once, so that a failure while the first half is read is not unhandled.
          (error: unknown) => ({ error }),
        );
  const read = pageReader(db);
  await inPages(
    BUILD_BATCH,
    (after, limit) => {
      const page = companiesQuery(db).orderBy(inIdOrder(db)).limit(limit);
      return read(after === null ? page : page.where(inIdOrder(db), '>', after));
    },
    (rows) => index.buildCompanies(rows.map(indexedCompany)),
  );
  const build = (people: ReturnType<typeof indexedPerson>[]) => index.buildPeople(people);
  if (fromId === undefined || secondHalf === undefined) {
    await readPeople(db, {}, build);
  } else {
    await readPeople(db, { before: fromId }, build);
    const outcome = await secondHalf;
    const failure = 'part' in outcome ? appended(index, outcome.part) : outcome.error;
    if (failure !== undefined) {
      options.logger?.error({ event: 'lead_index_second_thread_failed', error: String(failure) });
      await readPeople(db, { from: fromId }, build);
    }
  }
  index.finishBuild();
  return index;
}
