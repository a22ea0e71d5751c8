import type { Db } from './connect.js';

/** Runs `work` in a write transaction; resolves only once that transaction has committed. */
export type Transact = <T>(work: (tx: Db) => Promise<T>) => Promise<T>;

/** A transaction of its own for every call. */
export function transactionPerCall(db: Db): Transact {
  return (work) => db.transaction().execute(work);
}
