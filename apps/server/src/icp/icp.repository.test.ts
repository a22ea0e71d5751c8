import { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import { listIcpsQuery } from './icp.repository.js';

describe('icp repository', () => {
  const database = useTempDatabase();

  it("listing a user's ICPs searches the membership index and never scans the ICPs", async () => {
    const query = listIcpsQuery(database.db, 'user_1').compile();
    const plan = await database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    const details = plan.rows.map((row) => row.detail).join('\n');

    expect(details).toMatch(/SEARCH m USING (COVERING )?(PRIMARY KEY|INDEX)/);
    expect(details).toMatch(/SEARCH i USING INDEX sqlite_autoindex_icps_1 \(id=\?\)/);
    expect(details).not.toMatch(/SCAN|TEMP B-TREE/);
  });
});
