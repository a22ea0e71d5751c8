import { sql } from 'kysely';
import type { Db } from './connect.js';
import { isPostgres } from './dialect.js';

/**
 * Runs `work` on one connection without the pool's statement timeout (on PostgreSQL): for the
 * work of starting up (migrations, the demo lead database), which a large database may make
 * take longer than any request may.
 */
export async function withoutStatementTimeout<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return work(db);
  return db.connection().execute(async (connection) => {
    await sql`set statement_timeout = 0`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`reset statement_timeout`.execute(connection);
    }
  });
}
