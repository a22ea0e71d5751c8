import { sql } from 'kysely';
import type { Db } from './connect.js';
import type { Transact } from './transact.js';

interface Job {
  work: (tx: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit for a single-writer database (SQLite): writes that arrive while another batch is
 * committing are run together in one transaction, each inside its own savepoint, and made
 * durable by one sync instead of one each. A write that fails rolls back to its savepoint
 * alone; every caller hears back only after the COMMIT that carried its write.
 */
export function groupCommit(db: Db): Transact {
  let queue: Job[] = [];
  let flushing = false;

  const runBatch = async (batch: Job[]) => {
    const outcomes: Outcome[] = [];
    try {
      await db.transaction().execute(async (tx) => {
        for (const job of batch) {
          await sql`savepoint group_commit_job`.execute(tx);
          try {
            const value = await job.work(tx);
            await sql`release savepoint group_commit_job`.execute(tx);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await sql`rollback to savepoint group_commit_job`.execute(tx);
            await sql`release savepoint group_commit_job`.execute(tx);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (commitError) {
      for (const job of batch) job.reject(commitError);
      return;
    }
    batch.forEach((job, index) => {
      const outcome = outcomes[index] as Outcome;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  };

  const flush = async () => {
    flushing = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      await runBatch(batch);
    }
    flushing = false;
  };

  const transact = <T>(work: (tx: Db) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // Wait one turn of the event loop, so requests already received can join the batch.
      if (!flushing && queue.length === 1) setImmediate(() => void flush());
    });
  // An atomic write joins the batch too: its sync is the one the batch shares.
  return Object.assign(transact, { atomic: transact });
}
