import type { CompanyRecord, PersonRecord } from '@icp/schema';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import type { Db } from '../db/connect.js';
import { migrateToLatest, migratorFor } from '../db/migrate.js';
import { pruneLeadDeletions, startLeadDeletionsPruning } from './lead-deletions-pruning.js';
import { saveCompanies, savePeople } from './lead-records.repository.js';
import { leadRevisionState } from './lead-revision.js';

const company: CompanyRecord = { id: 'c-1', name: 'Acme', keywords: [] };
const person = (id: string): PersonRecord => ({
  id,
  firstName: 'Ada',
  lastName: 'Lovelace',
  jobTitle: 'CTO',
  companyId: 'c-1',
  skills: [],
  source: 'provider',
});

/**
 * Stores `count` people and deletes them one by one, each deletion recorded; resolves with the
 * revisions of those deletions.
 */
async function deletePeople(db: Db, count: number, prefix = 'p'): Promise<number[]> {
  const ids = Array.from({ length: count }, (_, n) => `${prefix}-${n}`);
  await db.transaction().execute(async (tx) => {
    await saveCompanies(tx, [company]);
    await savePeople(tx, ids.map(person));
  });
  const { revision } = await leadRevisionState(db);
  for (const id of ids) await db.deleteFrom('people').where('id', '=', id).execute();
  const rows = await db
    .selectFrom('lead_deletions')
    .select('revision')
    .where('revision', '>', revision)
    .orderBy('revision')
    .execute();
  return rows.map((row) => row.revision);
}

/** Dates the deletion of `revision` `minute` minutes into 2026. */
async function recordAt(db: Db, revision: number, minute: number): Promise<void> {
  const at = new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
  await db
    .updateTable('lead_deletions')
    .set({ recorded_at: at })
    .where('revision', '=', revision)
    .execute();
}

const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n));

async function revisionsLeft(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('lead_deletions')
    .select('revision')
    .orderBy('revision')
    .execute();
  return rows.map((row) => row.revision);
}

const prunedThrough = async (db: Db) => (await leadRevisionState(db)).deletionsPrunedThrough;

