import { sql } from 'kysely';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import type { Db } from './connect.js';
import { groupCommit } from './group-commit.js';

const member = (userId: string) => ({
  user_id: userId,
  icp_id: 'icp',
  icp_created_at: '2025-01-01T00:00:00.000Z',
});

describe('groupCommit', () => {
  const database = useTempDatabase();
  let db: Db;

  beforeEach(async () => {
    db = database.db;
    await sql`pragma foreign_keys = off`.execute(db);
  });

  const storedUsers = async () =>
    (await db.selectFrom('icp_members').select('user_id').orderBy('user_id').execute()).map(
      (row) => row.user_id,
    );

  it('runs writes that arrive together in one transaction, in arrival order', async () => {
    const transaction = vi.spyOn(db, 'transaction');
    const transact = groupCommit(db);

    const results = await Promise.all(
      ['a', 'b', 'c'].map((userId) =>
        transact(async (tx) => {
          await tx.insertInto('icp_members').values(member(userId)).execute();
          return (await tx.selectFrom('icp_members').select('user_id').execute()).length;
        }),
      ),
    );

    expect(results).toEqual([1, 2, 3]);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(await storedUsers()).toEqual(['a', 'b', 'c']);
  });

  it('a failing write is rolled back alone and its caller gets its error', async () => {
    const transact = groupCommit(db);

    const outcomes = await Promise.allSettled([
      transact((tx) => tx.insertInto('icp_members').values(member('kept-1')).execute()),
      transact(async (tx) => {
        await tx.insertInto('icp_members').values(member('rolled-back')).execute();
        throw new Error('refused');
      }),
      transact((tx) => tx.insertInto('icp_members').values(member('kept-2')).execute()),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('refused');
    expect(await storedUsers()).toEqual(['kept-1', 'kept-2']);
  });

  it('when the commit itself fails, every write of the batch fails and nothing is stored', async () => {
    await sql`pragma foreign_keys = on`.execute(db);
    const transact = groupCommit(db);

    const outcomes = await Promise.allSettled([
      transact((tx) => tx.insertInto('icp_members').values(member('innocent')).execute()),
      transact(async (tx) => {
        // Checked only at COMMIT: the whole batch's commit fails.
        await sql`pragma defer_foreign_keys = on`.execute(tx);
        await tx.insertInto('icp_members').values(member('dangling')).execute();
      }),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(await storedUsers()).toEqual([]);
  });

  it('keeps serving after a batch, and a lone write commits on its own', async () => {
    const transact = groupCommit(db);
    await transact((tx) => tx.insertInto('icp_members').values(member('first')).execute());
    await transact((tx) => tx.insertInto('icp_members').values(member('second')).execute());

    expect(await storedUsers()).toEqual(['first', 'second']);
  });
});
