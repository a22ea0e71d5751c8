import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import { testDatabase } from '../../test/support/test-database.js';
import { preparedQuery } from './prepared-query.js';

const icpNameById = preparedQuery<{ name: string }, [id: string]>(1, (db, id) =>
  db
    .selectFrom('icps')
    .select('name')
    .where('id', '=', id as string),
);

/** The same value in two places of one query: both slots take it. */
const sameValueTwice = preparedQuery<{ a: string; b: string }, [value: string]>(1, (db, value) => ({
  compile: () => sql<{ a: string; b: string }>`select ${value} as a, ${value} as b`.compile(db),
}));

describe.skipIf(testDatabase !== 'postgres')('named statements on PostgreSQL', () => {
  const database = useTempDatabase();

  it('runs a prepared query as a statement the connection parsed once', async () => {
    await database.db.connection().execute(async (connection) => {
      for (const id of ['a', 'b', 'c']) {
        expect((await icpNameById(connection, id)).rows).toEqual([]);
      }
      const { rows } = await sql<{ statement: string }>`
        select statement from pg_prepared_statements where not from_sql`.execute(connection);
      const prepared = rows.map((row) => row.statement);
      expect(prepared.filter((text) => text.includes('from "icps"'))).toHaveLength(1);
    });
  });

  it('leaves other queries unnamed', async () => {
    await database.db.connection().execute(async (connection) => {
      await sql`select count(*) from icps where name = ${'x'}`.execute(connection);
      const { rows } = await sql<{ statement: string }>`
        select statement from pg_prepared_statements`.execute(connection);
      expect(rows.filter((row) => row.statement.includes('count(*)'))).toEqual([]);
    });
  });
});

describe('prepared queries', () => {
  const database = useTempDatabase();

  it('put a value used twice in both of its places', async () => {
    expect((await sameValueTwice(database.db, 'x')).rows).toEqual([{ a: 'x', b: 'x' }]);
  });
});
