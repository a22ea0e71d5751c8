import type { CompanyRecord, LeadProviderCriterion, PersonRecord } from '@icp/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/support/temp-dir.js';
import { freshTestDatabase } from '../../../test/support/test-database.js';
import type { Db } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { withStatementDeadline } from '../../db/statement-deadline.js';
import { AppError } from '../../errors.js';
import { saveCompanies, savePeople } from '../lead-records.repository.js';
import { findLeads, matchingCompanies } from '../matching/find-leads.js';
import { FreshLeadIndex } from './fresh-lead-index.js';
import { indexLeadEngine } from './index-lead-engine.js';
import { LeadSearchWorker } from './lead-search-worker.js';

const companies: CompanyRecord[] = [
  { id: 'c-1', name: 'Acme', keywords: ['saas'], industry: 'Software', employeeCount: 120 },
  { id: 'c-2', name: 'Globex', keywords: [], industry: 'Retail', employeeCount: 4_000 },
];
const person = (id: string, jobTitle: string, companyId: string): PersonRecord => ({
  id,
  firstName: 'Ada',
  lastName: id,
  jobTitle,
  companyId,
  skills: ['Go'],
  source: 'provider',
});
const people = [
  person('p-1', 'CTO', 'c-1'),
  person('p-2', 'Head of Sales', 'c-1'),
  person('p-3', 'VP Engineering', 'c-2'),
  person('p-4', 'CTO', 'c-2'),
];

const criteria: LeadProviderCriterion[] = [
  { provider: 'baseProvider', type: 'person', filters: { job_title: ['CTO'] } },
  { provider: 'baseProvider', type: 'person', filters: { job_title: ['Head of Sales'] } },
];
const search = { leadProviderCriteria: criteria, customFilterCriteria: [] };
const now = new Date('2026-12-01T00:00:00Z');

async function store(db: Db, stored: PersonRecord[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await saveCompanies(tx, companies);
    await savePeople(tx, stored);
  });
}

describe('the lead search worker', () => {
  let db: Db;
  let url: string;
  let remove = async () => {};
  let worker: LeadSearchWorker;
  const logged: Record<string, unknown>[] = [];

  beforeEach(async () => {
    const dir = makeTempDir();
    const database = await freshTestDatabase(dir.path);
    url = database.url;
    remove = async () => {
      await database.drop();
      dir.remove();
    };
    db = openDatabase(url).db;
    await migrateToLatest(db);
    await store(db, people);
    logged.length = 0;
    worker = new LeadSearchWorker({
      databaseUrl: url,
      poolSize: 2,
      statementTimeoutMs: undefined,
      logger: { error: ((entry: Record<string, unknown>) => logged.push(entry)) as never },
    });
  });
  afterEach(async () => {
    await worker.close();
    await db.destroy();
    await remove();
  });

  it('is ready once its index is built, and answers as the index on the event loop does', async () => {
    expect(worker.ready).toBe(false);
    await worker.start();
    expect(worker.ready).toBe(true);

    const inThread = indexLeadEngine(new FreshLeadIndex(db));
    for (const limit of [1, 2, 10]) {
      const there = await findLeads(db, search, { limit, now, engine: worker.engine });
      const here = await findLeads(db, search, { limit, now, engine: inThread });
      expect(there).toEqual(here);
    }
    const found = await findLeads(db, search, { limit: 10, now, engine: worker.engine });
    expect(found.total).toBe(3);
    expect(found.leads.map((lead) => [lead.person.id, lead.reasons.length > 0])).toEqual([
      ['p-1', true],
      ['p-2', true],
      ['p-4', true],
    ]);
    const page = { offset: 0, limit: 10 };
    expect(await matchingCompanies(db, criteria, page, worker.engine)).toEqual(
      await matchingCompanies(db, criteria, page, inThread),
    );
  });

  it('finds what was written before the search, over its own connection', async () => {
    await worker.start();
    await store(db, [person('p-5', 'CTO', 'c-2')]);

    const found = await findLeads(db, search, { limit: 10, now, engine: worker.engine });

    expect(found.leads.map((lead) => lead.person.id)).toEqual(['p-1', 'p-2', 'p-4', 'p-5']);
  });

  it('fails the searches of a worker that stopped with a 503, and starts it again', async () => {
    await worker.start();
    const searching = findLeads(db, search, { limit: 10, now, engine: worker.engine }).then(
      (found) => found.total,
      (error: unknown) => error,
    );
    await worker.stopWorker();

    expect(worker.ready).toBe(false);
    expect(logged).toContainEqual(expect.objectContaining({ event: 'lead_search_worker_stopped' }));
    // Answered before the worker stopped, or failed with a 503 saying so: never anything else.
    const outcome = await searching;
    if (typeof outcome !== 'number') {
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).appCode).toBe('SERVICE_UNAVAILABLE');
    } else {
      expect(outcome).toBe(3);
    }
    await worker.start();
    expect(worker.ready).toBe(true);
    expect((await findLeads(db, search, { limit: 10, now, engine: worker.engine })).total).toBe(3);
  });

  it("holds the statements it runs for a search to the search's deadline", async () => {
    await worker.start();
    const late = new AppError('SERVICE_UNAVAILABLE', 'The lead search took longer than its budget');
    const passed = withStatementDeadline(db, performance.now() - 1, () => late);
    const roomy = withStatementDeadline(db, performance.now() + 60_000, () => late);

    await expect(
      findLeads(passed, search, { limit: 10, now, engine: worker.engine }),
    ).rejects.toMatchObject({ appCode: 'SERVICE_UNAVAILABLE', message: late.message });
    expect((await findLeads(roomy, search, { limit: 10, now, engine: worker.engine })).total).toBe(
      3,
    );
  });

  it('starts no thread for a database without leads: the first search starts it', async () => {
    const idle = new LeadSearchWorker({
      databaseUrl: url,
      poolSize: 2,
      statementTimeoutMs: undefined,
      logger: { error: ((entry: Record<string, unknown>) => logged.push(entry)) as never },
      holdsLeads: async () => false,
    });
    try {
      await idle.start();
      expect(idle.ready).toBe(true);
      await idle.settled();
      await store(db, [person('p-5', 'CTO', 'c-2')]);

      const found = await findLeads(db, search, { limit: 10, now, engine: idle.engine });

      expect(found.leads.map((lead) => lead.person.id)).toEqual(['p-1', 'p-2', 'p-4', 'p-5']);
      expect(logged).toEqual([]);
    } finally {
      await idle.close();
    }
  });

  it('refuses searches once closed', async () => {
    await worker.close();

    await expect(worker.engine.match([])).rejects.toMatchObject({ appCode: 'SERVICE_UNAVAILABLE' });
  });
});
