import { type Db, migrateToLatest, openSqlite } from '@icp/server';
import { openServerDatabase } from './server-database.js';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters at 11 columns a row. */
const ROWS_PER_INSERT = 1_000;

async function copyTable(from: Db, to: Db, table: 'icps' | 'icp_members'): Promise<void> {
  await to.transaction().execute(async (tx) => {
    let rows: Record<string, unknown>[] = [];
    const flush = async () => {
      // The same table on both sides, created by the same migrations.
      if (rows.length > 0)
        await tx
          .insertInto(table)
          .values(rows as never)
          .execute();
      rows = [];
    };
    for await (const row of from.selectFrom(table).selectAll().stream(ROWS_PER_INSERT)) {
      rows.push(row);
      if (rows.length === ROWS_PER_INSERT) await flush();
    }
    await flush();
  });
}

/**
 * Gives the database at `url` the ICPs seeded into the SQLite file `seedPath`, row for row:
 * the product's migrations create the tables, then the rows go in as multi-row INSERTs.
 */
export async function copySeededIcps(seedPath: string, url: string): Promise<void> {
  const from = openSqlite(seedPath);
  const to = await openServerDatabase(url);
  try {
    await migrateToLatest(to);
    await copyTable(from, to, 'icps');
    await copyTable(from, to, 'icp_members');
  } finally {
    await from.destroy();
    await to.destroy();
  }
}
