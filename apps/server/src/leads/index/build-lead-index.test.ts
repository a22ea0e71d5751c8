/**
 * A build whose people are read in two halves, the second in another thread, gives the index a
 * build in one thread gives: the same numbers for the same ids, the same sets, the same columns.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/support/temp-dir.js';
import type { Db } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { writeGenerated } from '../dataset/store-generated.js';
import { generateDataset } from '../dataset/synthetic.js';
import { BitmapLeadIndex } from './bitmap-lead-index.js';
import { buildLeadIndex } from './build-lead-index.js';

/** Everything a search reads of an index, in a form `toEqual` compares. */
function contentsOf(index: BitmapLeadIndex) {
  const people = index.people.size;
  const setsOf = (sets: Record<string, { entries(): IterableIterator<[string, Uint32Array]> }>) =>
    Object.fromEntries(
      Object.entries(sets).map(([key, valueSets]) => [
        key,
        Object.fromEntries(
          [...valueSets.entries()].map(([value, numbers]) => [value, [...numbers]]),
        ),
      ]),
    );
  return {
    people: Array.from({ length: people }, (_, number) => index.people.idOf(number)),
    companies: Array.from({ length: index.companies.size }, (_, number) =>
      index.companies.idOf(number),
    ),
    personSets: setsOf(index.personSets as never),
    companySets: setsOf(index.companySets as never),
    companyOf: [...index.companyOf.subarray(0, people)],
    peopleByCompany: Array.from({ length: index.companies.size }, (_, company) => [
      ...index.peopleOfCompany(company),
    ]),
    employed: index.employed.toArray(),
    scoped: index.scoped.toArray(),
    unlisted: index.unlisted.toArray(),
    size: index.size(),
  };
}

describe('a lead index built in two threads', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let url: string;
  let db: Db;

  beforeEach(async () => {
    dir = makeTempDir();
    url = `file:${join(dir.path, 'leads.sqlite')}`;
    db = openDatabase(url).db;
    await migrateToLatest(db);
    await db.transaction().execute(async (tx) => {
      await writeGenerated(tx, [...generateDataset({ seed: 7, companies: 120, crmShare: 0.1 })]);
    });
    // Some people brought in by a CRM search, found by their ids only.
    await db
      .updateTable('people')
      .set({ crm_scope: 'crm-search' })
      .where('id', 'in', db.selectFrom('people').select('id').orderBy('id').limit(40))
      .execute();
  });
  afterEach(async () => {
    await db.destroy();
    dir.remove();
  });

  it('equals the index built in one', async () => {
    const people = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(people.n).toBeGreaterThan(500);

    const inOne = await buildLeadIndex(db);
    const failures: unknown[] = [];
    const logger = { error: (entry: unknown) => failures.push(entry) };
    const inTwo = await buildLeadIndex(db, { databaseUrl: url, twoThreadsFrom: 1, logger });

    expect(failures).toEqual([]);
    expect(contentsOf(inTwo)).toEqual(contentsOf(inOne));
    expect(inTwo.scoped.size).toBe(40);
  });

  it('reads the second half itself when the other thread fails', async () => {
    const inOne = await buildLeadIndex(db);
    // A database without the lead tables: the other thread's reads fail.
    const elsewhere = `file:${join(dir.path, 'empty', 'other.sqlite')}`;
    const failures: unknown[] = [];
    const logger = { error: (entry: unknown) => failures.push(entry) };
    const inTwo = await buildLeadIndex(db, { databaseUrl: elsewhere, twoThreadsFrom: 1, logger });

    expect(failures).toEqual([
      expect.objectContaining({ event: 'lead_index_second_thread_failed' }),
    ]);
    expect(contentsOf(inTwo)).toEqual(contentsOf(inOne));
  });

  it('builds in one thread below the threshold, or without the file to open', async () => {
    const inOne = await buildLeadIndex(db);
    for (const options of [{ databaseUrl: url }, { twoThreadsFrom: 1 }]) {
      expect(contentsOf(await buildLeadIndex(db, options))).toEqual(contentsOf(inOne));
    }
  });

  it('appends a part only if it numbered the companies as the index did', () => {
    const company = (id: string) => ({
      id,
      domain: null,
      industry: null,
      keywords: [],
      employeeCount: null,
      revenue: null,
      foundedYear: null,
      country: null,
      state: null,
      city: null,
    });
    const person = (id: string, companyId: string) => ({
      id,
      companyId,
      titleWords: ['cto'],
      exactTitle: 'cto',
      seniority: null,
      department: null,
      skills: [],
      country: null,
      state: null,
      city: null,
      source: 'provider',
      scoped: false,
    });
    const index = new BitmapLeadIndex(0);
    index.buildCompanies([company('c-1'), company('c-3')]);
    index.buildPeople([person('p-1', 'c-1')]);
    // A company written between the two reads: the part numbers c-3 as 2, the index as 1.
    const part = BitmapLeadIndex.part(['c-1', 'c-2', 'c-3']);
    part.buildPeople([person('p-2', 'c-3')]);

    expect(() => index.appendPeoplePart(part.exportPeoplePart())).toThrow(/other companies/);
    expect(index.people.size).toBe(1);

    const same = BitmapLeadIndex.part(['c-1', 'c-3']);
    same.buildPeople([person('p-2', 'c-3')]);
    index.appendPeoplePart(same.exportPeoplePart());
    index.finishBuild();
    expect([...index.peopleOfCompany(1)]).toEqual([1]);
  });
});
