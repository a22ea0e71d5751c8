/**
 * The lead revision: a counter in the database that every write of people or companies moves
 * on, stamping the rows it writes. A process's lead index remembers the revision it holds and
 * reads what changed after it (see index/fresh-lead-index.ts).
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';

/**
 * Takes the next revision, inside the writing transaction: on PostgreSQL the row lock keeps
 * writers in revision order until they commit, so a committed revision has every earlier one
 * committed before it.
 */
export async function takeLeadRevision(tx: Db): Promise<number> {
  const row = await tx
    .updateTable('lead_revision')
    .set({ value: sql`value + 1` })
    .where('id', '=', 1)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/**
 * The revision of the last committed lead write, and the highest revision of a deletion pruned
 * from `lead_deletions` (see lead-deletions-pruning.ts), in one point read.
 */
export async function leadRevisionState(
  db: Db,
): Promise<{ revision: number; deletionsPrunedThrough: number }> {
  const row = await db
    .selectFrom('lead_revision')
    .select(['value', 'deletions_pruned_through'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return {
    revision: Number(row.value),
    deletionsPrunedThrough: Number(row.deletions_pruned_through),
  };
}

/** The revision of the last committed lead write. */
export async function currentLeadRevision(db: Db): Promise<number> {
  const row = await db
    .selectFrom('lead_revision')
    .select('value')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
