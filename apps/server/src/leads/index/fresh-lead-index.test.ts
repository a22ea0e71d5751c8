import type { CompanyRecord, PersonRecord } from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/support/temp-database.js';
import type { Db } from '../../db/connect.js';
import { withStatementDeadline } from '../../db/statement-deadline.js';
import { saveCompanies, savePeople } from '../lead-records.repository.js';
import { readCriteria } from '../matching/provider-filters.js';
import { criterionPeople } from './criteria-bitmaps.js';
import { FreshLeadIndex, leadIndexOf } from './fresh-lead-index.js';

const company: CompanyRecord = { id: 'c-1', name: 'Acme', keywords: [] };
const cto = (id: string): PersonRecord => ({
  id,
  firstName: 'Ada',
  lastName: 'Lovelace',
  jobTitle: 'CTO',
  companyId: 'c-1',
  skills: [],
  source: 'provider',
});

async function store(db: Db, people: PersonRecord[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await saveCompanies(tx, [company]);
    await savePeople(tx, people);
  });
}

const [ctos] = readCriteria([
  { provider: 'baseProvider', type: 'person', filters: { job_title: ['CTO'] } },
]).criteria;

async function ctoIds(index: FreshLeadIndex): Promise<string[]> {
  const built = await index.fresh();
  const found = criterionPeople(built, ctos as NonNullable<typeof ctos>);
  return built.people.ordered(found, null, 100).map((number) => built.people.idOf(number));
}

describe('the lead index of a database', () => {
  const temp = useTempDatabase();

  it('is one per database, whatever handle a search holds (a search under a deadline)', () => {
    const deadline = withStatementDeadline(temp.db, performance.now() + 1_000, () => new Error());

    expect(leadIndexOf(deadline)).toBe(leadIndexOf(temp.db));
  });

  it('is not ready until its first build is done', async () => {
    const index = new FreshLeadIndex(temp.db);
    expect(index.ready).toBe(false);

    await index.start();

    expect(index.ready).toBe(true);
  });

  it('catches up with a few rows written since, in place, before it answers', async () => {
    const index = new FreshLeadIndex(temp.db, { catchUpLimit: 10 });
    await store(temp.db, [cto('p-1')]);
    const built = await index.fresh();

    await store(temp.db, [cto('p-0'), cto('p-2')]);

    expect(await ctoIds(index)).toEqual(['p-0', 'p-1', 'p-2']);
    expect(await index.fresh()).toBe(built);
  });

  it('rebuilds in the background when far behind, answering from the index it has meanwhile', async () => {
    const index = new FreshLeadIndex(temp.db, { catchUpLimit: 10 });
    await store(temp.db, [cto('p-1')]);
    const built = await index.fresh();

    await store(
      temp.db,
      Array.from({ length: 20 }, (_, n) => cto(`p-${String(n + 2).padStart(2, '0')}`)),
    );

    expect(await ctoIds(index)).toEqual(['p-1']);
    await index.settled();
    expect(await index.fresh()).not.toBe(built);
    expect(await ctoIds(index)).toHaveLength(21);
  });

  it('waits for a rebuild for a search of rows its own request wrote (CRM contacts)', async () => {
    const index = new FreshLeadIndex(temp.db, { catchUpLimit: 10 });
    await store(temp.db, [cto('p-1')]);
    await index.fresh();

    await store(
      temp.db,
      Array.from({ length: 20 }, (_, n) => cto(`p-${String(n + 2).padStart(2, '0')}`)),
    );
    await index.fresh();
    const waited = await index.fresh({ readOwnWrites: true });

    const found = criterionPeople(waited, ctos as NonNullable<typeof ctos>);
    expect(found.size).toBe(21);
  });
});
