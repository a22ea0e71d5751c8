import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { isFullyMigrated } from '../db/migrate.js';
import { AppError } from '../errors.js';

/** Healthy once the database answers and holds every migration. */
export async function checkHealth(db: Db): Promise<{ status: 'ok' }> {
  let migrated: boolean;
  try {
    await sql`select 1`.execute(db);
    migrated = await isFullyMigrated(db);
  } catch {
    throw new AppError('SERVICE_UNAVAILABLE', 'The database cannot be reached');
  }
  if (!migrated) throw new AppError('SERVICE_UNAVAILABLE', 'The database is not migrated yet');
  return { status: 'ok' };
}
