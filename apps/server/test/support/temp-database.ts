import { afterEach, beforeEach } from 'vitest';
import type { Db } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open-database.js';
import { makeTempDir } from './temp-dir.js';
import { freshTestDatabase } from './test-database.js';

/**
 * A fresh, migrated database for each test of the calling `describe` (a SQLite file, or a
 * PostgreSQL schema when TEST_DATABASE=postgres); read `.db` inside the tests. Closed and
 * removed after each test. `migrated: false` leaves it empty (for the tests of a migration).
 */
export function useTempDatabase(options: { migrated?: boolean } = {}): { readonly db: Db } {
  const handle = { db: undefined as unknown as Db };
  let remove = async () => {};
  beforeEach(async () => {
    const dir = makeTempDir();
    const database = await freshTestDatabase(dir.path);
    remove = async () => {
      await database.drop();
      dir.remove();
    };
    handle.db = openDatabase(database.url).db;
    if (options.migrated ?? true) await migrateToLatest(handle.db);
  });
  afterEach(async () => {
    await handle.db.destroy();
    await remove();
  });
  return handle;
}
