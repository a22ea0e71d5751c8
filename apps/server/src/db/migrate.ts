import { Migrator, sql } from 'kysely';
import type { Db } from './connect.js';
import { isPostgres } from './dialect.js';
import { migrations } from './migrations/index.js';
import { withoutStatementTimeout } from './without-statement-timeout.js';

/**
 * On PostgreSQL the migrator's own tables live in the connection's schema, named explicitly:
 * left unnamed, the migrator would take another schema's tables (another deployment or test
 * run in the same database) for its own.
 */
export async function migratorFor(db: Db): Promise<Migrator> {
  const provider = { getMigrations: async () => migrations };
  if (!isPostgres(db)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, migrationTableSchema: rows[0]?.schema ?? 'public' });
}

/**
 * Brings the database to the latest schema; throws (and changes nothing further) on failure.
 * On PostgreSQL the migrations run without the pool's statement timeout: one may rewrite a large
 * table.
 */
export function migrateToLatest(db: Db): Promise<void> {
  return withoutStatementTimeout(db, migrate);
}

async function migrate(db: Db): Promise<void> {
  const { error, results } = await (await migratorFor(db)).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${String(error)}`, { cause: error });
  }
}

/** Whether every known migration has been applied. */
export async function isFullyMigrated(db: Db): Promise<boolean> {
  const known = await (await migratorFor(db)).getMigrations();
  return known.every((migration) => migration.executedAt !== undefined);
}
