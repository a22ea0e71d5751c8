import { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import { countIcpsSharedWithQuery, listIcpsAfterQuery, listIcpsQuery } from './icp.repository.js';

describe('icp repository', () => {
  const database = useTempDatabase();
  const planOf = async (query: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
    const { sql, parameters } = query.compile();
    const plan = await database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${sql}`, [...parameters]),
    );
    return plan.rows.map((row) => row.detail).join('\n');
  };

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

  it('a page after a cursor starts inside the membership index, in list order', async () => {
    const after = { createdAt: '2025-01-01T00:00:00.000Z', id: crypto.randomUUID() };
    const details = await planOf(listIcpsAfterQuery(database.db, 'user_1', after, 50));
    expect(details).toMatch(
      /SEARCH m USING (COVERING )?(PRIMARY KEY|INDEX \w+) \(user_id=\? AND \(icp_created_at,icp_id\)>\(\?,\?\)\)/,
    );
    expect(details).not.toMatch(/SCAN|TEMP B-TREE/);
  });

  it('counting the ICPs shared with users reads the partial index of shares alone', async () => {
    const details = await planOf(countIcpsSharedWithQuery(database.db, ['a', 'b']));
    expect(details).toMatch(/icp_members_shared_idx/);
    expect(details).not.toMatch(/SCAN icp_members/);
  });
});
