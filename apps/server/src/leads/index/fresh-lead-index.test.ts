import type { CompanyRecord, PersonRecord } from '@icp/schema';
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  SelectQueryNode,
  TableNode,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/support/temp-database.js';
import { makeTempDir } from '../../../test/support/temp-dir.js';
import { freshTestDatabase } from '../../../test/support/test-database.js';
import type { Db } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { withStatementDeadline } from '../../db/statement-deadline.js';
import { pruneLeadDeletions } from '../lead-deletions-pruning.js';
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

/**
 * Runs `work` (once armed) right after the next read of `lead_revision` returns: between a
 * search's point read and the catch-up it decides on.
 */
class AfterRevisionRead implements KyselyPlugin {
  readonly #reads = new Set<QueryId>();
  #work: (() => Promise<unknown>) | null = null;

  arm(work: () => Promise<unknown>): void {
    this.#work = work;
  }

  transformQuery({ node, queryId }: PluginTransformQueryArgs) {
    const from = SelectQueryNode.is(node) ? node.from?.froms[0] : undefined;
    if (
      from !== undefined &&
      TableNode.is(from) &&
      from.table.identifier.name === 'lead_revision'
    ) {
      this.#reads.add(queryId);
    }
    return node;
  }

  async transformResult({ queryId, result }: PluginTransformResultArgs) {
    const work = this.#work;
    if (this.#reads.delete(queryId) && work !== null) {
      this.#work = null;
      await work();
    }
    return result;
  }
}

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

  describe('behind deletions that were pruned since (a second replica)', () => {
    /** Two replicas' indexes with p-1 to p-3; p-2 deleted; the first one has seen it. */
    async function replicas(): Promise<{ seen: FreshLeadIndex; behind: FreshLeadIndex }> {
      await store(temp.db, [cto('p-1'), cto('p-2'), cto('p-3')]);
      const seen = new FreshLeadIndex(temp.db);
      const behind = new FreshLeadIndex(temp.db);
      await Promise.all([seen.start(), behind.start()]);
      await temp.db.deleteFrom('people').where('id', '=', 'p-2').execute();
      expect(await ctoIds(seen)).toEqual(['p-1', 'p-3']);
      return { seen, behind };
    }

    it('catches up while the deletions are still recorded', async () => {
      const { behind } = await replicas();

      expect(await ctoIds(behind)).toEqual(['p-1', 'p-3']);
    });

    it('rebuilds rather than catching up, answering from the index it has meanwhile', async () => {
      const { seen, behind } = await replicas();
      const seenIndex = await seen.fresh();
      await pruneLeadDeletions(temp.db, { before: new Date(Date.now() + 3_600_000) });

      expect(await ctoIds(behind)).toEqual(['p-1', 'p-2', 'p-3']);
      await behind.settled();
      expect(await ctoIds(behind)).toEqual(['p-1', 'p-3']);
      // The replica that had seen them goes on with the index it has.
      expect(await seen.fresh()).toBe(seenIndex);
    });

    it('rebuilds when they are pruned between its point read and its catch-up', async () => {
      const dir = makeTempDir();
      const database = await freshTestDatabase(dir.path);
      // Two handles on one database: the index reads through one, the pruning writes through the other.
      const writer = openDatabase(database.url).db;
      const afterRead = new AfterRevisionRead();
      const reader = openDatabase(database.url).db.withPlugin(afterRead);
      try {
        await migrateToLatest(writer);
        await store(writer, [cto('p-1'), cto('p-2'), cto('p-3')]);
        const behind = new FreshLeadIndex(reader);
        await behind.start();
        await writer.deleteFrom('people').where('id', '=', 'p-2').execute();

        afterRead.arm(() =>
          pruneLeadDeletions(writer, { before: new Date(Date.now() + 3_600_000) }),
        );

        expect(await ctoIds(behind)).toEqual(['p-1', 'p-2', 'p-3']);
        await behind.settled();
        expect(await ctoIds(behind)).toEqual(['p-1', 'p-3']);
      } finally {
        await Promise.all([writer.destroy(), reader.destroy()]);
        await database.drop();
        dir.remove();
      }
    });
  });
});
