import type { Db } from './connect.js';
import { isPostgres } from './dialect.js';

export interface Transact {
  /** Runs `work` in a write transaction; resolves only once that transaction has committed. */
  <T>(work: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Runs a write that PostgreSQL makes atomic by itself, a single statement there (it may be
   * several on SQLite): on PostgreSQL it is sent alone, sparing the two round trips of BEGIN and
   * COMMIT; elsewhere it runs in a transaction as `transact` does.
   */
  atomic<T>(write: (db: Db) => Promise<T>): Promise<T>;
}

/** A transaction of its own for every call. */
export function transactionPerCall(db: Db): Transact {
  const transact = <T>(work: (tx: Db) => Promise<T>) => db.transaction().execute(work);
  const onPostgres = isPostgres(db);
  return Object.assign(transact, {
    atomic: <T>(write: (db: Db) => Promise<T>) => (onPostgres ? write(db) : transact(write)),
  });
}
