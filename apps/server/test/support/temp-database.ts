import { afterEach, beforeEach } from 'vitest';
import { type Db, openSqlite } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { makeTempDir } from './temp-dir.js';

/**
 * A fresh, migrated SQLite file for each test of the calling `describe`; read `.db` inside the
 * tests. Closed and removed after each test.
 */
export function useTempDatabase(): { readonly db: Db } {
  const handle = { db: undefined as unknown as Db };
  let removeDir = () => {};
  beforeEach(async () => {
    const dir = makeTempDir();
    removeDir = dir.remove;
    handle.db = openSqlite(`${dir.path}/icp.sqlite`);
    await migrateToLatest(handle.db);
  });
  afterEach(async () => {
    await handle.db.destroy();
    removeDir();
  });
  return handle;
}
