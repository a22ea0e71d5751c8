import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { isFullyMigrated } from '../db/migrate.js';
import { AppError } from '../errors.js';
import { leadSearchOf } from '../leads/index/lead-engine-of.js';

/**
 * Healthy once the database answers and holds every migration, and the process's lead index is
 * built (its first build is started here when nothing has started it yet).
 */
export async function checkHealth(db: Db): Promise<{ status: 'ok' }> {
  let migrated: boolean;
  try {
    await sql`select 1`.execute(db);
    migrated = await isFullyMigrated(db);
  } catch {
    throw new AppError('SERVICE_UNAVAILABLE', 'The database cannot be reached');
  }
  if (!migrated) throw new AppError('SERVICE_UNAVAILABLE', 'The database is not migrated yet');
  const leadIndex = leadSearchOf(db);
  if (!leadIndex.ready) {
    // A failed build is retried by the next check or search; the search reports its error.
    leadIndex.start().catch(() => {});
    throw new AppError('SERVICE_UNAVAILABLE', 'The lead index is being built');
  }
  return { status: 'ok' };
}
