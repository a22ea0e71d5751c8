import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/temp-dir.js';
import { type Db, openSqlite } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { listIcpsQuery } from './icp.repository.js';

describe('icp repository', () => {
  let db: Db;
  let removeDir: () => void;

  beforeEach(async () => {
    const dir = makeTempDir();
    removeDir = dir.remove;
    db = openSqlite(`${dir.path}/icp.sqlite`);
    await migrateToLatest(db);
  });
  afterEach(async () => {
    await db.destroy();
    removeDir();
  });

  it("listing a user's ICPs searches the membership index and never scans the ICPs", async () => {
    const query = listIcpsQuery(db, 'user_1').compile();
    const plan = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    const details = plan.rows.map((row) => row.detail).join('\n');

    expect(details).toMatch(/SEARCH m USING (COVERING )?(PRIMARY KEY|INDEX)/);
    expect(details).toMatch(/SEARCH i USING INDEX sqlite_autoindex_icps_1 \(id=\?\)/);
    expect(details).not.toMatch(/SCAN|TEMP B-TREE/);
  });
});
