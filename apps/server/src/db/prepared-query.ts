import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Db } from './connect.js';
import { isPostgres } from './dialect.js';
import { prepareOnPostgres } from './named-statements.js';

/**
 * A query built and compiled once per database, then run with new values: building and compiling
 * a Kysely query costs as much as a point lookup itself. On PostgreSQL its text is also a named
 * statement, so the server parses and plans it once per connection. `build` receives placeholders
 * for the values; each must appear at least once among the compiled parameters.
 */
export function preparedQuery<Row, Args extends unknown[]>(
  arity: Args['length'],
  build: (db: Db, ...placeholders: unknown[]) => Compilable<Row>,
): (db: Db, ...values: Args) => Promise<QueryResult<Row>> {
  // Per database instance, because the SQL text depends on the dialect.
  const compiledFor = new WeakMap<Db, { query: CompiledQuery<Row>; slots: number[][] }>();
  const compile = (db: Db) => {
    const placeholders = Array.from({ length: arity }, (_, index) => Symbol(`value ${index}`));
    const query = build(db, ...placeholders).compile();
    // slots[i]: the positions among the compiled parameters of the i-th value.
    const slots = placeholders.map((placeholder) =>
      query.parameters.flatMap((parameter, position) =>
        parameter === placeholder ? [position] : [],
      ),
    );
    if (slots.some((positions) => positions.length === 0)) {
      throw new Error(`A prepared query must use each of its ${arity} placeholders`);
    }
    if (isPostgres(db)) prepareOnPostgres(query.sql);
    return { query, slots };
  };
  return (db, ...values) => {
    let compiled = compiledFor.get(db);
    if (compiled === undefined) {
      compiled = compile(db);
      compiledFor.set(db, compiled);
    }
    const parameters = [...compiled.query.parameters];
    compiled.slots.forEach((positions, index) => {
      for (const position of positions) parameters[position] = values[index];
    });
    return db.executeQuery({ ...compiled.query, parameters });
  };
}