describe('pruning the recorded lead deletions', () => {
  const temp = useTempDatabase();

  it('records when each deletion was made', async () => {
    const before = Date.now();
    await deletePeople(temp.db, 1);

    const row = await temp.db.selectFrom('lead_deletions').select('recorded_at').executeTakeFirst();

    expect(row?.recorded_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const at = Date.parse(row?.recorded_at ?? '');
    // The database's clock, not this process's: a minute either way.
    expect(at).toBeGreaterThan(before - 60_000);
    expect(at).toBeLessThan(Date.now() + 60_000);
  });

  it('deletes the rows recorded before the cutoff, in batches, and keeps the later ones', async () => {
    const revisions = await deletePeople(temp.db, 5);
    for (const [n, revision] of revisions.entries()) await recordAt(temp.db, revision, n);

    const deleted = await pruneLeadDeletions(temp.db, { before: minute(3), batchSize: 2 });

    expect(deleted).toBe(3);
    expect(await revisionsLeft(temp.db)).toEqual(revisions.slice(3));
    expect(await prunedThrough(temp.db)).toBe(revisions[2]);
  });

  it('commits each batch on its own: stopped after one, that one stays pruned', async () => {
    const revisions = await deletePeople(temp.db, 5);
    for (const revision of revisions) await recordAt(temp.db, revision, 0);
    let batches = 0;

    const deleted = await pruneLeadDeletions(temp.db, {
      before: minute(1),
      batchSize: 2,
      stopped: () => batches++ > 0,
    });

    expect(deleted).toBe(2);
    expect(await revisionsLeft(temp.db)).toEqual(revisions.slice(2));
    expect(await prunedThrough(temp.db)).toBe(revisions[1]);
  });

  it('moves the pruned-through revision forward only, whatever order rows are pruned in', async () => {
    const revisions = (await deletePeople(temp.db, 3)) as [number, number, number];
    // The last deletion is the oldest: its revision is pruned first.
    await recordAt(temp.db, revisions[2], 0);
    await recordAt(temp.db, revisions[0], 5);
    await recordAt(temp.db, revisions[1], 5);

    await pruneLeadDeletions(temp.db, { before: minute(1) });
    expect(await prunedThrough(temp.db)).toBe(revisions[2]);

    await pruneLeadDeletions(temp.db, { before: minute(10) });
    expect(await revisionsLeft(temp.db)).toEqual([]);
    expect(await prunedThrough(temp.db)).toBe(revisions[2]);
  });

  it('prunes each row once when several processes prune at once', async () => {
    const revisions = await deletePeople(temp.db, 6);
    for (const revision of revisions) await recordAt(temp.db, revision, 0);

    const deleted = await Promise.all(
      [0, 1, 2].map(() => pruneLeadDeletions(temp.db, { before: minute(1), batchSize: 2 })),
    );

    expect(deleted.reduce((sum, n) => sum + n, 0)).toBe(6);
    expect(await revisionsLeft(temp.db)).toEqual([]);
    expect(await prunedThrough(temp.db)).toBe(revisions.at(-1));
  });

  it('prunes at once and then every interval until stopped', async () => {
    const revisions = await deletePeople(temp.db, 2);
    await recordAt(temp.db, revisions[0] as number, 0);
    const pruning = startLeadDeletionsPruning({
      db: temp.db,
      retentionHours: 1,
      now: () => minute(61),
      intervalMs: 20,
    });
    try {
      await vi.waitFor(async () =>
        expect(await revisionsLeft(temp.db)).toEqual(revisions.slice(1)),
      );

      await recordAt(temp.db, revisions[1] as number, 0);
      await vi.waitFor(async () => expect(await revisionsLeft(temp.db)).toEqual([]));
    } finally {
      await pruning.stop();
    }

    const [more] = (await deletePeople(temp.db, 1, 'later')) as [number];
    await recordAt(temp.db, more, 0);
    // Ten intervals: a timer left running would have pruned by then.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await revisionsLeft(temp.db)).toEqual([more]);
  });

  it('keeps every row with a retention of 0', async () => {
    const revisions = await deletePeople(temp.db, 1);
    await recordAt(temp.db, revisions[0] as number, 0);
    const pruning = startLeadDeletionsPruning({ db: temp.db, retentionHours: 0, intervalMs: 20 });

    await pruning.runOnce();
    await pruning.stop();

    expect(await revisionsLeft(temp.db)).toEqual(revisions);
  });
});

describe('the migration that dates lead deletions', () => {
  const temp = useTempDatabase({ migrated: false });
  let db: Db;
  beforeEach(async () => {
    db = temp.db;
  });

  async function migrateToBefore(): Promise<void> {
    const migrator = await migratorFor(db);
    const { error } = await migrator.migrateTo('2026-12-04-021-restart-webhook-retries');
    if (error !== undefined) throw error;
  }

  async function storeAndDelete(id: string): Promise<void> {
    await db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [company]);
      await savePeople(tx, [person(id)]);
    });
    await db.deleteFrom('people').where('id', '=', id).execute();
  }

  it('gives the deletions recorded before it the time it ran', async () => {
    await migrateToBefore();
    await storeAndDelete('p-1');
    const migrating = new Date().toISOString();

    await migrateToLatest(db);

    const row = await db
      .selectFrom('lead_deletions')
      .select('recorded_at')
      .executeTakeFirstOrThrow();
    expect(Date.parse(row.recorded_at)).toBeGreaterThanOrEqual(Date.parse(migrating));
    expect(Date.parse(row.recorded_at)).toBeLessThanOrEqual(Date.now());
    expect(await prunedThrough(db)).toBe(0);
  });

  it('can be undone, the deletions still recorded as before', async () => {
    await migrateToLatest(db);
    await migrateToBefore();

    await storeAndDelete('p-1');

    const rows = await sql<object>`select * from lead_deletions`.execute(db);
    expect(rows.rows).toEqual([{ revision: expect.any(Number), kind: 'person', id: 'p-1' }]);
    await migrateToLatest(db);
    await storeAndDelete('p-2');
    expect(
      await db.selectFrom('lead_deletions').select('id').orderBy('revision').execute(),
    ).toEqual([{ id: 'p-1' }, { id: 'p-2' }]);
  });
});
